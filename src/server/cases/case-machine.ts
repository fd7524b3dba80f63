/**
 * Between the Store's case and the state machine's record (src/lib/cases/state-machine.ts).
 * The Store keeps what the machine needs in the case's `data` (the letter kind, the clock, the
 * reply, counters); the machine's timeline is rebuilt from the Store's timeline, since `apply`
 * only needs its order and times. A change the machine returns becomes one CaseChange: the new
 * state, department and data, the due time, and one timeline entry — written in one statement
 * so the case and its history never disagree.
 */
import type { ActionType, CaseRecord as MachineRecord, TimelineEntry as MachineEntry } from '../../lib/cases/state-machine.ts';
import type { CaseChange, CaseRecord, TimelineEntry } from '../store/store.ts';
import { dueInstant } from './letter-record.ts';

/** The timeline entry type each action is recorded as (what the citizen's status page names). */
export const ENTRY_TYPE: Record<ActionType, string> = {
  accept: 'accepted',
  notAccept: 'not-accepted',
  assign: 'assigned',
  transfer: 'transferred',
  reply: 'replied',
  close: 'closed',
  reopen: 'reopened',
  requestCorrection: 'correction-requested',
  resubmit: 'resubmitted',
  note: 'note',
};

/** States in which nobody owes the citizen anything now: no due time is kept for them. */
const SETTLED = new Set(['replied', 'closed', 'not-accepted', 'correction-requested']);

type Data = Record<string, unknown>;

export function toMachine(c: CaseRecord, timeline: readonly TimelineEntry[]): MachineRecord {
  const d = c.data as Data;
  const entries: MachineEntry[] = timeline.map((e, i) => ({
    seq: i, at: e.at.toISOString(), actor: { role: 'system' }, action: 'submit', from: null,
    to: c.state as MachineEntry['to'], visibility: e.data.visibility === 'internal' ? 'internal' : 'public', details: {},
  }));
  return {
    kind: (d.letterKind ?? d.machineKind) as MachineRecord['kind'],
    trackingCode: c.code,
    state: c.state as MachineRecord['state'],
    department: c.department,
    limitWorkingDays: Number(d.limitWorkingDays),
    clockStart: String(d.clockStart),
    dueOn: typeof d.dueOn === 'string' ? d.dueOn : null,
    notAcceptedReason: typeof d.notAcceptedReason === 'string' ? d.notAcceptedReason : null,
    reply: (d.reply as MachineRecord['reply']) ?? null,
    corrections: Number(d.corrections ?? 0),
    reopenings: Number(d.reopenings ?? 0),
    timeline: entries,
  };
}

/** The Store change that records `next` (the machine's answer to one action) on case `c`. */
export function changeFor(c: CaseRecord, next: MachineRecord, entry: MachineEntry, actor: string, now: Date): CaseChange {
  const action = entry.action as ActionType;
  const { visibility: replyVisibility, ...details } = entry.details;
  const data: Data = {
    ...c.data,
    clockStart: next.clockStart,
    dueOn: next.dueOn,
    notAcceptedReason: next.notAcceptedReason,
    reply: next.reply,
    corrections: next.corrections,
    reopenings: next.reopenings,
  };
  return {
    id: c.id,
    version: c.version,
    now,
    set: {
      state: next.state,
      department: next.department,
      data,
      dueAt: next.dueOn && !SETTLED.has(next.state) ? dueInstant(next.dueOn) : null,
      // A reopened letter's published reply no longer answers it.
      ...(action === 'reopen' && c.publishedAt ? { publishedAt: null } : {}),
    },
    entry: {
      actor, at: now, type: ENTRY_TYPE[action],
      data: { ...details, ...(action === 'reply' ? { replyVisibility } : {}), visibility: entry.visibility, from: entry.from, to: entry.to },
    },
  };
}
