/**
 * Reads a request body of at most `limit` bytes: the declared Content-Length first, then the
 * bytes actually received (a chunked body declares none), so an oversized request is refused
 * without being buffered whole. Never throws: a dropped connection is 'unreadable'.
 */
export type BodyRead = { ok: true; bytes: Buffer } | { ok: false; error: 'too-large' | 'unreadable' };

export async function readBody(request: Request, limit: number): Promise<BodyRead> {
  const reader = request.body?.getReader();
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return tooLarge(reader);
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) break;
      received += next.value.byteLength;
      if (received > limit) return tooLarge(reader);
      chunks.push(next.value);
    }
  } catch {
    return { ok: false, error: 'unreadable' };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/**
 * Refuses a body over the limit. Nothing more of it is kept, but the rest is still read and
 * dropped as it arrives (up to the adapter's own body limit, within Node's request timeout):
 * closing the connection under a client that is still sending resets it, and the reset can lose
 * the answer on its way — a browser then shows "connection reset" instead of the page saying
 * the form was too large. Web servers linger before closing for the same reason.
 */
function tooLarge(reader: ReadableStreamDefaultReader<Uint8Array> | undefined): BodyRead {
  if (reader) {
    void (async () => {
      try {
        while (!(await reader.read()).done);
      } catch {
        // The client went away, or the body passed the adapter's limit and the connection was closed.
      }
    })();
  }
  return { ok: false, error: 'too-large' };
}
