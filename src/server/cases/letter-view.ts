/**
 * What the citizen who holds the code and PIN sees of their letter: its state, due day, the
 * public part of its timeline and the reply. Internal entries (staff notes, anything marked
 * `visibility: 'internal'`) are left out. Staff record a reply as a timeline entry of type
 * 'replied' with `text` and `department` in its data — the back office must keep to that.
 */
import type { CaseRecord, TimelineEntry } from '../store/store.ts';
import type { LetterData } from './letter-record.ts';

export interface LetterEvent { at: Date; type: string; reason?: string }
export interface LetterView {
  code: string;
  kind: LetterData['letterKind'];
  state: string;
  title: string;
  submittedAt: Date;
  dueOn: string | null;
  events: LetterEvent[];
  reply?: { text: string; department: string | null; at: Date };
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const isPublic = (e: TimelineEntry) => e.type !== 'note' && e.data.visibility !== 'internal';

export function letterView(c: CaseRecord, timeline: TimelineEntry[]): LetterView {
  const data = c.data as Partial<LetterData>;
  const shown = timeline.filter(isPublic);
  const replied = shown.filter((e) => e.type === 'replied' && str(e.data.text)).at(-1);
  // A reopened letter's old reply no longer answers it.
  const reopenedAfter = replied && shown.some((e) => e.type === 'reopened' && e.id > replied.id);
  return {
    code: c.code,
    kind: data.letterKind ?? 'mailbox',
    state: c.state,
    title: c.subject,
    submittedAt: c.createdAt,
    dueOn: data.dueOn ?? null,
    events: shown.map((e) => ({ at: e.at, type: e.type, ...(str(e.data.reason) ? { reason: str(e.data.reason)! } : {}) })),
    ...(replied && !reopenedAfter ? { reply: { text: str(replied.data.text)!, department: str(replied.data.department) ?? null, at: replied.at } } : {}),
  };
}
