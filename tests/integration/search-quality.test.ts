import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';

/**
 * Search quality: a fixed set of queries, each with the one result that must come first, run
 * through the JSON API against the real built index. The queries come from the sample content
 * (titles, body phrases, 文号 and 索引号) and from the ways readers type: traditional characters,
 * Persian-keyboard and presentation-form Uyghur, Latin Uyghur. Add a case when a reader's query
 * finds the wrong thing; never loosen one to make it pass.
 */
interface QueryCase {
  query: string;
  locale: 'zh' | 'ug' | 'en';
  expectedTopUrl: string;
  why: string;
}
interface ApiResult {
  url: string;
  title: string;
}

const cases: QueryCase[] = JSON.parse(readFileSync('tests/fixtures/search-queries.json', 'utf8'));

async function search(locale: string, q: string): Promise<{ usedQuery: string | null; results: ApiResult[] }> {
  const res = await fetch(`${inject('baseURL')}/api/v1/search?${new URLSearchParams({ q, locale })}`);
  expect(res.status, `${locale} ${q}`).toBe(200);
  return (await res.json()) as { usedQuery: string | null; results: ApiResult[] };
}

describe('the query set', () => {
  it('has at least 12 queries per language, each expecting a page in its own language', () => {
    for (const locale of ['zh', 'ug', 'en']) expect(cases.filter((c) => c.locale === locale).length, locale).toBeGreaterThanOrEqual(12);
    for (const c of cases) expect(c.expectedTopUrl, c.query).toMatch(new RegExp(`^/${c.locale}/.+/$`));
  });
});

describe('search ranks the expected page first', () => {
  it.each(cases.map((c) => [c.locale, c.query, c] as const))('%s: %s', async (locale, query, c) => {
    const { usedQuery, results } = await search(locale, query);
    // On failure, show what did come first and what the query became, to see why.
    const top = results.slice(0, 3).map((r) => `${r.url} ${r.title}`);
    expect(results[0]?.url, `${c.why}\nran as: ${usedQuery}\ntop: ${top.join('\n     ')}`).toBe(c.expectedTopUrl);
  });
});
