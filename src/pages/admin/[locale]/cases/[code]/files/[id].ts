/**
 * A letter's attachment, for the staff who may see the case's personal data. Always a download
 * (never shown inline), with the type the file was stored as; each download is in the audit log.
 */
import type { APIRoute } from 'astro';
import { canSeePersonalData } from '../../../../../../lib/staff/roles.ts';
import { clientOf } from '../../../../../../server/client-address.ts';
import { audit } from '../../../../../../server/staff/audit.ts';
import { getStore } from '../../../../../../server/store-instance.ts';

export const prerender = false;

export const GET: APIRoute = async (context) => {
  const staff = context.locals.staff!;
  const { code, id } = context.params;
  const store = await getStore();
  const c = code ? await store.getCaseByCode(code) : undefined;
  const file = c && id ? await store.getFile(id) : undefined;
  if (!c || !file || file.caseId !== c.id) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (!canSeePersonalData(staff, c.department)) return new Response('Forbidden', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  await audit(store, staff, 'case.file', `case:${c.code}`, clientOf(context), { file: file.name });
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'Content-Length': String(file.size),
    },
  });
};
