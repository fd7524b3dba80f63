/**
 * The Node adapter answers a bare English "Bad request." to any request whose URL `decodeURI`
 * cannot decode — and so to a search for `?q=%FF` (bytes that are not UTF-8) or `?q=50%` (a `%`
 * that starts no escape), which a reader's browser sends when that is what was typed or pasted.
 * Such a target is written again the way URLSearchParams reads a query (U+FFFD for bytes that are
 * not UTF-8, a literal `%`), so the page gets the same parameters and answers in the reader's
 * language. A path segment that cannot be decoded is read the same way: it names no page, and the
 * reader gets the "page not found" of the path's language instead of the adapter's English.
 */
export function readableTarget(target: string): string {
  if (decodes(target)) return target;
  const at = target.indexOf('?');
  const path = at < 0 ? target : target.slice(0, at);
  const readablePath = decodes(path) ? path : path.split('/').map(readableSegment).join('/');
  if (at < 0) return readablePath;
  return `${readablePath}?${new URLSearchParams(target.slice(at + 1)).toString()}`;
}

function decodes(s: string): boolean {
  try {
    decodeURI(s);
    return true;
  } catch {
    return false;
  }
}

const ESCAPE = /^%[0-9A-Fa-f]{2}/;

/**
 * One path segment as its bytes say, with U+FFFD for what is not UTF-8, escaped again. A segment
 * that decodes is kept exactly, so `%2F` and `%2E%2E` stay what they were.
 */
function readableSegment(segment: string): string {
  try {
    decodeURIComponent(segment);
    return segment;
  } catch {
    const bytes: number[] = [];
    for (let i = 0; i < segment.length; ) {
      if (ESCAPE.test(segment.slice(i))) {
        bytes.push(parseInt(segment.slice(i + 1, i + 3), 16));
        i += 3;
      } else {
        const char = String.fromCodePoint(segment.codePointAt(i)!);
        bytes.push(...new TextEncoder().encode(char));
        i += char.length;
      }
    }
    return encodeURIComponent(new TextDecoder('utf-8').decode(Uint8Array.from(bytes)));
  }
}
