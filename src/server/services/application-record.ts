/**
 * How an application is kept in the Store: a case of kind 'application' whose category is the
 * service code and whose department is the service's. Its data holds what the state machine needs
 * (as letters do), the checked form values — files as references to the case's stored files —,
 * the PIN's hash, and later the rating.
 */
import type { CaseRecord as MachineRecord } from '../../lib/cases/state-machine.ts';
import type { TypedValue } from '../../lib/services/form-values.ts';

/** A file of a file field, as the case keeps it: the stored file's name and what the applicant called it. */
export interface FileRef { file: string; name: string; size: number }

export type StoredValue = Exclude<TypedValue, readonly { name: string }[]> | FileRef[];

export interface Rating { score: 1 | 2 | 3 | 4 | 5; comment: string; at: string }

export interface ApplicationData {
  machineKind: 'service';
  serviceCode: string;
  limitWorkingDays: number;
  clockStart: string;
  dueOn: string | null;
  values: Record<string, StoredValue>;
  pinHash: string;
  rating?: Rating;
  /** Set by a bad rating: the day its fix is due, and the fix once recorded. */
  ratingFix?: { dueOn: string; fixedAt?: string; text?: string };
  /** The decision's document, a file of the case. */
  resultFile?: string;
}

export function applicationData(record: MachineRecord, serviceCode: string, values: Record<string, StoredValue>, pinHash: string): ApplicationData & Record<string, unknown> {
  return {
    machineKind: 'service', serviceCode, limitWorkingDays: record.limitWorkingDays,
    clockStart: record.clockStart, dueOn: record.dueOn, values, pinHash,
  };
}
