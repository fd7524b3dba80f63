/**
 * The Node adapter answers a bare English "Bad request." to any request whose URL `decodeURI`
 * cannot decode — and so to a search for `?q=%FF` (bytes that are not UTF-8) or `?q=50%` (a `%`
 * that starts no escape), which a reader's browser sends when that is what was typed or pasted.
 * The pages read their query with URLSearchParams, which takes both in its stride (U+FFFD, a
 * literal `%`), so such a query is written again as URLSearchParams reads it: the page gets the
 * same parameters, and answers in the reader's language. A path that is not UTF-8 names no page
 * and is left for the adapter to refuse.
 */
export function readableTarget(target: string): string {
  if (decodes(target)) return target;
  const at = target.indexOf('?');
  if (at < 0 || !decodes(target.slice(0, at))) return target;
  return `${target.slice(0, at)}?${new URLSearchParams(target.slice(at + 1)).toString()}`;
}

function decodes(s: string): boolean {
  try {
    decodeURI(s);
    return true;
  } catch {
    return false;
  }
}
