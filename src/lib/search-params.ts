import { isLocale, type Locale } from '../i18n/locales.ts';
import { MAX_QUERY } from './search-query.ts';

/** The filters a search can be narrowed by; the values are ids, the same in every language. */
export const SEARCH_FILTERS = ['type', 'department', 'topic', 'genre', 'year', 'validity'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];
export type SearchFilters = Partial<Record<SearchFilter, string>>;
export const SEARCH_PAGE_SIZE = 10;

export interface SearchParams {
  q: string;
  filters: SearchFilters;
  page: number;
  /** Parameters that were not understood and were ignored. */
  invalid: string[];
}

const idPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Reads a search from a query string; bad values are dropped and named, never thrown. */
export function parseSearchParams(params: URLSearchParams): SearchParams {
  const invalid: string[] = [];
  const q = (params.get('q') ?? '').slice(0, MAX_QUERY * 4).trim().slice(0, MAX_QUERY);
  const filters: SearchFilters = {};
  for (const key of SEARCH_FILTERS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if (idPattern.test(value)) filters[key] = value;
    else invalid.push(key);
  }
  let page = 1;
  const p = params.get('page');
  if (p) {
    const n = Number(p);
    if (Number.isInteger(n) && n >= 1 && n <= 1000) page = n;
    else invalid.push('page');
  }
  return { q, filters, page, invalid };
}

/** The locale of an API request: `locale=` if given and known, else undefined. */
export function parseLocaleParam(value: string | null): Locale | undefined {
  return isLocale(value) ? value : undefined;
}

/** The query string of a search (defaults left out), for links to other pages of results. */
export function searchQueryString(q: string, filters: SearchFilters, page = 1): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const key of SEARCH_FILTERS) if (filters[key]) params.set(key, filters[key]!);
  if (page > 1) params.set('page', String(page));
  return params.toString();
}
