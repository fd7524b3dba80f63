import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, pageHref, pageWindow, paginate } from '../../src/lib/pagination.ts';

describe('column pagination', () => {
  it('shows 20 items a page', () => expect(PAGE_SIZE).toBe(20));

  it('splits a list into pages keeping every item once, in order', () => {
    const list = Array.from({ length: 45 }, (_, i) => i);
    const pages = paginate(list);
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
    expect(pages.flatMap((p) => p.items)).toEqual(list);
    expect(pages.every((p) => p.pageCount === 3 && p.total === 45)).toBe(true);
  });

  it('gives an empty column one empty page', () => {
    expect(paginate([])).toEqual([{ items: [], number: 1, total: 0, pageCount: 1 }]);
  });

  it('links page 1 to the column itself', () => {
    expect(pageHref('/zh/news/', 1)).toBe('/zh/news/');
    expect(pageHref('/zh/news/', 3)).toBe('/zh/news/page/3/');
  });

  it('keeps the page links short with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
  });
});
