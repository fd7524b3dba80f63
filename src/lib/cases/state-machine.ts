import { beijingDate, CalendarYearMissingError, type CalendarDate, type WorkingDayCalendar } from '../working-days.ts';

/**
 * The life of a case: one citizen submission of one kind (a letter to the leader's mailbox, a
 * consultation, a suggestion, a complaint; later an online service application or a disclosure
 * request). Pure rules, no I/O: the server layer finds and locks the record, calls {@link apply},
 * and stores `next` and the timeline entry in one transaction (DESIGN.md §6.5).
 *
 * Why a table per kind rather than one flow: services need 补正 (correction requests that restart
 * the clock), disclosure will need an extension and paused third-party time, letters need
 * neither. Each kind lists its states and, per action, the states it may start from, the state it
 * leads to and the roles that may take it; the code below only enforces the table and the
 * effects of each action. A new kind is a new entry in {@link KINDS}.
 *
 * Conventions (decided here, see the tests):
 * - Who does what. The letters centre (centre) accepts or refuses, assigns, transfers between
 *   departments, closes and reopens. A department handler replies, and only on cases assigned to
 *   their own department — the reply is published under that department's name (回复单位).
 *   The citizen resubmits after a correction request. The system (scheduled jobs) may close a
 *   replied case, or a service application whose correction never came (逾期不补正).
 *   Staff may add internal notes in any state; notes change nothing but the timeline.
 * - Refusal (not-accepted) is final: the citizen sees the reason and may write again.
 * - Reopen: the centre may reopen a closed letter (the citizen was not satisfied, or a check found
 *   the reply wanting); it goes back to the department that replied, with a fresh limit counted
 *   from the reopening day, and a reason the citizen sees. Service applications are not reopened:
 *   a decision on an application is changed by a new application or by review, not here.
 * - Deadlines. The due date is fixed at submission: `limit` working days after the day of receipt
 *   (see working-days.ts). Assigning and transferring keep it — moving a letter around must not
 *   buy time. A correction request stops the clock (no due date while the citizen corrects);
 *   resubmission restarts it in full from the new receipt day.
 * - Time. `now` is an instant; the timeline must stay chronological, so an action dated before the
 *   last entry is refused. Deadlines use the Beijing calendar day of `now`.
 * - Failure. Invalid actions return a named error and leave the record untouched; apply never
 *   throws, not even for a year the calendar does not cover (CalendarUnavailable).
 */

export type CaseKind = 'mailbox' | 'consultation' | 'suggestion' | 'complaint' | 'service';
export type CaseState = 'submitted' | 'correction-requested' | 'accepted' | 'not-accepted' | 'assigned' | 'replied' | 'closed';
export type Role = 'citizen' | 'centre' | 'handler' | 'system';

/** Who acts. A citizen has proved the tracking code and PIN upstream; staff are signed in. */
export type Actor =
  | { role: 'citizen' }
  | { role: 'centre'; staffId: string }
  | { role: 'handler'; staffId: string; department: string }
  | { role: 'system' };

export type CaseAction =
  | { type: 'accept' }
  | { type: 'notAccept'; reason: string }
  | { type: 'assign'; department: string }
  | { type: 'transfer'; department: string }
  /** `visibility`: whether the letter and reply may be published on the portal (公开/不公开). */
  | { type: 'reply'; text: string; visibility: 'public' | 'private'; decision?: 'approved' | 'refused' }
  | { type: 'close' }
  | { type: 'reopen'; reason: string }
  | { type: 'requestCorrection'; reason: string }
  | { type: 'resubmit' }
  | { type: 'note'; text: string };
export type ActionType = CaseAction['type'];

export interface Rule {
  from: readonly CaseState[];
  to: CaseState | 'unchanged';
  by: readonly Role[];
}

export interface KindPolicy {
  /** Every state a case of this kind may be in. */
  states: readonly CaseState[];
  transitions: Partial<Record<ActionType, Rule>>;
  /** Default limit in working days; null: each case must bring its own (a service's 承诺期限). */
  limitWorkingDays: number | null;
  /** How many correction requests a case may get (the law asks for everything at once). */
  maxCorrections: number;
}

const serviceStates: readonly CaseState[] = ['submitted', 'correction-requested', 'not-accepted', 'assigned', 'replied', 'closed'];
const letterStates: readonly CaseState[] = ['submitted', 'accepted', 'not-accepted', 'assigned', 'replied', 'closed'];

