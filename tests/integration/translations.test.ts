import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTranslationReport, translationReport } from '../../src/server/editorial/translation-report.ts';
import { staffGet, staffMember } from '../support/staff.ts';

/**
 * The translation report: staleness from Git on a throwaway repository, and the back-office
 * page on the running server against the sample content, whose counts are checked against a
 * direct count of the folders.
 */
const temps: string[] = [];
afterAll(() => { for (const dir of temps) rmSync(dir, { recursive: true, force: true }); });

function repository() {
  const root = mkdtempSync(join(tmpdir(), 'translations-'));
  temps.push(root);
  const git = (at: string, ...args: string[]) => execFileSync('git', args, {
    cwd: root, stdio: 'pipe',
    env: { ...process.env, GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at, GIT_AUTHOR_NAME: 'Editor', GIT_AUTHOR_EMAIL: 'e@example.com', GIT_COMMITTER_NAME: 'Editor', GIT_COMMITTER_EMAIL: 'e@example.com' },
  });
  const write = (path: string, text: string) => { mkdirSync(join(root, path, '..'), { recursive: true }); writeFileSync(join(root, path), text); };
  const commit = (at: string) => { git(at, 'add', '-A'); git(at, 'commit', '-q', '-m', 'content'); };
  git('2026-11-01T10:00:00+08:00', 'init', '-q');
  return { root, content: join(root, 'content'), write, commit };
}

const yaml = (zh: string, ug: string, en?: string) =>
  `published: 2026-11-01T10:00:00+08:00\ndepartment: transport\nzh:\n  title: ${zh}\nug:\n  title: ${ug}\n${en ? `en:\n  title: ${en}\n` : ''}`;

describe('staleness from Git', () => {
  it('marks a translation stale when the Chinese body or block changed after it, and only then', async () => {
    const repo = repository();
    for (const id of ['body-changed', 'block-changed', 'ug-updated', 'untouched']) {
      repo.write(`content/news/${id}/index.yaml`, yaml('路况', 'يول ئەھۋالى', 'Roads'));
      for (const lang of ['zh', 'ug', 'en']) repo.write(`content/news/${id}/body/${lang}.md`, `${lang} text\n`);
    }
    repo.commit('2026-11-02T10:00:00+08:00');
    repo.write('content/news/body-changed/body/zh.md', '中文正文改了\n');
    repo.write('content/news/block-changed/index.yaml', yaml('路况通报', 'يول ئەھۋالى', 'Roads'));
    repo.write('content/news/ug-updated/body/zh.md', '中文正文改了\n');
    repo.commit('2026-11-05T10:00:00+08:00');
    repo.write('content/news/ug-updated/index.yaml', yaml('路况', 'يول ئەھۋالى ئۇقتۇرۇشى', 'Roads'));
    repo.write('content/news/untouched/index.yaml', `${yaml('路况', 'يول ئەھۋالى', 'Roads')}# a note to editors\n`);
    repo.commit('2026-11-07T10:00:00+08:00');

    const report = await buildTranslationReport(repo.content);
    expect(report.history).toBe(true);
    const stale = report.status.stale.map((s) => `${s.id}/${s.lang}`).sort();
    expect(stale).toEqual(['block-changed/en', 'block-changed/ug', 'body-changed/en', 'body-changed/ug', 'ug-updated/en']);
    const one = report.status.stale.find((s) => s.id === 'body-changed' && s.lang === 'ug')!;
    expect(one.chineseChanged.toISOString()).toBe('2026-11-05T02:00:00.000Z');
    expect(one.translationChanged.toISOString()).toBe('2026-11-02T02:00:00.000Z');
  });

  it('without Git history still gives coverage and missing editions, and says staleness is unknown', async () => {
    const repo = repository();
    repo.write('content/news/only-ug/index.yaml', yaml('路况', 'يول ئەھۋالى'));
    for (const lang of ['zh', 'ug']) repo.write(`content/news/only-ug/body/${lang}.md`, `${lang}\n`);
    repo.commit('2026-11-02T10:00:00+08:00');
    const copy = mkdtempSync(join(tmpdir(), 'translations-nogit-'));
    temps.push(copy);
    cpSync(repo.content, join(copy, 'content'), { recursive: true });
    const report = await buildTranslationReport(join(copy, 'content'));
    expect(report.history).toBe(false);
    expect(report.status.missing).toEqual([{ collection: 'news', id: 'only-ug', department: 'transport', lang: 'en' }]);
    expect(report.status.coverage.find((c) => c.lang === 'ug')).toMatchObject({ items: 1, present: 1 });
    expect(report.items[0]!.changed).toEqual({});
  });

  it('keeps a report for a minute', async () => {
    const first = translationReport('content', 1_000_000);
    expect(translationReport('content', 1_030_000)).toBe(first);
    expect(translationReport('content', 1_070_000)).not.toBe(first);
  });
});

