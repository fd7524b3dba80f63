/**
 * The inbox selection as CSV (the same filters as the inbox page, up to 10,000 rows), in the
 * staff member's language. It holds the case facts the centre reports from, never the
 * writer's personal details. Each export is in the audit log.
 */
import type { APIRoute } from 'astro';
import { departmentNames, kindLabel, stateLabel } from '../../../components/admin/labels.ts';
import { isLocale } from '../../../i18n/locales.ts';
import { pubDateTime } from '../../../i18n/format.ts';
import { useTranslations } from '../../../i18n/translate.ts';
import { can } from '../../../lib/staff/roles.ts';
import { clientOf } from '../../../server/client-address.ts';
import { audit } from '../../../server/staff/audit.ts';
import { csvResponse, toCsv } from '../../../server/staff/csv.ts';
import { caseFilter, readInboxQuery } from '../../../server/staff/inbox.ts';
import { getCalendar, getStore } from '../../../server/store-instance.ts';

export const prerender = false;
const MAX_ROWS = 10_000;

export const GET: APIRoute = async (context) => {
  const { locale } = context.params;
  if (!isLocale(locale)) return new Response('Not found', { status: 404 });
  const staff = context.locals.staff!;
  const t = useTranslations(locale);
  if (!can(staff, 'exportCases')) return new Response(t('admin.error.Forbidden'), { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const [store, calendar, names] = await Promise.all([getStore(), getCalendar(), departmentNames(locale)]);
  const query = readInboxQuery(context.url.searchParams, new Set(names.keys()));
  const now = new Date();
  const rows: (string | number | null)[][] = [];
  for (let offset = 0; offset < MAX_ROWS; offset += 500) {
    const { items } = await store.listCases(caseFilter(query, staff, calendar, now, { limit: 500, offset }));
    for (const c of items) {
      const reply = c.data.reply as { at?: string } | null | undefined;
      rows.push([
        c.code, c.kind === 'application' ? t('admin.kind.application') : kindLabel(t, locale, c.category), c.subject, stateLabel(t, locale, c.state),
        c.department ? names.get(c.department) ?? c.department : '', pubDateTime(c.createdAt),
        typeof c.data.dueOn === 'string' ? c.data.dueOn : '', reply?.at ? pubDateTime(new Date(reply.at)) : '',
        c.publishedAt ? pubDateTime(c.publishedAt) : '',
      ]);
    }
    if (items.length < 500) break;
  }
  await audit(store, staff, 'case.export', null, clientOf(context), { rows: rows.length, filter: Object.fromEntries(context.url.searchParams) });
  const header = ['code', 'kind', 'title', 'state', 'department', 'received', 'dueOn', 'replied', 'published'].map((k) => t(`admin.csv.${k}` as Parameters<typeof t>[0]));
  return csvResponse(toCsv(header, rows), `cases-${pubDateTime(now).slice(0, 10)}.csv`);
};
