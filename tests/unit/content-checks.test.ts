import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent, runChecks, type Finding } from '../../src/lib/content-checks/index.ts';
import { fixUyghurYaml } from '../../src/lib/content-checks/uyghur.ts';

/**
 * check:content over small content folders, each broken in one way: every finding must name
 * the file and the field. The real content/ must pass.
 */
const NOW = new Date('2026-11-22T12:00:00+08:00');
const OFFICE = '11659900MB00010117';

const policy = (serial: string, extra = '') => `indexNumber: ${OFFICE}/2025-${serial}
department: office
written: 2025-03-10
published: 2025-03-14T10:00:00+08:00
documentNumber: 天政办发〔2025〕${Number(serial)}号
topic: economy
genre: notice
validity: valid
${extra}zh:
  title: 通知
ug:
  title: ئۇقتۇرۇش
`;

const news = (extra = '') => `published: 2026-11-03T09:00:00+08:00
department: office
image: ./cover.jpg
${extra}zh:
  title: 新闻
  imageAlt: 图片
ug:
  title: خەۋەر
  imageAlt: رەسىم
en:
  title: News
  imageAlt: A picture
`;

const BASE: Record<string, string> = {
  'settings/site.yaml': 'domain: www.tianshan.example\nzh: { siteName: 天山 }\n',
  'departments/office.yaml': `orgCode: ${OFFICE}\nzh: { name: 办公厅 }\n`,
  'topics/economy.yaml': 'order: 1\nname: { zh: 经济 }\n',
  'genres/notice.yaml': 'order: 1\nname: { zh: 通知 }\n',
  'policies/2025-00001/index.yaml': policy('00001'),
  'policies/2025-00001/body/zh.md': '正文。\n',
  'policies/2025-00002/index.yaml': policy('00002'),
  'news/2026-11-03-heating/index.yaml': news(),
  'news/2026-11-03-heating/cover.jpg': 'jpg',
  'news/2026-11-03-heating/photo-2.jpg': 'jpg',
  'news/2026-11-03-heating/files/plan.pdf': 'pdf',
  'news/2026-11-03-heating/body/zh.md': '见[政策](/zh/policies/2025-00001/)和[方案](/files/news/2026-11-03-heating/plan.pdf)。\n\n![示意图](../photo-2.jpg)\n',
  'news/2026-11-03-heating/body/ug.md': '[سىياسەت](/ug/policies/2025-00001/)\n\n![رەسىم](../photo-2.jpg)\n',
  'reports/2025.yaml': 'year: 2025\npublished: 2026-03-27T10:00:00+08:00\n',
  'calendar/2026.yaml': 'year: 2026\nholidays:\n  - { from: 2026-10-01, to: 2026-10-07, name: { zh: 国庆节 } }\nworkdays: [2026-10-10]\n',
};

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A content folder: the base, with files replaced (a string) or removed (null). */
function content(changes: Record<string, string | null> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'content-check-'));
  made.push(root);
  for (const [path, text] of Object.entries({ ...BASE, ...changes })) {
    if (text === null) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const findings = (root: string): Finding[] => Object.values(runChecks(loadContent(root), NOW)).flat();
/** The findings as `<file under root>: <field>` pairs. */
const where = (root: string) => findings(root).map((f) => `${f.file.slice(root.length + 1)}: ${f.field}`);

describe('content checks', () => {
  it('pass on a sound content folder', () => {
    expect(findings(content())).toEqual([]);
  });

  it('pass on the real content/', () => {
    expect(Object.values(runChecks(loadContent('content'))).flat()).toEqual([]);
  });

  describe('index numbers', () => {
    it('a 索引号 used twice', () => {
      const root = content({ 'policies/2025-00002/index.yaml': policy('00002').replace(`${OFFICE}/2025-00002`, `${OFFICE}/2025-00001`) });
      const found = findings(root);
      expect(where(root)).toContain('policies/2025-00002/index.yaml: indexNumber');
      expect(found.some((f) => /already used by .*policies\/2025-00001\/index\.yaml/.test(f.message))).toBe(true);
    });

    it('a missing or malformed 索引号', () => {
      const root = content({ 'policies/2025-00002/index.yaml': policy('00002').replace(/^indexNumber: .*\n/, '') });
      expect(where(root)).toEqual(['policies/2025-00002/index.yaml: indexNumber']);
    });

    it('a 文号 used twice, however its brackets are written', () => {
      const root = content({ 'policies/2025-00002/index.yaml': policy('00002').replace('天政办发〔2025〕2号', '天政办发[2025]1号') });
      expect(where(root)).toEqual(['policies/2025-00002/index.yaml: documentNumber']);
    });
  });

  describe('links', () => {
    it('a link to an item that does not exist, in a body', () => {
      const root = content({ 'news/2026-11-03-heating/body/en.md': 'See [the policy](/en/policies/2025-00009/).\n' });
      expect(where(root)).toEqual(['news/2026-11-03-heating/body/en.md: line 1']);
      expect(findings(root)[0]!.message).toMatch(/\/en\/policies\/2025-00009\/.*not a page/);
    });

    it('a relative link resolves against the page: a sibling item is found, a missing one is not', () => {
      const root = content({ 'news/2026-11-03-heating/body/en.md': '[ok](../../policies/2025-00002/)\n\n[bad](../2026-01-01-nothing/)\n' });
      expect(where(root)).toEqual(['news/2026-11-03-heating/body/en.md: line 3']);
    });

    it('a relative files/ link in a body, with the address it should have', () => {
      const root = content({ 'news/2026-11-03-heating/body/en.md': '[plan](files/plan.pdf)\n' });
      expect(findings(root)[0]!.message).toContain('/files/news/2026-11-03-heating/plan.pdf');
    });

    it('a portal path in YAML text, a missing attachment, a missing file under /files/', () => {
      const root = content({
        'news/2026-11-03-heating/index.yaml': news('attachments:\n  - file: files/gone.pdf\n    title: { zh: 方案 }\n').replace('  title: 新闻', '  title: 新闻\n  summary: 详见 /zh/services/123456789012/ 。'),
        'news/2026-11-03-heating/body/zh.md': '[方案](https://www.tianshan.example/files/news/2026-11-03-heating/gone.pdf)\n\n![示意图](../photo-2.jpg)\n',
      });
      expect(where(root).sort()).toEqual([
        'news/2026-11-03-heating/body/zh.md: line 1',
        'news/2026-11-03-heating/index.yaml: attachments.0.file',
        'news/2026-11-03-heating/index.yaml: zh.summary',
      ]);
    });

    it('leaves other sites, mail and fragments alone, and knows the facet and service routes', () => {
      const root = content({
        'news/2026-11-03-heating/body/en.md':
          '[a](https://example.org/x) [b](mailto:a@b.example) [c](#top) [d](/en/policies/genre/notice/) [e](/en/policies/year/2025/page/2/) [f](/en/letters/write/complaint/) [g](/en/)\n',
      });
      expect(findings(root)).toEqual([]);
    });
  });

  describe('images', () => {
    it('a cover without alt text in an edition that exists, per language', () => {
      const root = content({ 'news/2026-11-03-heating/index.yaml': news().replace('  imageAlt: رەسىم\n', '').replace('  imageAlt: A picture\n', '  imageAlt: " "\n') });
      expect(where(root)).toEqual(['news/2026-11-03-heating/index.yaml: ug.imageAlt', 'news/2026-11-03-heating/index.yaml: en.imageAlt']);
    });

    it('no alt is asked of an edition that does not exist', () => {
      const root = content({ 'news/2026-11-03-heating/index.yaml': news().replace(/en:\n(  .*\n)+/, '') });
      expect(findings(root)).toEqual([]);
    });

    it('a body picture without alt text, or not in the folder', () => {
      const root = content({ 'news/2026-11-03-heating/body/en.md': 'Text.\n\n![](../photo-2.jpg)\n\n<img src="../photo-3.jpg" alt="x">\n' });
      expect(where(root)).toEqual(['news/2026-11-03-heating/body/en.md: line 3', 'news/2026-11-03-heating/body/en.md: line 5']);
    });

    it('a cover that is not beside index.yaml', () => {
      expect(where(content({ 'news/2026-11-03-heating/cover.jpg': null }))).toEqual(['news/2026-11-03-heating/index.yaml: image']);
    });
  });

  describe('Uyghur normalisation', () => {
    it('names the field and the first offending character with its code point', () => {
      const root = content({ 'policies/2025-00002/index.yaml': policy('00002').replace('ئۇقتۇرۇش', 'ھۆکۈمەت ئۇقتۇرۇشی') });
      const [finding] = findings(root);
      expect(`${finding!.file.slice(root.length + 1)}: ${finding!.field}`).toBe('policies/2025-00002/index.yaml: ug.title');
      expect(finding!.message).toContain('"ک" (U+06A9) at character 3, should be "ك" (U+0643)');
    });

    it('looks into labels under any ug key, and into body/ug.md by line', () => {
      const root = content({
        'topics/economy.yaml': 'order: 1\nname: { zh: 经济, ug: ئىقتىساد ٢٠٢٥ }\n',
        'news/2026-11-03-heating/body/ug.md': 'خەۋەر\n\nﻫﯚﻛﯜﻣﻪﺕ\n',
      });
      expect(where(root)).toEqual(['news/2026-11-03-heating/body/ug.md: line 3', 'topics/economy.yaml: name.ug']);
    });

    it('--fix-uyghur rewrites only the Uyghur characters, keeping comments and layout', () => {
      const source = '# ک in a comment stays\nzh:\n  title: 标题 ک\nug:\n  title: ھۆکۈمەت   # note\n  keywords: [یول, "ۋە"]\n';
      expect(fixUyghurYaml(source)).toBe('# ک in a comment stays\nzh:\n  title: 标题 ک\nug:\n  title: ھۆكۈمەت   # note\n  keywords: [يول, "ۋە"]\n');
    });
  });

  describe('dates', () => {
    const dated = (extra: string) => content({ 'policies/2025-00002/index.yaml': policy('00002', extra) });

    it('a policy whose validity and dates disagree', () => {
      expect(where(dated('validUntil: 2025-06-30\n')).map((w) => w.split(': ')[1])).toEqual(['validity']);
      const expired = content({ 'policies/2025-00002/index.yaml': policy('00002').replace('validity: valid', 'validity: expired') });
      expect(where(expired)).toEqual(['policies/2025-00002/index.yaml: validUntil']);
      const amended = content({ 'policies/2025-00002/index.yaml': policy('00002').replace('validity: valid', 'validity: amended') });
      expect(where(amended)).toEqual(['policies/2025-00002/index.yaml: replacedBy']);
      const repealedAhead = content({ 'policies/2025-00002/index.yaml': policy('00002', 'validUntil: 2027-01-01\n').replace('validity: valid', 'validity: repealed') });
      expect(where(repealedAhead)).toEqual(['policies/2025-00002/index.yaml: validUntil']);
    });

    it('written after published, and a 文号 of another year', () => {
      const root = content({ 'policies/2025-00002/index.yaml': policy('00002').replace('written: 2025-03-10', 'written: 2025-03-20').replace('〔2025〕', '〔2024〕') });
      expect(where(root)).toEqual(['policies/2025-00002/index.yaml: written', 'policies/2025-00002/index.yaml: documentNumber']);
    });

    it('published in the future, or after updated, or on another day than the folder says', () => {
      const root = content({ 'news/2026-11-03-heating/index.yaml': news().replace('2026-11-03T09:00:00+08:00', '2026-11-30T09:00:00+08:00') });
      const messages = findings(root).map((f) => `${f.field}: ${f.message}`);
      expect(messages).toEqual([expect.stringMatching(/^published: .* in the future/), expect.stringMatching(/^published: .*folder is dated 2026-11-03/)]);
      const updated = content({ 'news/2026-11-03-heating/index.yaml': news('updated: 2026-11-02T09:00:00+08:00\n') });
      expect(where(updated)).toEqual(['news/2026-11-03-heating/index.yaml: updated']);
    });

    it('a publish time without its offset', () => {
      const root = content({ 'news/2026-11-03-heating/index.yaml': news().replace('+08:00', '') });
      expect(where(root)).toEqual(['news/2026-11-03-heating/index.yaml: published']);
    });

    it('a report published before its year ended, a calendar day outside its year or not a day', () => {
      const root = content({
        'reports/2025.yaml': 'year: 2025\npublished: 2025-12-20T10:00:00+08:00\n',
        'calendar/2026.yaml': 'year: 2026\nholidays:\n  - { from: 2026-10-07, to: 2026-10-01, name: { zh: 国庆节 } }\n  - { date: 2025-12-31, name: { zh: 元旦 } }\nworkdays: [2026-02-30, 2026-10-12]\n',
      });
      expect(where(root)).toEqual([
        'reports/2025.yaml: published',
        'calendar/2026.yaml: holidays.0.to',
        'calendar/2026.yaml: holidays.1.date',
        'calendar/2026.yaml: workdays.0',
        'calendar/2026.yaml: workdays.1',
      ]);
    });
  });
});
