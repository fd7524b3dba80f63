/**
 * Headers of every answer of the editor server. Keystatic injects its styles at run time and
 * starts from an inline script, so its pages need `'unsafe-inline'` (the portal's hash-based CSP
 * leaves it unstyled); no other host is allowed, which also keeps the Google Fonts Keystatic asks
 * for blocked. Nothing is cached, indexed or framed.
 */
export const EDITOR_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS = {
  'Content-Security-Policy': EDITOR_CSP,
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

export function withEditorHeaders(response: Response): Response {
  try {
    for (const [k, v] of Object.entries(HEADERS)) response.headers.set(k, v);
    return response;
  } catch {
    // A response with immutable headers (Response.redirect): copy it.
    const copy = new Response(response.body, response);
    for (const [k, v] of Object.entries(HEADERS)) copy.headers.set(k, v);
    return copy;
  }
}