/** A direct count of a folder collection: items, and items with a body in `lang`. */
function count(collection: string, lang: string) {
  const ids = readdirSync(join('content', collection));
  return { items: ids.length, present: ids.filter((id) => existsSync(join('content', collection, id, 'body', `${lang}.md`))).length };
}

describe('the translation report page', () => {
  it('lists a known missing edition, linked to the Chinese page, with coverage matching a direct count', async () => {
    const admin = await staffMember('admin');
    const page = await staffGet(admin, '/admin/zh/translations/');
    expect(page.status).toBe(200);
    const row = page.$('#missing-table tr[data-item="news/2025-03-20-spring-sowing-preparations"][data-lang="ug"]');
    expect(row.length).toBe(1);
    expect(row.find('a').attr('href')).toBe('/zh/news/2025-03-20-spring-sowing-preparations/');
    expect(page.$('#missing-table tr[data-item="policies/2025-00002"][data-lang="en"]').length).toBe(1);
    for (const collection of ['news', 'notices', 'policies', 'interpretations']) {
      for (const lang of ['ug', 'en']) {
        const cell = page.$(`#coverage-table tr[data-collection="${collection}"] td[data-lang="${lang}"]`);
        const direct = count(collection, lang);
        expect(direct.present, `${collection}/${lang}`).toBeGreaterThan(0);
        expect({ items: Number(cell.attr('data-items')), present: Number(cell.attr('data-present')) }, `${collection}/${lang}`).toEqual(direct);
        expect(cell.text()).toContain(`${direct.present}/${direct.items}`);
      }
    }
    expect(page.$('a[href="/admin/zh/translations/"][aria-current="page"]').length).toBe(1);
  });

  it('is in all three languages, for the centre and the auditor too', async () => {
    for (const [role, locale, heading] of [['centre', 'zh', '翻译报告'], ['auditor', 'ug', 'تەرجىمە دوكلاتى'], ['centre', 'en', 'Translation report']] as const) {
      const page = await staffGet(await staffMember(role), `/admin/${locale}/translations/`);
      expect(page.status).toBe(200);
      expect(page.$('h1').text()).toBe(heading);
      expect(page.$('html').attr('dir')).toBe(locale === 'ug' ? 'rtl' : 'ltr');
      expect(page.$('#missing-table tbody tr').length).toBeGreaterThan(0);
    }
  });

  it('shows a department\'s handler only their own department\'s items', async () => {
    const handler = await staffMember('handler', 'agriculture');
    const page = await staffGet(handler, '/admin/en/translations/');
    expect(page.status).toBe(200);
    const items = page.$('#missing-table tbody tr').map((_, tr) => page.$(tr).attr('data-item')).get();
    expect(items).toContain('news/2025-03-20-spring-sowing-preparations');
    expect(items).not.toContain('policies/2025-00002'); // another department's
    expect(page.$('#coverage-table tr[data-collection="leaders"]').length).toBe(0); // no department
    expect(await staffGet(null, '/admin/en/translations/').then((p) => p.status)).toBe(303);
  });
});
