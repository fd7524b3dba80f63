import { readBody } from './read-body.ts';

/**
 * Reads a posted form with a byte limit (see readBody). Only the two form encodings browsers
 * send are accepted.
 */
export type FormReadError = { name: 'RequestTooLarge'; limit: number } | { name: 'UnreadableForm' };
export type FormRead = { ok: true; form: FormData } | { ok: false; error: FormReadError };

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)\s*(;|$)/i;

export async function readForm(request: Request, limit: number): Promise<FormRead> {
  const type = request.headers.get('content-type') ?? '';
  if (!FORM_TYPES.test(type)) return { ok: false, error: { name: 'UnreadableForm' } };
  const body = await readBody(request, limit);
  if (!body.ok) return { ok: false, error: body.error === 'too-large' ? { name: 'RequestTooLarge', limit } : { name: 'UnreadableForm' } };
  try {
    const form = await new Response(new Uint8Array(body.bytes), { headers: { 'content-type': type } }).formData();
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
