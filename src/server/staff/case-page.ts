/**
 * What the case page shows a staff member: the case, its whole timeline (internal notes
 * included), its files when they may see personal data, and the actions open to them now.
 */
import { allowedActions } from '../../lib/cases/state-machine.ts';
import { publishProblem } from '../../lib/cases/publication.ts';
import { can, canSeeCase, canSeePersonalData, caseActor, type Staff } from '../../lib/staff/roles.ts';
import { toMachine } from '../cases/case-machine.ts';
import type { CaseRecord, FileInfo, Store, TimelineEntry } from '../store/store.ts';
import { STAFF_ACTIONS, type StaffActionType } from './case-actions.ts';

export type CasePage =
  | { found: false }
  | { found: true; allowed: false }
  | { found: true; allowed: true; case: CaseRecord; timeline: TimelineEntry[]; files: FileInfo[]; personal: boolean; actions: StaffActionType[] };

export async function loadCasePage(store: Store, staff: Staff, code: string): Promise<CasePage> {
  const c = await store.getCaseByCode(code);
  if (!c || (c.kind !== 'letter' && c.kind !== 'application')) return { found: false };
  if (!canSeeCase(staff, c.department)) return { found: true, allowed: false };
  const timeline = await store.listTimeline(c.id);
  const personal = canSeePersonalData(staff, c.department);
  const actor = caseActor(staff);
  const actions: StaffActionType[] = actor
    ? (allowedActions(toMachine(c, timeline), actor) as string[]).filter((a): a is StaffActionType => (STAFF_ACTIONS as readonly string[]).includes(a))
    : [];
  const fix = c.data.ratingFix as { fixedAt?: string } | undefined;
  if (fix && !fix.fixedAt && actor) actions.push('rectify');
  if (c.kind === 'letter' && can(staff, 'publish')) {
    const reply = (c.data.reply as { visibility: 'public' | 'private' } | null | undefined) ?? null;
    const published = c.publishedAt !== null;
    if (!publishProblem({ state: c.state, reply, publishConsent: c.data.publishConsent === true, published })) actions.push('publish');
    if (published) actions.push('withdraw');
  }
  return { found: true, allowed: true, case: c, timeline, files: personal ? await store.listCaseFiles(c.id) : [], personal, actions };
}