const letterTransitions: KindPolicy['transitions'] = {
  accept: { from: ['submitted'], to: 'accepted', by: ['centre'] },
  notAccept: { from: ['submitted'], to: 'not-accepted', by: ['centre'] },
  assign: { from: ['accepted'], to: 'assigned', by: ['centre'] },
  transfer: { from: ['assigned'], to: 'assigned', by: ['centre'] },
  reply: { from: ['assigned'], to: 'replied', by: ['handler'] },
  close: { from: ['replied'], to: 'closed', by: ['centre', 'system'] },
  reopen: { from: ['closed'], to: 'assigned', by: ['centre'] },
  note: { from: letterStates, to: 'unchanged', by: ['centre', 'handler'] },
};

const letter = (limitWorkingDays: number): KindPolicy => ({ states: letterStates, transitions: letterTransitions, limitWorkingDays, maxCorrections: 0 });

/**
 * The kinds. Letter limits follow common mailbox rules (STANDARDS.md §4: ordinary questions in 3
 * working days, other matters in 10). `service` is the first kind with corrections; its limit is
 * the service item's 承诺期限, given per case. An application belongs to the service's department
 * from the start (it is given at submission): that department's handler accepts it (state
 * `assigned`: being handled), asks for corrections once, decides (a reply with `decision`
 * approved or refused, and the result document) and completes it (close). The centre may do what
 * the department does except decide, and transfers an application filed under the wrong service.
 */
export const KINDS: Readonly<Record<CaseKind, KindPolicy>> = {
  mailbox: letter(10),
  consultation: letter(3),
  suggestion: letter(10),
  complaint: letter(10),
  service: {
    states: serviceStates,
    transitions: {
      accept: { from: ['submitted'], to: 'assigned', by: ['centre', 'handler'] },
      notAccept: { from: ['submitted'], to: 'not-accepted', by: ['centre', 'handler'] },
      requestCorrection: { from: ['submitted'], to: 'correction-requested', by: ['centre', 'handler'] },
      resubmit: { from: ['correction-requested'], to: 'submitted', by: ['citizen'] },
      transfer: { from: ['submitted', 'assigned'], to: 'unchanged', by: ['centre'] },
      reply: { from: ['assigned'], to: 'replied', by: ['handler'] },
      close: { from: ['replied', 'correction-requested'], to: 'closed', by: ['centre', 'handler', 'system'] },
      note: { from: serviceStates, to: 'unchanged', by: ['centre', 'handler'] },
    },
    limitWorkingDays: null,
    maxCorrections: 1,
  },
};

/** One line of a case's history. `public` entries are shown to the citizen; `internal` only to staff. */
export interface TimelineEntry {
  seq: number;
  /** ISO 8601 instant, UTC. */
  at: string;
  actor: Actor;
  action: ActionType | 'submit';
  from: CaseState | null;
  to: CaseState;
  visibility: 'public' | 'internal';
  details: Readonly<Record<string, string>>;
}

export interface CaseReply { text: string; visibility: 'public' | 'private'; department: string; at: string; decision?: 'approved' | 'refused' }

export interface CaseRecord {
  kind: CaseKind;
  trackingCode: string;
  state: CaseState;
  department: string | null;
  limitWorkingDays: number;
  /** The Beijing day the clock counts from: the receipt day, renewed on resubmission and reopening. */
  clockStart: CalendarDate;
  /** Null only while a correction is awaited (the clock is stopped). */
  dueOn: CalendarDate | null;
  notAcceptedReason: string | null;
  reply: CaseReply | null;
  corrections: number;
  reopenings: number;
  timeline: readonly TimelineEntry[];
}

export type CaseError =
  | { name: 'MalformedAction' }
  | { name: 'ActionNotAvailableForKind'; kind: CaseKind; action: string }
  | { name: 'ActionNotAllowedInState'; state: CaseState; action: ActionType; allowedFrom: readonly CaseState[] }
  | { name: 'ActorNotPermitted'; role: string; action: ActionType; permitted: readonly Role[] }
  | { name: 'NotCaseDepartment'; department: string; caseDepartment: string | null }
  | { name: 'MissingField'; field: 'reason' | 'department' | 'text' | 'visibility' | 'decision' }
  | { name: 'SameDepartment'; department: string }
  | { name: 'CorrectionLimitReached'; limit: number }
  | { name: 'ClockWentBackwards'; now: string; last: string }
  | { name: 'InvalidTime' }
  | { name: 'CalendarUnavailable'; year: number }
  | { name: 'LimitRequired'; kind: CaseKind }
  | { name: 'UnknownKind'; kind: string };

