/**
 * What the holder of an application's code and PIN can do on the status page: see its state,
 * deadline and public timeline; answer a correction request by sending the form again (the
 * clock restarts in full); download the decision's document; and rate the service once the
 * application is completed (好差评). Every action proves the code and PIN again.
 */
import { apply, type CaseRecord as MachineRecord } from '../../lib/cases/state-machine.ts';
import type { FieldProblem, SubmittedFile } from '../../lib/services/form-values.ts';
import { beijingDate, type WorkingDayCalendar } from '../../lib/working-days.ts';
import { caseWithPin, type AccessProblems } from '../cases/case-access.ts';
import { changeFor, toMachine } from '../cases/case-machine.ts';
import { dueInstant } from '../cases/letter-record.ts';
import { textField } from '../forms/read-form.ts';
import { Conflict, type CaseRecord, type Store, type StoredFile, type TimelineEntry } from '../store/store.ts';
import { readApplicationForm } from './application-form.ts';
import type { ApplicationData, FileRef, Rating, StoredValue } from './application-record.ts';
import { APPLICATION_RATE_LIMITS, BAD_RATING, RATING_COMMENT_MAX } from './application-settings.ts';
import { storeFiles, summaryOf, withFileRefs, type ServiceForApplication } from './submit-application.ts';

