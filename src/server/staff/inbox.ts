/**
 * The back office's inbox: the cases a staff member may see, filtered by letter kind, state,
 * deadline and department, and marked due-soon or overdue by the working-day calendar. A
 * department handler's list is always limited to their own department, whatever the address
 * asks for. Unknown filter values are ignored rather than refused: the inbox is a GET page a
 * bookmark or an edited address must not break.
 */
import { beijingDate, type DeadlineStatus, type WorkingDayCalendar } from '../../lib/working-days.ts';
import { departmentScope, type Staff } from '../../lib/staff/roles.ts';
import { LETTER_KINDS } from '../cases/letter-settings.ts';
import { dueInstant } from '../cases/letter-record.ts';
import type { CaseFilter, CaseRecord, Store } from '../store/store.ts';

export const CASE_STATES = ['submitted', 'correction-requested', 'accepted', 'not-accepted', 'assigned', 'replied', 'closed'] as const;
/** The inbox's kinds: the four letter kinds, and online service applications. */
export const INBOX_KINDS = [...LETTER_KINDS, 'application'] as const;
export const DUE_FILTERS = ['overdue', 'soon'] as const;
export const INBOX_PAGE_SIZE = 25;

export interface InboxQuery {
  kind?: string;
  state?: string;
  due?: (typeof DUE_FILTERS)[number];
  department?: string;
  q?: string;
  page: number;
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined);

export function readInboxQuery(params: URLSearchParams, departments: ReadonlySet<string>): InboxQuery {
  const department = params.get('department');
  const page = Number(params.get('page'));
  const q = params.get('q')?.trim().slice(0, 100);
  return {
    ...(oneOf(INBOX_KINDS, params.get('kind')) ? { kind: params.get('kind')! } : {}),
    ...(oneOf(CASE_STATES, params.get('state')) ? { state: params.get('state')! } : {}),
    ...(oneOf(DUE_FILTERS, params.get('due')) ? { due: oneOf(DUE_FILTERS, params.get('due'))! } : {}),
    ...(department && departments.has(department) ? { department } : {}),
    ...(q ? { q } : {}),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The Store filter for a query as this staff member may run it. */
export function caseFilter(query: InboxQuery, staff: Staff, calendar: WorkingDayCalendar, now: Date, page?: { limit: number; offset: number }): CaseFilter {
  const scope = departmentScope(staff);
  const filter: CaseFilter = {
    order: query.due ? 'due' : 'newest',
    limit: page?.limit ?? INBOX_PAGE_SIZE,
    offset: page?.offset ?? (query.page - 1) * INBOX_PAGE_SIZE,
  };
  if (query.kind === 'application') filter.kind = 'application';
  else if (query.kind) {
    filter.kind = 'letter';
    filter.category = query.kind;
  }
  if (query.state) filter.state = query.state;
  if (query.q) filter.text = query.q;
  const department = scope ?? query.department;
  if (department !== undefined) filter.department = department;
  if (query.due === 'overdue') filter.dueBefore = now;
  if (query.due === 'soon') {
    filter.dueAfter = now;
    filter.dueBefore = dueInstant(calendar.addWorkingDays(beijingDate(now), 2));
  }
  return filter;
}

export interface InboxItem {
  case: CaseRecord;
  /** Only for cases someone still owes an answer on. */
  mark: DeadlineStatus | null;
}

/**
 * The day someone owes the citizen something by: a bad rating's fix while it is pending,
 * otherwise the case's own deadline while it is open; null when nothing is owed.
 */
export function owedBy(c: CaseRecord): string | null {
  if (!c.dueAt) return null;
  const fix = c.data.ratingFix as { dueOn?: string; fixedAt?: string } | undefined;
  if (fix && !fix.fixedAt && fix.dueOn) return fix.dueOn;
  return typeof c.data.dueOn === 'string' ? c.data.dueOn : null;
}

export function deadlineMark(c: CaseRecord, calendar: WorkingDayCalendar, now: Date): DeadlineStatus | null {
  const dueOn = owedBy(c);
  if (!dueOn) return null;
  try {
    return calendar.deadlineStatus(now, dueOn);
  } catch {
    return null; // a year the calendar does not hold: no mark rather than no inbox
  }
}

export async function loadInbox(deps: { store: Store; calendar: WorkingDayCalendar; now: Date }, query: InboxQuery, staff: Staff) {
  const { items, total } = await deps.store.listCases(caseFilter(query, staff, deps.calendar, deps.now));
  return { total, items: items.map((c): InboxItem => ({ case: c, mark: deadlineMark(c, deps.calendar, deps.now) })) };
}
