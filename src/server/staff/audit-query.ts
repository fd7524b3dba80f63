/**
 * The audit log viewer's query: a range of Beijing days (from and to, both included; the last
 * 30 days when none is given) and a page. Bad dates fall back to the default rather than fail.
 */
import { addCalendarDays, beijingDate } from '../../lib/working-days.ts';
import type { AuditFilter } from '../store/store.ts';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditQuery { from: string; to: string; page: number | null }

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (v: string | null): v is string => v !== null && DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00+08:00`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

export function readAuditQuery(params: URLSearchParams, now: Date): AuditQuery {
  const today = beijingDate(now);
  const to = validDay(params.get('to')) ? params.get('to')! : today;
  const from = validDay(params.get('from')) ? params.get('from')! : addCalendarDays(to, -30);
  const page = Number(params.get('page'));
  return { from: from <= to ? from : to, to, page: Number.isInteger(page) && page >= 1 ? page : null };
}

/** The Store filter for the query's days; the page is chosen by the caller. */
export function auditRange(q: AuditQuery): Pick<AuditFilter, 'from' | 'to'> {
  return { from: new Date(`${q.from}T00:00:00+08:00`), to: new Date(`${addCalendarDays(q.to, 1)}T00:00:00+08:00`) };
}