export type Result<T> = ({ ok: true } & T) | { ok: false; error: CaseError };
export type ApplyResult = Result<{ next: CaseRecord; timelineEntry: TimelineEntry }>;

const roles: readonly Role[] = ['citizen', 'centre', 'handler', 'system'];
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** Runs a calendar computation, turning its exceptions into named errors. */
function onCalendar<T>(compute: () => T): { ok: true; value: T } | { ok: false; error: CaseError } {
  try {
    return { ok: true, value: compute() };
  } catch (e) {
    if (e instanceof CalendarYearMissingError) return { ok: false, error: { name: 'CalendarUnavailable', year: e.year } };
    return { ok: false, error: { name: 'InvalidTime' } };
  }
}

/** A new case in state `submitted`, its clock started from the Beijing day of `receivedAt`. */
export function submitCase(input: {
  kind: CaseKind;
  trackingCode: string;
  receivedAt: Date;
  calendar: WorkingDayCalendar;
  /** Overrides the kind's default; required for kinds without one. */
  limitWorkingDays?: number;
  /** The department that owns the case from the start: required for service applications. */
  department?: string;
}): Result<{ record: CaseRecord }> {
  const policy = Object.hasOwn(KINDS, input.kind) ? KINDS[input.kind] : undefined;
  if (!policy) return { ok: false, error: { name: 'UnknownKind', kind: String(input.kind) } };
  const limit = input.limitWorkingDays ?? policy.limitWorkingDays;
  if (limit === null || !Number.isInteger(limit) || limit < 0) return { ok: false, error: { name: 'LimitRequired', kind: input.kind } };
  const department = text(input.department);
  if (input.kind === 'service' && !department) return { ok: false, error: { name: 'MissingField', field: 'department' } };
  const clock = onCalendar(() => {
    const day = beijingDate(input.receivedAt);
    return { start: input.calendar.receiptDay(day), due: input.calendar.addWorkingDays(day, limit) };
  });
  if (!clock.ok) return clock;
  const entry: TimelineEntry = {
    seq: 0, at: input.receivedAt.toISOString(), actor: { role: 'citizen' }, action: 'submit',
    from: null, to: 'submitted', visibility: 'public', details: { dueOn: clock.value.due },
  };
  return {
    ok: true,
    record: {
      kind: input.kind, trackingCode: input.trackingCode, state: 'submitted', department: department ?? null,
      limitWorkingDays: limit, clockStart: clock.value.start, dueOn: clock.value.due,
      notAcceptedReason: null, reply: null, corrections: 0, reopenings: 0, timeline: [entry],
    },
  };
}

/** The rule for an action on a kind, if the kind has that action at all. */
export function ruleFor(kind: CaseKind, action: string): Rule | undefined {
  const transitions = KINDS[kind].transitions;
  return Object.hasOwn(transitions, action) ? transitions[action as ActionType] : undefined;
}

/** The actions an actor may take on a case now (what the back office offers as buttons). */
export function allowedActions(record: CaseRecord, actor: Actor): ActionType[] {
  return (Object.keys(KINDS[record.kind].transitions) as ActionType[]).filter((type) => {
    const rule = ruleFor(record.kind, type);
    if (!rule || !rule.from.includes(record.state) || !rule.by.includes(actor.role)) return false;
    if (actor.role === 'handler' && actor.department !== record.department) return false;
    return !(type === 'requestCorrection' && record.corrections >= KINDS[record.kind].maxCorrections);
  });
}

/** The effect of an action beyond its state change, or the reason it cannot be done. */
type Effect = { ok: true; patch: Partial<CaseRecord>; details: Record<string, string> } | { ok: false; error: CaseError };