export interface ApplicationView {
  code: string;
  serviceCode: string;
  state: string;
  submittedAt: Date;
  dueOn: string | null;
  events: { at: Date; type: string; reason?: string; score?: number }[];
  correction?: string;
  decision?: { decision: 'approved' | 'refused'; text: string; at: Date; department: string; file?: string };
  rating?: Rating;
  canRate: boolean;
  values: Record<string, StoredValue>;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

export function applicationView(c: CaseRecord, timeline: TimelineEntry[]): ApplicationView {
  const d = c.data as unknown as ApplicationData & { reply?: { text: string; at: string; department: string; decision?: 'approved' | 'refused' } | null };
  const shown = timeline.filter((e) => e.type !== 'note' && e.data.visibility !== 'internal');
  const asked = c.state === 'correction-requested' ? shown.filter((e) => e.type === 'correction-requested').at(-1) : undefined;
  return {
    code: c.code,
    serviceCode: d.serviceCode,
    state: c.state,
    submittedAt: c.createdAt,
    dueOn: d.dueOn ?? null,
    events: shown.map((e) => ({ at: e.at, type: e.type, ...(str(e.data.reason) ? { reason: str(e.data.reason)! } : {}), ...(typeof e.data.score === 'number' ? { score: e.data.score } : {}) })),
    ...(asked ? { correction: str(asked.data.reason) ?? '' } : {}),
    ...(d.reply?.decision ? { decision: { decision: d.reply.decision, text: d.reply.text, at: new Date(d.reply.at), department: d.reply.department, ...(d.resultFile ? { file: d.resultFile } : {}) } } : {}),
    ...(d.rating ? { rating: d.rating } : {}),
    canRate: c.state === 'closed' && !d.rating && !!d.reply?.decision,
    values: d.values ?? {},
  };
}

export type StatusAction = 'lookup' | 'resubmit' | 'rate' | 'download';

export type StatusOutcome =
  | { ok: true; view: ApplicationView; done?: 'resubmitted' | 'rated' }
  | { ok: true; file: StoredFile }
  | { ok: false; error: 'RateLimited' | 'NoMatch' | 'Stale' | 'NotNow' | 'UnknownService' }
  | { ok: false; error: 'Invalid'; code: string; problems: AccessProblems }
  | { ok: false; error: 'InvalidResubmission'; view: ApplicationView; problems: Record<string, FieldProblem>; echo: Record<string, string | string[]> }
  | { ok: false; error: 'InvalidRating'; view: ApplicationView; problem: 'score' | 'comment' };

export interface StatusDeps { store: Store; calendar: WorkingDayCalendar; service: (code: string) => Promise<ServiceForApplication | undefined>; now?: () => Date }

/** Answers one POST of the status page; `form` has been read with its size limit. */
export async function applicationStatus(deps: StatusDeps, input: { form: FormData; client: string }): Promise<StatusOutcome> {
  const now = deps.now?.() ?? new Date();
  const { store } = deps;
  const access = await caseWithPin({ store, now }, {
    kind: 'application', typedCode: textField(input.form, 'code'), typedPin: textField(input.form, 'pin'), client: input.client,
    limits: { perAddress: APPLICATION_RATE_LIMITS.lookup, perCode: APPLICATION_RATE_LIMITS.lookupsPerCode },
  });
  if (!access.ok) return access.error === 'Invalid' ? { ok: false, error: 'Invalid', code: textField(input.form, 'code').slice(0, 40), problems: access.problems } : { ok: false, error: access.error };
  const c = access.case;
  const view = async (x: CaseRecord) => applicationView(x, await store.listTimeline(x.id));
  const action = textField(input.form, 'action') as StatusAction;

  if (action === 'download') {
    const name = (c.data as unknown as ApplicationData).resultFile;
    const file = name ? (await store.listCaseFiles(c.id)).find((f) => f.name === name) : undefined;
    const stored = file ? await store.getFile(file.id) : undefined;
    return stored ? { ok: true, file: stored } : { ok: false, error: 'NotNow' };
  }
  if (action === 'rate') return rate(deps, c, input.form, now, await view(c));
  if (action === 'resubmit') return resubmit(deps, c, input.form, now, await view(c));
  return { ok: true, view: await view(c) };
}

async function rate(deps: StatusDeps, c: CaseRecord, form: FormData, now: Date, shown: ApplicationView): Promise<StatusOutcome> {
  if (!shown.canRate) return { ok: false, error: 'NotNow' };
  const score = Number(textField(form, 'score'));
  const comment = textField(form, 'comment').normalize('NFC').trim();
  if (![1, 2, 3, 4, 5].includes(score)) return { ok: false, error: 'InvalidRating', view: shown, problem: 'score' };
  if ([...comment].length > RATING_COMMENT_MAX || comment.includes('\uFFFD')) return { ok: false, error: 'InvalidRating', view: shown, problem: 'comment' };
  const rating: Rating = { score: score as Rating['score'], comment, at: now.toISOString() };
  let fix: ApplicationData['ratingFix'];
  if (score <= BAD_RATING.atMost) {
    try {
      fix = { dueOn: deps.calendar.addWorkingDays(beijingDate(now), BAD_RATING.fixWithinWorkingDays) };
    } catch {
      fix = undefined; // a year the calendar lacks: flagged without a date rather than refused
    }
  }
  try {
    const { case: changed } = await deps.store.updateCase({
      id: c.id, version: c.version, now,
      set: { data: { ...c.data, rating, ...(score <= BAD_RATING.atMost ? { ratingFix: fix ?? { dueOn: '' } } : {}) }, ...(fix ? { dueAt: dueInstant(fix.dueOn) } : {}) },
      entry: { actor: 'citizen', at: now, type: 'rated', data: { visibility: 'public', score } },
    });
    return { ok: true, view: applicationView(changed, await deps.store.listTimeline(c.id)), done: 'rated' };
  } catch (e) {
    if (e instanceof Conflict) return { ok: false, error: 'Stale' };
    throw e;
  }
}

async function resubmit(deps: StatusDeps, c: CaseRecord, form: FormData, now: Date, shown: ApplicationView): Promise<StatusOutcome> {
  if (c.state !== 'correction-requested') return { ok: false, error: 'NotNow' };
  const service = await deps.service(String(c.data.serviceCode));
  if (!service) return { ok: false, error: 'UnknownService' };
  const data = c.data as unknown as ApplicationData;
  const kept: Record<string, SubmittedFile[]> = {};
  for (const [id, v] of Object.entries(data.values)) {
    if (Array.isArray(v) && v.length && typeof v[0] === 'object') kept[id] = (v as FileRef[]).map((f) => ({ name: f.name, size: f.size, type: f.file.split('.').pop() === 'jpg' ? 'jpeg' : f.file.split('.').pop()! }));
  }
  const { result, files } = await readApplicationForm(form, service.definition, beijingDate(now), kept);
  if (!result.ok) return { ok: false, error: 'InvalidResubmission', view: shown, problems: result.problems, echo: result.echo };
  const already = (await deps.store.listCaseFiles(c.id)).length;
  const stored = await storeFiles(c.code, files, already + 1);
  if (!stored.ok) return { ok: false, error: 'InvalidResubmission', view: shown, problems: { [stored.fieldId]: 'fileType' }, echo: result.echo };
  const values = withFileRefs(result.values, stored.refs, data.values);
  try {
    return await deps.store.transaction(async (tx) => {
      const fresh = await tx.getCaseByCode(c.code);
      if (!fresh || fresh.version !== c.version) return { ok: false as const, error: 'Stale' as const };
      const machine: MachineRecord = toMachine(fresh, await tx.listTimeline(fresh.id));
      const applied = apply(machine, { type: 'resubmit' }, { role: 'citizen' }, now, deps.calendar);
      if (!applied.ok) return { ok: false as const, error: 'NotNow' as const };
      const change = changeFor(fresh, applied.next, applied.timelineEntry, 'citizen', now);
      change.set = { ...change.set, body: summaryOf(service.definition, values), data: { ...change.set.data, values } };
      for (const f of stored.files) await tx.putFile({ ...f, caseId: fresh.id });
      const { case: changed } = await tx.updateCase(change);
      return { ok: true as const, view: applicationView(changed, await tx.listTimeline(fresh.id)), done: 'resubmitted' as const };
    });
  } catch (e) {
    if (e instanceof Conflict) return { ok: false, error: 'Stale' };
    throw e;
  }
}
