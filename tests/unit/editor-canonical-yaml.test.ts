/**
 * What the editor server stores when Keystatic saves an item (src/editor/save/canonical-item.ts):
 * the editor's change and nothing else, in the portal's YAML style, Uyghur normalised, without
 * the empty editions and defaults Keystatic writes.
 */
import { readFileSync } from 'node:fs';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { model } from '../../src/editor/collections.ts';
import { canonicalItem } from '../../src/editor/save/canonical-item.ts';

const NEWS = 'content/news/2025-03-20-spring-sowing-preparations/index.yaml';
const onDisk = readFileSync(NEWS, 'utf8');

/** The file as Keystatic posts it after an edit: js-yaml's style, every default written. */
function keystaticWrites(edit: (item: Record<string, any>) => void, from = onDisk): string {
  const item = load(from) as Record<string, any>;
  item.featured ??= false;
  item.attachments ??= [];
  item.ug ??= { keywords: [] };
  item.body = {};
  edit(item);
  return dump(item);
}

/** Lines of `after` that `before` does not have. */
const changedLines = (before: string, after: string) => {
  const old = new Set(before.split('\n'));
  return after.split('\n').filter((line) => !old.has(line));
};

describe('saving an item from the CMS', () => {
  it('changes only the edited line and stores Uyghur in normal form', () => {
    // ﻙ (U+FED9, a presentation form) and Persian-keyboard ی are what old software types.
    const posted = keystaticWrites((item) => (item.en.title = 'Spring sowing: the region sets out its plan'));
    const saved = canonicalItem({ posted, onDisk, schema: model.news });
    expect(changedLines(onDisk, saved.text)).toEqual(['  title: "Spring sowing: the region sets out its plan"']);

    const withUyghur = keystaticWrites((item) => (item.ug = { title: 'ﺋﺎﭘﺘﻮﻧﻮﻡ ﺭﺍﻳﻮﻥ ﺑﺎﮬﺎﺭﻟﯩﻖ ﺗېﺮﯨﻘﭽﯩﻠﯩﻖ', keywords: ['یېزا'] }));
    const text = canonicalItem({ posted: withUyghur, onDisk, schema: model.news }).text;
    // Between the Chinese and English editions, laid out as this file lays out its languages (no blank lines).
    expect(text).toContain('绿色农田\nug:\n  title: ئاپتونوم رايون باھارلىق تېرىقچىلىق\n  keywords: [يېزا]\nen:\n');
  });

  it('leaves out empty editions and the defaults Keystatic writes, for a new item too', () => {
    const saved = canonicalItem({ posted: keystaticWrites(() => {}), onDisk, schema: model.news });
    expect(saved.text).toBe(onDisk);

    const created = canonicalItem({ posted: keystaticWrites((item) => delete item.en), onDisk: null, schema: model.news });
    expect(created.text).not.toMatch(/featured|attachments|body|^ug:/m);
    expect(created.text).toMatch(/^published: 2025-03-20T10:30:00\+08:00\n/);
    expect(created.text).toContain('\n\nzh:\n  title: 自治区全面部署春耕备耕工作\n');
    expect(created.text).toContain('  keywords: [春耕, 农业生产, 农资保障]\n');
  });

  it('drops a text the editor emptied and keeps a time in Beijing time', () => {
    const posted = keystaticWrites((item) => {
      delete item.zh.summary;
      item.published = new Date('2025-03-21T01:00:00Z');
    });
    const text = canonicalItem({ posted, onDisk, schema: model.news }).text;
    expect(text).toMatch(/^published: 2025-03-21T09:00:00\+08:00\n/);
    expect(text).not.toContain('召开全区春耕备耕工作推进会');
  });

  it('keeps date-like strings quoted, so the site reads them as text', () => {
    const calendar = readFileSync('content/calendar/2026.yaml', 'utf8');
    const item = load(calendar) as { workdays: string[] };
    const posted = dump({ ...item, workdays: [...item.workdays, '2026-12-26'] });
    const text = canonicalItem({ posted, onDisk: calendar, schema: model.calendar }).text;
    // The comments beside the other days stay; the new day is quoted like them.
    expect(changedLines(calendar, text)).toEqual(['  - "2026-12-26"']);
    expect(model.calendar.safeParse(load(text)).success).toBe(true);
  });
});
