/**
 * The address a request came from, for rate limits. Behind a reverse proxy or load balancer
 * every request arrives from the proxy, so with TRUSTED_PROXY=1 the address is the last
 * X-Forwarded-For entry — the one our own proxy appended; entries before it are whatever the
 * client sent and cannot be trusted. Without TRUSTED_PROXY the header is ignored.
 */
export function clientAddress(request: Request, socketAddress: string | undefined): string {
  if (process.env.TRUSTED_PROXY === '1') {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
    const last = forwarded?.at(-1);
    if (last) return last.slice(0, 64);
  }
  return socketAddress ?? 'unknown';
}

/**
 * Whether the reader reached us over HTTPS: the request's own scheme, or — behind our own
 * TLS-terminating proxy (TRUSTED_PROXY=1) — the last X-Forwarded-Proto entry. Cookies are marked
 * Secure then, so a session cookie set over HTTPS is never sent back over plain HTTP.
 */
export function isHttps(request: Request): boolean {
  if (new URL(request.url).protocol === 'https:') return true;
  if (process.env.TRUSTED_PROXY !== '1') return false;
  return request.headers.get('x-forwarded-proto')?.split(',').at(-1)?.trim().toLowerCase() === 'https';
}

/** The client address of an Astro request (`Astro` or an endpoint's context), for rate limits and the audit log. */
export function clientOf(context: { request: Request; clientAddress: string }): string {
  let address: string | undefined;
  try {
    address = context.clientAddress;
  } catch {
    /* not known on this adapter */
  }
  return clientAddress(context.request, address);
}
