/**
 * Reads a posted form with a byte limit. The declared Content-Length is checked first, then the
 * bytes actually received (a chunked body declares none), so an oversized request is refused
 * without being buffered whole. Only the two form encodings browsers send are accepted.
 */
export type FormReadError = { name: 'RequestTooLarge'; limit: number } | { name: 'UnreadableForm' };
export type FormRead = { ok: true; form: FormData } | { ok: false; error: FormReadError };

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)\s*(;|$)/i;

export async function readForm(request: Request, limit: number): Promise<FormRead> {
  const type = request.headers.get('content-type') ?? '';
  if (!FORM_TYPES.test(type)) return { ok: false, error: { name: 'UnreadableForm' } };
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return { ok: false, error: { name: 'RequestTooLarge', limit } };
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
        return { ok: false, error: { name: 'RequestTooLarge', limit } };
      }
      chunks.push(next.value);
    }
    const form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': type } }).formData();
    return { ok: true, form };
  } catch {
    // A broken multipart body, a connection dropped midway, or the adapter's own size limit.
    return { ok: false, error: { name: 'UnreadableForm' } };
  }
}

/** A text field's value; files and missing fields are ''. */
export function textField(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
}
