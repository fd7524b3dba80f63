/** Column lists show this many items a page. */
export const PAGE_SIZE = 20;

export interface Page<T> {
  items: T[];
  /** 1-based page number. */
  number: number;
  total: number;
  pageCount: number;
}

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(list: readonly T[], size = PAGE_SIZE): Page<T>[] {
  const pageCount = Math.max(1, Math.ceil(list.length / size));
  return Array.from({ length: pageCount }, (_, i) => ({
    items: list.slice(i * size, (i + 1) * size),
    number: i + 1,
    total: list.length,
    pageCount,
  }));
}

/** URL of page `n` of a column: the column itself for page 1, then `<column>page/<n>/`. */
export function pageHref(columnHref: string, n: number): string {
  return n <= 1 ? columnHref : `${columnHref}page/${n}/`;
}

/**
 * Page numbers to link, with `null` for a gap: always the first, last, current and its
 * neighbours, so the control stays short on a 320 px screen.
 */
export function pageWindow(current: number, count: number): (number | null)[] {
  const wanted = new Set([1, count, current - 1, current, current + 1].filter((n) => n >= 1 && n <= count));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) out.push(null);
    out.push(n);
  });
  return out;
}
