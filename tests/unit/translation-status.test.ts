import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastChangeOfBlocks, lastChangeOfFiles } from '../../src/lib/editorial/git-history.ts';
import { forDepartment, isStale, publicPath, translationStatus, type ItemEditions } from '../../src/lib/editorial/translation-status.ts';
import { hasBlock, scalarOf, topLevelEntries } from '../../src/lib/editorial/yaml-blocks.ts';

const day = (d: number) => new Date(Date.UTC(2026, 10, d));
const item = (over: Partial<ItemEditions> & Pick<ItemEditions, 'id'>): ItemEditions => ({
  collection: 'news', department: 'health', present: { zh: true, ug: true, en: true }, changed: {}, ...over,
});

describe('translation status', () => {
  it('counts coverage per collection and language, and lists the missing editions', () => {
    const status = translationStatus([
      item({ id: 'a' }),
      item({ id: 'b', present: { zh: true, ug: true } }),
      item({ id: 'c', present: { zh: true } }),
      item({ id: 'p', collection: 'policies' }),
    ]);
    const of = (collection: string, lang: string) => status.coverage.find((c) => c.collection === collection && c.lang === lang);
    expect(of('news', 'zh')).toMatchObject({ items: 3, present: 3, share: 1 });
    expect(of('news', 'ug')).toMatchObject({ items: 3, present: 2 });
    expect(of('news', 'en')!.share).toBeCloseTo(1 / 3);
    expect(of('policies', 'en')).toMatchObject({ items: 1, present: 1, share: 1 });
    expect(status.missing.map((m) => `${m.id}/${m.lang}`)).toEqual(['b/en', 'c/ug', 'c/en']);
  });

  it('a translation is stale when the Chinese text changed after it, not when at the same time or unknown', () => {
    const status = translationStatus([
      item({ id: 'old', changed: { zh: day(10), ug: day(5), en: day(10) } }),
      item({ id: 'newer', changed: { zh: day(5), ug: day(10), en: day(6) } }),
      item({ id: 'unknown', changed: { ug: day(1) } }),
      item({ id: 'missing', present: { zh: true, ug: false, en: true }, changed: { zh: day(10), ug: day(1), en: day(1) } }),
    ]);
    expect(status.stale.map((s) => `${s.id}/${s.lang}`)).toEqual(['missing/en', 'old/ug']);
    expect(status.stale[1]).toMatchObject({ chineseChanged: day(10), translationChanged: day(5) });
    expect(status.missing.map((m) => `${m.id}/${m.lang}`)).toEqual(['missing/ug']); // a missing edition is missing, not stale
  });

  it('limits a handler to their department; an empty department sees nothing', () => {
    const items = [item({ id: 'a' }), item({ id: 'b', department: 'transport' }), item({ id: 'c', department: null })];
    expect(forDepartment(items, 'transport').map((i) => i.id)).toEqual(['b']);
    expect(forDepartment(items, '')).toEqual([]);
    expect(forDepartment(items, null)).toHaveLength(3);
  });

  it('links to the Chinese edition\'s public page', () => {
    expect(publicPath('news', 'x')).toBe('/zh/news/x/');
    expect(publicPath('pages', 'contact')).toBe('/zh/contact/');
    expect(publicPath('pages', 'disclosure-guide')).toBe('/zh/disclosure/guide/');
    expect(publicPath('settings', 'site')).toBeNull();
  });

  const arbItem = fc.record({
    collection: fc.constantFrom('news', 'notices', 'policies'),
    id: fc.stringMatching(/^[a-z]{1,6}$/),
    department: fc.option(fc.constantFrom('health', 'transport'), { nil: null }),
    present: fc.record({ zh: fc.boolean(), ug: fc.boolean(), en: fc.boolean() }),
    changed: fc.record({ zh: fc.date({ noInvalidDate: true }), ug: fc.date({ noInvalidDate: true }), en: fc.date({ noInvalidDate: true }) }, { requiredKeys: [] }),
  });

  it('property: per collection and language, present + missing = items, and share = present / items', () => {
    fc.assert(fc.property(fc.uniqueArray(arbItem, { maxLength: 30, selector: (i) => `${i.collection}/${i.id}` }), (items) => {
      const status = translationStatus(items);
      for (const c of status.coverage) {
        expect(c.items).toBe(items.filter((i) => i.collection === c.collection).length);
        if (c.lang !== 'zh') expect(c.present + status.missing.filter((m) => m.collection === c.collection && m.lang === c.lang).length).toBe(c.items);
        expect(c.share).toBeCloseTo(c.present / c.items);
        expect(c.share).toBeGreaterThanOrEqual(0);
        expect(c.share).toBeLessThanOrEqual(1);
      }
    }));
  });

  it('property: an edition is stale exactly when it exists and the Chinese changed strictly later; never both missing and stale', () => {
    fc.assert(fc.property(fc.uniqueArray(arbItem, { maxLength: 30, selector: (i) => `${i.collection}/${i.id}` }), (items) => {
      const { stale, missing } = translationStatus(items);
      const expected = items.flatMap((i) => (['ug', 'en'] as const).filter((l) => i.present[l] && isStale(i.changed.zh, i.changed[l])).map((l) => `${i.collection}/${i.id}/${l}`));
      expect(stale.map((s) => `${s.collection}/${s.id}/${s.lang}`).sort()).toEqual(expected.sort());
      for (const s of stale) {
        expect(s.chineseChanged.getTime()).toBeGreaterThan(s.translationChanged.getTime());
        expect(missing.some((m) => m.collection === s.collection && m.id === s.id && m.lang === s.lang)).toBe(false);
      }
    }));
  });
});

