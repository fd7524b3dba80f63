/**
 * How a letter is kept in the Store. The Store's case is generic (kind 'letter'); what belongs to
 * letters — the letter kind, the clock of the state machine, the citizen's details, their consent
 * to publish and the PIN's hash — lives in its `data`. The citizen's details are never shown on
 * public pages (STANDARDS.md §8).
 */
import type { CaseRecord as MachineRecord } from '../../lib/cases/state-machine.ts';
import { addCalendarDays, type CalendarDate } from '../../lib/working-days.ts';
import type { LetterValues } from './validate-letter.ts';

export interface LetterData {
  letterKind: MachineRecord['kind'];
  limitWorkingDays: number;
  clockStart: CalendarDate;
  dueOn: CalendarDate | null;
  citizen: { name: string; phone: string; email: string | null };
  publishConsent: boolean;
  pinHash: string;
}

export function letterData(record: MachineRecord, values: LetterValues, pinHash: string): LetterData & Record<string, unknown> {
  return {
    letterKind: record.kind,
    limitWorkingDays: record.limitWorkingDays,
    clockStart: record.clockStart,
    dueOn: record.dueOn,
    citizen: { name: values.name, phone: values.phone, email: values.email || null },
    publishConsent: values.publish === 'yes',
    pinHash,
  };
}

/**
 * The Store's `dueAt` for a due day: the end of that Beijing day (00:00 Beijing of the next day,
 * exclusive), since the whole due day is still in time (working-days.ts).
 */
export function dueInstant(dueOn: CalendarDate): Date {
  return new Date(`${addCalendarDays(dueOn, 1)}T00:00:00+08:00`);
}
