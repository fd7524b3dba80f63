/** The audit log for a range of days as CSV (admin and auditor); the export itself is logged too. */
import type { APIRoute } from 'astro';
import { isLocale } from '../../../i18n/locales.ts';
import { pubDateTime } from '../../../i18n/format.ts';
import { useTranslations } from '../../../i18n/translate.ts';
import { can } from '../../../lib/staff/roles.ts';
import { clientOf } from '../../../server/client-address.ts';
import { audit } from '../../../server/staff/audit.ts';
import { auditRange, readAuditQuery } from '../../../server/staff/audit-query.ts';
import { csvResponse, toCsv } from '../../../server/staff/csv.ts';
import { getStore } from '../../../server/store-instance.ts';

export const prerender = false;
const MAX_ROWS = 100_000;

export const GET: APIRoute = async (context) => {
  const { locale } = context.params;
  if (!isLocale(locale)) return new Response('Not found', { status: 404 });
  const t = useTranslations(locale);
  const staff = context.locals.staff!;
  if (!can(staff, 'viewAudit')) return new Response(t('admin.error.Forbidden'), { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const q = readAuditQuery(context.url.searchParams, new Date());
  const store = await getStore();
  const rows: (string | number | null)[][] = [];
  for (let offset = 0; offset < MAX_ROWS; offset += 500) {
    const { items } = await store.listAudit({ ...auditRange(q), limit: 500, offset });
    for (const e of items) rows.push([e.id, pubDateTime(e.at), e.actor, e.action, e.subject, e.ip, JSON.stringify(e.data)]);
    if (items.length < 500) break;
  }
  await audit(store, staff, 'audit.export', null, clientOf(context), { from: q.from, to: q.to, rows: rows.length });
  const header = ['id', 'at', 'actor', 'action', 'subject', 'ip', 'data'].map((k) => t(`admin.auditCsv.${k}` as Parameters<typeof t>[0]));
  return csvResponse(toCsv(header, rows), `audit-${q.from}-${q.to}.csv`);
};
