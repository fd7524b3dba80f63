import * as OpenCC from 'opencc-js/t2cn';
import type { Locale } from '../../i18n/locales.ts';
import { canonicalDocumentNumber, canonicalIndexNumber, queryCandidates } from '../../lib/search-query.ts';
import { SEARCH_PAGE_SIZE, type SearchFilters } from '../../lib/search-params.ts';
import { pagefindFor, type PagefindSearch } from './pagefind-node.ts';

/**
 * Site search for the server-rendered search page and the JSON API: the same Pagefind index
 * the browser uses, queried with the same preparation, so every route gives the same results.
 */
export interface SearchHit {
  url: string;
  title: string;
  /** Plain text with the matched words marked as `<mark>`; everything else is escaped. */
  excerptHtml: string;
  type: string | undefined;
  date: string | undefined;
}
export interface SearchOutcome {
  query: string;
  /** The query that was run against the index (after normalising or transliterating). */
  usedQuery: string | undefined;
  total: number;
  page: number;
  pageCount: number;
  results: SearchHit[];
  /** For each filter, how many results each value would give. */
  facets: Record<string, Record<string, number>>;
}

/** Pagefind gives URLs under the base it was loaded from; the site's own paths are wanted. */
const sitePath = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Pagefind's excerpts are escaped text with <mark>; keep only that, whatever it holds. */
export function safeExcerpt(html: string): string {
  return html.replace(/<(?!\/?mark>)/g, '&lt;');
}

type Hit = PagefindSearch['results'][number];
interface Found { results: Hit[]; filters: PagefindSearch['filters']; usedQuery: string }

/**
 * Runs a query: a whole document or index number is looked up exactly; otherwise every
 * candidate reading of the query is searched and the results merged by score (so a Latin
 * Uyghur word typed without diacritics finds the reading that exists), and results whose
 * title is the query, or contains it, come first.
 */
async function runSearch(locale: Locale, q: string, filters: Record<string, string>): Promise<Found | undefined> {
  const pagefind = await pagefindFor(locale);
  const simplified = toSimplified(q);
  const exactKeys: [string, string | undefined][] = [['docnum', canonicalDocumentNumber(simplified)], ['indexno', canonicalIndexNumber(q)]];
  for (const [key, value] of exactKeys) {
    if (!value) continue;
    const exact = await pagefind.search(null, { filters: { ...filters, [key]: value } });
    if (exact && exact.results.length > 0) return { results: exact.results, filters: exact.filters, usedQuery: value };
  }
  const candidates = queryCandidates(q, { locale, toSimplified });
  const searches = (await Promise.all(candidates.map((c) => pagefind.search(c, { filters })))).map((s, i) => ({ s, q: candidates[i]! }));
  const useful = searches.filter((x) => x.s && x.s.results.length > 0);
  if (useful.length === 0) return searches[0]?.s ? { results: [], filters: searches[0].s.filters, usedQuery: searches[0].q } : undefined;
  const best = new Map<string, Hit>();
  for (const { s } of useful) for (const r of s!.results) if ((best.get(r.id)?.score ?? -1) < r.score) best.set(r.id, r);
  const merged = [...best.values()].sort((a, b) => b.score - a.score);
  return { results: await titlesFirst(merged, candidates), filters: useful[0]!.s!.filters, usedQuery: useful[0]!.q };
}

/** Moves results whose title equals a query reading to the top, then those whose title contains one. */
async function titlesFirst(results: Hit[], readings: string[]): Promise<Hit[]> {
  const head = results.slice(0, TITLE_RERANK);
  const fold = (s: string) => s.toLowerCase().replace(/[\s《》«»“”"'‘’〈〉()（）]/g, '');
  const wanted = readings.map(fold).filter((r) => r.length >= 2);
  const rank = await Promise.all(
    head.map(async (r) => {
      const title = fold((await r.data()).meta.title ?? '');
      return wanted.some((w) => title === w) ? 0 : wanted.some((w) => title.includes(w)) ? 1 : 2;
    }),
  );
  const order = head.map((r, i) => ({ r, i, rank: rank[i]! })).sort((a, b) => a.rank - b.rank || a.i - b.i).map((x) => x.r);
  return [...order, ...results.slice(TITLE_RERANK)];
}

/** How many of the best results are checked for a title match (each costs a fragment load). */
const TITLE_RERANK = 20;

export async function searchSite(locale: Locale, q: string, filters: SearchFilters, page = 1): Promise<SearchOutcome> {
  const activeFilters = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
  const found = await runSearch(locale, q, activeFilters);
  const usedQuery = found?.usedQuery;
  const total = found?.results.length ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const slice = found ? found.results.slice((current - 1) * SEARCH_PAGE_SIZE, current * SEARCH_PAGE_SIZE) : [];
  const results = await Promise.all(
    slice.map(async (r) => {
      const data = await r.data();
      return { url: sitePath(data.url), title: data.meta.title ?? data.url, excerptHtml: safeExcerpt(data.excerpt), type: data.meta.type, date: data.meta.date };
    }),
  );
  // The document-number filter is a lookup key, not something to offer readers.
  const facets = Object.fromEntries(Object.entries(found?.filters ?? {}).filter(([key]) => key !== 'docnum' && key !== 'indexno'));
  return { query: q, usedQuery, total, page: current, pageCount, results, facets };
}
