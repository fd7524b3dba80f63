/**
 * A citizen or a company applies for a service online: count the attempt, read the form against
 * the service's definition, check every file by its bytes (images re-encoded without metadata),
 * start the clock at the service's committed time limit, and store the case — owned by the
 * service's department — with its first timeline entry and its files in one Store call.
 */
import { submitCase } from '../../lib/cases/state-machine.ts';
import { generatePin, generateTrackingCode, hashPin, newPinSalt } from '../../lib/cases/tracking-code.ts';
import type { FormDefinition } from '../../lib/services/form-definition.ts';
import type { FieldProblem, TypedValue } from '../../lib/services/form-values.ts';
import { beijingDate, type WorkingDayCalendar } from '../../lib/working-days.ts';
import { storedFile } from '../cases/attachments.ts';
import { dueInstant } from '../cases/letter-record.ts';
import { overLimit } from '../cases/rate-limit.ts';
import { readForm } from '../forms/read-form.ts';
import { Conflict, type NewFile, type Store } from '../store/store.ts';
import { isAttachmentType, readApplicationForm, type UploadedFile } from './application-form.ts';
import { applicationData, type FileRef, type StoredValue } from './application-record.ts';
import { APPLICATION_RATE_LIMITS, applicationRequestMaxBytes } from './application-settings.ts';

export interface ServiceForApplication {
  code: string;
  department: string;
  promisedDays: number;
  /** The service's name in Chinese, the case's subject in the back office. */
  title: string;
  definition: FormDefinition;
}

export type ApplicationError =
  | { name: 'RateLimited' }
  | { name: 'RequestTooLarge'; limit: number }
  | { name: 'UnreadableForm' }
  | { name: 'InvalidApplication'; problems: Record<string, FieldProblem>; echo: Record<string, string | string[]>; filesDropped: boolean }
  | { name: 'CalendarUnavailable' };

export type SubmitApplicationResult = { ok: true; code: string; pin: string; dueOn: string } | { ok: false; error: ApplicationError };

export interface ApplicationDeps { store: Store; calendar: WorkingDayCalendar; now?: () => Date }

export async function submitApplication(deps: ApplicationDeps, input: { service: ServiceForApplication; request: Request; client: string }): Promise<SubmitApplicationResult> {
  const now = deps.now?.() ?? new Date();
  const { service } = input;
  if (await overLimit(deps.store, `application-submit:${input.client}`, APPLICATION_RATE_LIMITS.submit, now)) return fail({ name: 'RateLimited' });
  const read = await readForm(input.request, applicationRequestMaxBytes(service.definition));
  if (!read.ok) return fail(read.error);

  const { result, files } = await readApplicationForm(read.form, service.definition, beijingDate(now));
  const invalid = (problems: Record<string, FieldProblem>) => fail({ name: 'InvalidApplication', problems, echo: result.echo, filesDropped: files.length > 0 });
  if (!result.ok) return invalid(result.problems);

  const code = generateTrackingCode();
  const stored = await storeFiles(code, files);
  if (!stored.ok) return invalid({ [stored.fieldId]: 'fileType' });
  const values = withFileRefs(result.values, stored.refs);
  return createApplication(deps, { service, values, files: stored.files, now, code, summary: summaryOf(service.definition, values) });
}

/** The files as stored (images re-encoded), and for each field the references the case keeps. */
export async function storeFiles(code: string, files: UploadedFile[], first = 1): Promise<{ ok: true; files: NewFile[]; refs: Record<string, FileRef[]> } | { ok: false; fieldId: string }> {
  const out: NewFile[] = [];
  const refs: Record<string, FileRef[]> = {};
  for (const [i, f] of files.entries()) {
    const made = isAttachmentType(f.type) ? await storedFile(code, first + i, f.type, f.bytes) : undefined;
    if (!made) return { ok: false, fieldId: f.fieldId }; // claimed to be an image, did not decode
    out.push(made);
    (refs[f.fieldId] ??= []).push({ file: made.name, name: f.name, size: made.bytes.byteLength });
  }
  return { ok: true, files: out, refs };
}

export function withFileRefs(values: Record<string, TypedValue>, refs: Record<string, FileRef[]>, kept: Record<string, StoredValue> = {}): Record<string, StoredValue> {
  const out: Record<string, StoredValue> = {};
  for (const [id, v] of Object.entries(values)) {
    const isFiles = Array.isArray(v) && v.length > 0 && typeof v[0] === 'object';
    out[id] = refs[id] ?? (isFiles ? (kept[id] ?? []) : (v as StoredValue));
  }
  return out;
}

/** A plain-text digest of the answers, in Chinese field labels, for the back office's search. */
export function summaryOf(definition: FormDefinition, values: Record<string, StoredValue>): string {
  return definition.fields
    .map((f) => {
      const v = values[f.id];
      const text = v === null || v === undefined ? '' : Array.isArray(v) ? v.map((x) => (typeof x === 'object' ? x.name : x)).join('、') : String(v);
      return `${f.label.zh}：${text}`;
    })
    .join('\n');
}

async function createApplication(deps: ApplicationDeps, input: { service: ServiceForApplication; values: Record<string, StoredValue>; files: NewFile[]; now: Date; code: string; summary: string }): Promise<SubmitApplicationResult> {
  const pin = generatePin();
  const pinHash = await hashPin(pin, newPinSalt());
  const { service } = input;
  for (let attempt = 0, code = input.code; ; attempt++, code = generateTrackingCode()) {
    const started = submitCase({ kind: 'service', trackingCode: code, receivedAt: input.now, calendar: deps.calendar, limitWorkingDays: service.promisedDays, department: service.department });
    if (!started.ok) return fail({ name: 'CalendarUnavailable' });
    const { record } = started;
    const first = record.timeline[0]!;
    const rename = (name: string) => name.replace(input.code, code);
    const values = JSON.parse(JSON.stringify(input.values).replaceAll(input.code, code)) as Record<string, StoredValue>;
    try {
      await deps.store.createCase(
        {
          code, kind: 'application', category: service.code, department: service.department, state: record.state,
          subject: service.title, body: input.summary,
          data: applicationData(record, service.code, values, pinHash), dueAt: dueInstant(record.dueOn!), createdAt: input.now,
        },
        { actor: 'citizen', type: 'submitted', at: input.now, data: { visibility: first.visibility, to: first.to, ...first.details } },
        input.files.map((f) => ({ ...f, name: rename(f.name) })),
      );
      return { ok: true, code, pin, dueOn: record.dueOn! };
    } catch (e) {
      if (!(e instanceof Conflict) || attempt >= 2) throw e;
    }
  }
}

const fail = (error: ApplicationError): SubmitApplicationResult => ({ ok: false, error });
