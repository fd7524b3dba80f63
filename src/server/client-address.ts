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