describe('reading YAML blocks and Git history', () => {
  it('finds the editions and the department of a content file', () => {
    const e = topLevelEntries('published: 2026-11-18T10:30:00+08:00\ndepartment: "transport" # owner\nzh:\n  title: 标题\nug: {}\nen: { title: Title }\n# ug: later\n');
    expect(hasBlock(e, 'zh')).toBe(true);
    expect(hasBlock(e, 'ug')).toBe(false);
    expect(hasBlock(e, 'en')).toBe(true);
    expect(scalarOf(e, 'department')).toBe('transport');
  });

  it('keeps the latest commit time of each file', () => {
    const log = '\u0000200\n\nnews/a/body/zh.md\nnews/a/body/ug.md\n\u0000100\n\nnews/a/body/zh.md\n';
    const times = lastChangeOfFiles(log);
    expect(times.get('news/a/body/zh.md')).toEqual(new Date(200_000));
    expect(times.get('news/a/body/ug.md')).toEqual(new Date(200_000));
  });

  it('attributes changed lines to the block they fall in, from the hunk header or a changed top-level line', () => {
    const log = [
      '\u0000300', '',
      'diff --git a/news/a/index.yaml b/news/a/index.yaml', '--- a/news/a/index.yaml', '+++ b/news/a/index.yaml',
      '@@ -5 +5 @@ zh:', '-  title: 旧', '+  title: 新',
      '@@ -9,0 +10,1 @@ ug:', '+# a note to editors',
      '\u0000100', '',
      'diff --git a/news/a/index.yaml b/news/a/index.yaml', 'new file mode 100644', '--- /dev/null', '+++ b/news/a/index.yaml',
      '@@ -0,0 +1,6 @@', '+published: 2026-11-18', '+zh:', '+  title: 旧', '+ug:', '+  title: كونا', '+en: { title: Old }',
    ].join('\n');
    const times = lastChangeOfBlocks(log);
    expect(times.get('news/a/index.yaml#zh')).toEqual(new Date(300_000));
    expect(times.get('news/a/index.yaml#ug')).toEqual(new Date(100_000)); // the comment does not count
    expect(times.get('news/a/index.yaml#en')).toEqual(new Date(100_000));
    expect(times.get('news/a/index.yaml#published')).toEqual(new Date(100_000));
  });
});
