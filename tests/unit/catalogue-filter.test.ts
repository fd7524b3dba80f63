import { describe, expect, it } from 'vitest';
import { facetValues, filterCatalogue, filterQuery, parseFilters, type FilterableDocument } from '../../src/lib/catalogue-filter.ts';

const doc = (id: string, over: Partial<FilterableDocument>): FilterableDocument => ({
  id, department: 'education', topic: 'education', topicParent: 'science-education', genre: 'notice', year: 2025, validity: 'valid',
  published: new Date(`${over.year ?? 2025}-06-01T10:00:00+08:00`), ...over,
});
const docs = [
  doc('2024-00001', { year: 2024, department: 'housing', topic: 'housing', topicParent: 'urban-rural', genre: 'regulation', validity: 'repealed', published: new Date('2024-03-01T10:00:00+08:00') }),
  doc('2025-00001', { published: new Date('2025-01-05T10:00:00+08:00') }),
  doc('2025-00002', { genre: 'opinion', published: new Date('2025-07-05T10:00:00+08:00') }),
  doc('2026-00001', { year: 2026, department: 'housing', topic: 'urban-rural', topicParent: undefined, published: new Date('2026-02-01T10:00:00+08:00') }),
];
const allowed = facetValues(docs);

describe('catalogue filters', () => {
  it('combines filters with AND', () => {
    expect(filterCatalogue(docs, { department: 'education', genre: 'notice' }).map((d) => d.id)).toEqual(['2025-00001']);
  });

  it('lets a top-level topic match its sub-topics', () => {
    expect(filterCatalogue(docs, { topic: 'urban-rural' }).map((d) => d.id)).toEqual(['2026-00001', '2024-00001']);
  });

  it('sorts newest or oldest first', () => {
    expect(filterCatalogue(docs, {}).map((d) => d.id)).toEqual(['2026-00001', '2025-00002', '2025-00001', '2024-00001']);
    expect(filterCatalogue(docs, {}, 'oldest').map((d) => d.id)).toEqual(['2024-00001', '2025-00001', '2025-00002', '2026-00001']);
  });

  it('filters by year and validity', () => {
    expect(filterCatalogue(docs, { year: '2025' }).length).toBe(2);
    expect(filterCatalogue(docs, { validity: 'repealed' }).map((d) => d.id)).toEqual(['2024-00001']);
  });

  it('reads a query string, ignoring and naming what it does not know', () => {
    const parsed = parseFilters(new URLSearchParams('department=housing&genre=<script>&year=1900&sort=sideways&page=-3&validity='), allowed);
    expect(parsed.filters).toEqual({ department: 'housing' });
    expect(parsed.invalid).toEqual(['genre', 'year', 'sort', 'page']);
    expect(parsed.sort).toBe('newest');
    expect(parsed.page).toBe(1);
  });

  it('writes the query string back, leaving defaults out', () => {
    expect(filterQuery({ department: 'housing', year: '2025' }, 'oldest', 2)).toBe('?department=housing&year=2025&sort=oldest&page=2');
    expect(filterQuery({})).toBe('');
  });
});