function effect(record: CaseRecord, action: CaseAction, now: Date, calendar: WorkingDayCalendar): Effect {
  const restartClock = (): Effect => {
    const clock = onCalendar(() => {
      const day = beijingDate(now);
      return { start: calendar.receiptDay(day), due: calendar.addWorkingDays(day, record.limitWorkingDays) };
    });
    return clock.ok ? { ok: true, patch: { clockStart: clock.value.start, dueOn: clock.value.due }, details: { dueOn: clock.value.due } } : clock;
  };
  switch (action.type) {
    case 'accept':
    case 'close':
      return { ok: true, patch: {}, details: {} };
    case 'notAccept': {
      const reason = text(action.reason);
      if (!reason) return { ok: false, error: { name: 'MissingField', field: 'reason' } };
      return { ok: true, patch: { notAcceptedReason: reason }, details: { reason } };
    }
    case 'assign':
    case 'transfer': {
      const department = text(action.department);
      if (!department) return { ok: false, error: { name: 'MissingField', field: 'department' } };
      if (department === record.department) return { ok: false, error: { name: 'SameDepartment', department } };
      return { ok: true, patch: { department }, details: { department } };
    }
    case 'reply': {
      const body = text(action.text);
      if (!body) return { ok: false, error: { name: 'MissingField', field: 'text' } };
      if (action.visibility !== 'public' && action.visibility !== 'private') return { ok: false, error: { name: 'MissingField', field: 'visibility' } };
      const decided = action.decision === 'approved' || action.decision === 'refused' ? action.decision : undefined;
      // An application is answered with a decision; a letter has none.
      if (record.kind === 'service' && !decided) return { ok: false, error: { name: 'MissingField', field: 'decision' } };
      const decision = record.kind === 'service' ? decided : undefined;
      const reply: CaseReply = { text: body, visibility: action.visibility, department: record.department!, at: now.toISOString(), ...(decision ? { decision } : {}) };
      return { ok: true, patch: { reply }, details: { text: body, visibility: action.visibility, department: reply.department, ...(decision ? { decision } : {}) } };
    }
    case 'reopen': {
      const reason = text(action.reason);
      if (!reason) return { ok: false, error: { name: 'MissingField', field: 'reason' } };
      const clock = restartClock();
      if (!clock.ok) return clock;
      return { ok: true, patch: { ...clock.patch, reply: null, reopenings: record.reopenings + 1 }, details: { ...clock.details, reason } };
    }
    case 'requestCorrection': {
      const reason = text(action.reason);
      if (!reason) return { ok: false, error: { name: 'MissingField', field: 'reason' } };
      const limit = KINDS[record.kind].maxCorrections;
      if (record.corrections >= limit) return { ok: false, error: { name: 'CorrectionLimitReached', limit } };
      return { ok: true, patch: { dueOn: null, corrections: record.corrections + 1 }, details: { reason } };
    }
    case 'resubmit':
      return restartClock();
    case 'note': {
      const body = text(action.text);
      if (!body) return { ok: false, error: { name: 'MissingField', field: 'text' } };
      return { ok: true, patch: {}, details: { text: body } };
    }
  }
  return { ok: false, error: { name: 'MalformedAction' } };
}

/**
 * Applies one action by one actor at one instant. Checks, in order: the kind has the action, the
 * case is in a state it starts from, the actor's role may take it (a handler only on their own
 * department's case), the action's fields, the clock; then returns the next record with exactly
 * one new timeline entry appended. The input record is never modified.
 */
export function apply(record: CaseRecord, action: CaseAction, actor: Actor, now: Date, calendar: WorkingDayCalendar): ApplyResult {
  if (typeof action !== 'object' || action === null || typeof action.type !== 'string') return { ok: false, error: { name: 'MalformedAction' } };
  const rule = ruleFor(record.kind, action.type);
  if (!rule) return { ok: false, error: { name: 'ActionNotAvailableForKind', kind: record.kind, action: action.type } };
  if (!rule.from.includes(record.state)) return { ok: false, error: { name: 'ActionNotAllowedInState', state: record.state, action: action.type, allowedFrom: rule.from } };
  const role: unknown = (actor as { role?: unknown } | null)?.role;
  if (!roles.includes(role as Role) || !rule.by.includes(role as Role)) return { ok: false, error: { name: 'ActorNotPermitted', role: String(role), action: action.type, permitted: rule.by } };
  if (actor.role === 'handler' && actor.department !== record.department) return { ok: false, error: { name: 'NotCaseDepartment', department: actor.department, caseDepartment: record.department } };
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) return { ok: false, error: { name: 'InvalidTime' } };
  const last = record.timeline[record.timeline.length - 1]!;
  if (now.getTime() < Date.parse(last.at)) return { ok: false, error: { name: 'ClockWentBackwards', now: now.toISOString(), last: last.at } };

  const change = effect(record, action, now, calendar);
  if (!change.ok) return change;
  const to = rule.to === 'unchanged' ? record.state : rule.to;
  const timelineEntry: TimelineEntry = {
    seq: last.seq + 1, at: now.toISOString(), actor: { ...actor }, action: action.type,
    from: record.state, to, visibility: action.type === 'note' ? 'internal' : 'public', details: change.details,
  };
  const next: CaseRecord = { ...record, ...change.patch, state: to, timeline: [...record.timeline, timelineEntry] };
  return { ok: true, next, timelineEntry };
}
