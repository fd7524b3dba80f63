/**
 * A staff member acts on a case from its page in the back office: one posted form names the
 * action, the case version the page showed, and the action's fields. The action is checked
 * against the staff member's role and department, applied by the state machine (or by the
 * publication rules), and stored with its timeline entry and its audit entry in one
 * transaction. If someone else changed the case meanwhile, nothing is stored and the page says
 * so (Stale) rather than acting on what the staff member did not see.
 */
import { apply, type CaseAction, type CaseError } from '../../lib/cases/state-machine.ts';
import { publishProblem, withdrawProblem, type Publication, type PublishProblem } from '../../lib/cases/publication.ts';
import { caseActor, can, canSeeCase, type Staff } from '../../lib/staff/roles.ts';
import type { WorkingDayCalendar } from '../../lib/working-days.ts';
import { changeFor, toMachine } from '../cases/case-machine.ts';
import { textField } from '../forms/read-form.ts';
import { sniffType } from '../cases/attachments.ts';
import { Conflict, type CaseRecord, type Store } from '../store/store.ts';
import { actorName, audit } from './audit.ts';

export const STAFF_ACTIONS = ['accept', 'notAccept', 'assign', 'transfer', 'reply', 'close', 'reopen', 'requestCorrection', 'note', 'publish', 'withdraw', 'rectify'] as const;
export type StaffActionType = (typeof STAFF_ACTIONS)[number];

export type StaffAction =
  | Exclude<CaseAction, { type: 'resubmit' }>
  | { type: 'publish'; title: string; body: string; reply: string }
  | { type: 'withdraw'; reason: string }
  /** A bad rating (好差评) looked into and put right: what was done. */
  | { type: 'rectify'; text: string };

/** The decision's document an application's reply may carry (PDF, checked by its bytes). */
export const RESULT_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** The longest text a staff member may write in one field (a reply, a reason, a published copy). */
export const STAFF_TEXT_MAX = 5000;

export type ActionFieldProblem = { field: 'reason' | 'department' | 'text' | 'visibility' | 'title' | 'body' | 'reply' | 'decision' | 'resultFile'; problem: 'required' | 'tooLong' | 'unknown' | 'fileType' | 'fileTooLarge' };

export type ActOnCaseError =
  | { name: 'NotFound' }
  | { name: 'Forbidden' }
  | { name: 'Stale' }
  | { name: 'UnknownAction' }
  | { name: 'InvalidField'; problem: ActionFieldProblem }
  | { name: 'Refused'; error: CaseError }
  | { name: 'PublishRefused'; problem: PublishProblem };

export type ActOnCaseResult = { ok: true; case: CaseRecord; action: StaffActionType } | { ok: false; error: ActOnCaseError };

const isAction = (v: string): v is StaffActionType => (STAFF_ACTIONS as readonly string[]).includes(v);

/** The action a posted form asks for, with its fields checked for presence and length. */
export function readAction(form: FormData, departments: ReadonlySet<string>): { ok: true; action: StaffAction } | { ok: false; error: ActOnCaseError } {
  const type = textField(form, 'action');
  if (!isAction(type)) return { ok: false, error: { name: 'UnknownAction' } };
  const field = (name: ActionFieldProblem['field'], max = STAFF_TEXT_MAX): string | ActionFieldProblem => {
    const value = textField(form, name).normalize('NFC').replace(/\r\n?/g, '\n').trim();
    if (!value) return { field: name, problem: 'required' };
    if ([...value].length > max) return { field: name, problem: 'tooLong' };
    return value;
  };
  const bad = (p: ActionFieldProblem) => ({ ok: false as const, error: { name: 'InvalidField' as const, problem: p } });
  const one = <T extends StaffAction>(name: ActionFieldProblem['field'], make: (v: string) => T) => {
    const v = field(name);
    return typeof v === 'string' ? { ok: true as const, action: make(v) } : bad(v);
  };
  switch (type) {
    case 'accept':
    case 'close':
      return { ok: true, action: { type } };
    case 'notAccept':
    case 'reopen':
    case 'requestCorrection':
      return one('reason', (reason) => ({ type, reason }));
    case 'withdraw':
      return one('reason', (reason) => ({ type, reason }));
    case 'note':
    case 'rectify':
      return one('text', (text) => ({ type, text }));
    case 'assign':
    case 'transfer': {
      const department = textField(form, 'department');
      if (!department) return bad({ field: 'department', problem: 'required' });
      if (!departments.has(department)) return bad({ field: 'department', problem: 'unknown' });
      return { ok: true, action: { type, department } };
    }
    case 'reply': {
      const visibility = textField(form, 'visibility');
      if (visibility !== 'public' && visibility !== 'private') return bad({ field: 'visibility', problem: 'required' });
      const decision = textField(form, 'decision');
      const decided: { decision?: 'approved' | 'refused' } = decision === 'approved' || decision === 'refused' ? { decision } : {};
      return one('text', (text) => ({ type, text, visibility, ...decided }));
    }
    case 'publish': {
      const title = field('title', 100);
      if (typeof title !== 'string') return bad(title);
      const body = field('body');
      if (typeof body !== 'string') return bad(body);
      return one('reply', (reply) => ({ type, title, body, reply }));
    }
  }
}

