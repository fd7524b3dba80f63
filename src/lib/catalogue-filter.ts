/**
 * Filtering the disclosure catalogue by 发布机构, 主题, 体裁, year and validity, and sorting it
 * by date. Used by the static facet pages and by the server's combined filter, so both list
 * exactly the same documents. Unknown values are reported, never thrown.
 */
export const FACETS = ['department', 'topic', 'genre', 'year', 'validity'] as const;
export type Facet = (typeof FACETS)[number];
export type Sort = 'newest' | 'oldest';

export interface FilterableDocument {
  id: string;
  department: string;
  topic: string;
  /** The top-level topic, when `topic` is a sub-topic. */
  topicParent?: string | undefined;
  genre: string;
  year: number;
  validity: string;
  published: Date;
}

export type Filters = Partial<Record<Facet, string>>;

export interface ParsedFilters {
  filters: Filters;
  sort: Sort;
  page: number;
  /** Names of the parameters whose values were not recognised (and were ignored). */
  invalid: Facet[] | ('sort' | 'page')[];
}

/** The values each facet may take, from the content. */
export type Allowed = Record<Facet, ReadonlySet<string>>;

/** Reads filters from a query string; anything unrecognised is dropped and named. */
export function parseFilters(params: URLSearchParams, allowed: Allowed): ParsedFilters {
  const filters: Filters = {};
  const invalid: string[] = [];
  for (const facet of FACETS) {
    const value = params.get(facet)?.trim();
    if (!value) continue;
    if (allowed[facet].has(value)) filters[facet] = value;
    else invalid.push(facet);
  }
  const sortParam = params.get('sort');
  const sort: Sort = sortParam === 'oldest' ? 'oldest' : 'newest';
  if (sortParam && sortParam !== 'oldest' && sortParam !== 'newest') invalid.push('sort');
  const pageParam = params.get('page');
  let page = 1;
  if (pageParam) {
    const n = Number(pageParam);
    if (Number.isInteger(n) && n >= 1 && n <= 100_000) page = n;
    else invalid.push('page');
  }
  return { filters, sort, page, invalid: invalid as ParsedFilters['invalid'] };
}

/** Whether a document matches every filter; a top-level topic matches its sub-topics too. */
export function matches(doc: FilterableDocument, filters: Filters): boolean {
  if (filters.department && doc.department !== filters.department) return false;
  if (filters.topic && doc.topic !== filters.topic && doc.topicParent !== filters.topic) return false;
  if (filters.genre && doc.genre !== filters.genre) return false;
  if (filters.year && String(doc.year) !== filters.year) return false;
  if (filters.validity && doc.validity !== filters.validity) return false;
  return true;
}

/** The matching documents, sorted by publication date (ties by id, so the order is stable). */
export function filterCatalogue<T extends FilterableDocument>(docs: readonly T[], filters: Filters, sort: Sort = 'newest'): T[] {
  const sign = sort === 'newest' ? -1 : 1;
  return docs
    .filter((d) => matches(d, filters))
    .sort((a, b) => sign * (a.published.getTime() - b.published.getTime()) || sign * a.id.localeCompare(b.id));
}

/** The facet values present in a catalogue, for building the filter form and facet pages. */
export function facetValues(docs: readonly FilterableDocument[]): Allowed {
  const sets = Object.fromEntries(FACETS.map((f) => [f, new Set<string>()])) as Record<Facet, Set<string>>;
  for (const d of docs) {
    sets.department.add(d.department);
    sets.topic.add(d.topic);
    if (d.topicParent) sets.topic.add(d.topicParent);
    sets.genre.add(d.genre);
    sets.year.add(String(d.year));
    sets.validity.add(d.validity);
  }
  return sets;
}

/** The query string for a set of filters (empty values left out), for links and forms. */
export function filterQuery(filters: Filters, sort: Sort = 'newest', page = 1): string {
  const params = new URLSearchParams();
  for (const facet of FACETS) if (filters[facet]) params.set(facet, filters[facet]!);
  if (sort !== 'newest') params.set('sort', sort);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}
