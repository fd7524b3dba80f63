/**
 * Reads a request body of at most `limit` bytes: the declared Content-Length first, then the
 * bytes actually received (a chunked body declares none), so an oversized request is refused
 * without being buffered whole. Never throws: a dropped connection is 'unreadable'.
 */
export type BodyRead = { ok: true; bytes: Buffer } | { ok: false; error: 'too-large' | 'unreadable' };

export async function readBody(request: Request, limit: number): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return { ok: false, error: 'too-large' };
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    const reader = request.body?.getReader();
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) break;
      received += next.value.byteLength;
      if (received > limit) {
        await reader?.cancel().catch(() => {});
        return { ok: false, error: 'too-large' };
      }
      chunks.push(next.value);
    }
  } catch {
    return { ok: false, error: 'unreadable' };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