export interface ActDeps { store: Store; calendar: WorkingDayCalendar; now?: () => Date }

export async function actOnCase(deps: ActDeps, input: { staff: Staff; code: string; version: number; action: StaffAction; client: string; resultFile?: File | undefined }): Promise<ActOnCaseResult> {
  const { staff, action } = input;
  const now = deps.now?.() ?? new Date();
  let result: { bytes: Uint8Array } | undefined;
  if (input.resultFile && action.type === 'reply') {
    if (input.resultFile.size > RESULT_FILE_MAX_BYTES) return fail({ name: 'InvalidField', problem: { field: 'resultFile', problem: 'fileTooLarge' } });
    const bytes = new Uint8Array(await input.resultFile.arrayBuffer());
    if (sniffType(bytes) !== 'pdf') return fail({ name: 'InvalidField', problem: { field: 'resultFile', problem: 'fileType' } });
    result = { bytes };
  }
  try {
    return await deps.store.transaction(async (tx) => {
      const c = await tx.getCaseByCode(input.code);
      if (!c || !canSeeCase(staff, c.department)) return fail({ name: 'NotFound' });
      if (c.version !== input.version) return fail({ name: 'Stale' });
      const actor = caseActor(staff);
      if (!actor) return fail({ name: 'Forbidden' });
      const subject = `case:${c.code}`;

      if (action.type === 'rectify') {
        const fix = c.data.ratingFix as { dueOn: string; fixedAt?: string } | undefined;
        if (!fix || fix.fixedAt) return fail({ name: 'Refused', error: { name: 'MalformedAction' } });
        if (actor.role === 'handler' && actor.department !== c.department) return fail({ name: 'Forbidden' });
        const { case: changed } = await tx.updateCase({
          id: c.id, version: c.version, now,
          set: { data: { ...c.data, ratingFix: { ...fix, fixedAt: now.toISOString(), text: action.text } }, dueAt: null },
          entry: { actor: actorName(staff), at: now, type: 'rating-fixed', data: { visibility: 'internal', text: action.text } },
        });
        await audit(tx, staff, 'case.rectify', subject, input.client, {}, now);
        return { ok: true as const, case: changed, action: action.type };
      }

      if (action.type === 'publish' || action.type === 'withdraw') {
        if (c.kind !== 'letter') return fail({ name: 'Refused', error: { name: 'ActionNotAvailableForKind', kind: 'service', action: action.type } });
        if (!can(staff, 'publish')) return fail({ name: 'Forbidden' });
        const published = c.publishedAt !== null;
        const reply = (c.data.reply as { visibility: 'public' | 'private'; department: string; at: string } | null | undefined) ?? null;
        const problem = action.type === 'publish'
          ? publishProblem({ state: c.state, reply, publishConsent: c.data.publishConsent === true, published })
          : withdrawProblem({ published });
        if (problem) return fail({ name: 'PublishRefused', problem });
        const publication: Publication | undefined = action.type === 'publish'
          ? { title: action.title, body: action.body, reply: action.reply, department: reply!.department, receivedAt: c.createdAt.toISOString(), repliedAt: reply!.at }
          : undefined;
        const { case: changed } = await tx.updateCase({
          id: c.id, version: c.version, now,
          set: { publishedAt: publication ? now : null, data: { ...c.data, publication: publication ?? null } },
          entry: { actor: actorName(staff), at: now, type: publication ? 'published' : 'withdrawn', data: publication ? { visibility: 'public' } : { visibility: 'internal', reason: (action as { reason: string }).reason } },
        });
        await audit(tx, staff, `case.${action.type}`, subject, input.client, {}, now);
        return { ok: true as const, case: changed, action: action.type };
      }

      const machine = toMachine(c, await tx.listTimeline(c.id));
      const applied = apply(machine, action, actor, now, deps.calendar);
      if (!applied.ok) {
        if (applied.error.name === 'ActorNotPermitted' || applied.error.name === 'NotCaseDepartment') return fail({ name: 'Forbidden' });
        if (applied.error.name === 'MissingField') return fail({ name: 'InvalidField', problem: { field: applied.error.field, problem: 'required' } });
        return fail({ name: 'Refused', error: applied.error });
      }
      const change = changeFor(c, applied.next, applied.timelineEntry, actorName(staff), now);
      if (result && c.kind === 'application') {
        const name = `${c.code}-result-${applied.next.timeline.length}.pdf`;
        await tx.putFile({ caseId: c.id, name, contentType: 'application/pdf', bytes: result.bytes });
        change.set = { ...change.set, data: { ...change.set.data, resultFile: name } };
        change.entry = { ...change.entry, data: { ...change.entry.data, file: name } };
      }
      const { case: changed } = await tx.updateCase(change);
      const data = action.type === 'assign' || action.type === 'transfer' ? { department: action.department } : {};
      await audit(tx, staff, `case.${action.type}`, subject, input.client, data, now);
      return { ok: true as const, case: changed, action: action.type };
    });
  } catch (e) {
    if (e instanceof Conflict) return fail({ name: 'Stale' });
    throw e;
  }
}

const fail = (error: ActOnCaseError) => ({ ok: false as const, error });
