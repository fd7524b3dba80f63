/**
 * What staff do to an item in the back office: the editor submits a draft for review; the centre
 * sends it back with a note, approves it (which publishes it) or withdraws a published item.
 * Permissions are checked here, on the server, for every action; a page read before someone else
 * acted (an older version) is refused rather than acted on.
 */
import { isCollection, isItemName, itemKey, type ItemRef } from '../../lib/editorial/item-paths.ts';
import { canDo, type ItemAction } from '../../lib/editorial/item-states.ts';
import { canEditContent, canReviewContent, type Staff } from '../../lib/staff/roles.ts';
import { Conflict, type ContentItemRecord, type Store } from '../store/store.ts';
import { gitPerson } from './git.ts';
import { settleInterruptedRuns } from './interrupted-runs.ts';
import { itemDepartment, itemExists, itemTitle, readItemYaml } from './item-files.ts';
import { standingOf } from './items.ts';
import { publishInTurn } from './publisher.ts';
import { syncDrafts } from './sync-drafts.ts';
import { draftsRoot, publishedRoot } from './workspace.ts';

export const NOTE_MAX = 2000;
/**
 * A run still marked as building after this long is not in the way, even if this process did not
 * see it cut short (another server process started it and stopped).
 */
const RUN_GIVEN_UP_MS = 20 * 60_000;

export type ReviewError = 'Forbidden' | 'NotFound' | 'NotNow' | 'Stale' | 'NoteMissing' | 'NoteTooLong' | 'Busy' | 'UnknownAction';
export type ReviewResult = { ok: true; action: ItemAction; job?: string } | { ok: false; error: ReviewError };

export const refOf = (collection: string, item: string): ItemRef | null => (isCollection(collection) && isItemName(item) ? { collection, item } : null);

/** Whether a publishing run for the item is under way. */
export async function runUnderWay(store: Store, ref: ItemRef, now = new Date()): Promise<boolean> {
  await settleInterruptedRuns(store, now);
  const [last] = await store.listPublishJobs({ item: ref, limit: 1 });
  return !!last && last.state === 'building' && now.getTime() - last.startedAt.getTime() < RUN_GIVEN_UP_MS;
}

interface Deps {
  store: Store;
  env?: NodeJS.ProcessEnv;
  now?: Date;
  client?: string;
}

export async function actOnItem(deps: Deps, staff: Staff, ref: ItemRef, form: { action: string; version: string; note: string }): Promise<ReviewResult> {
  const { store, env = process.env, now = new Date() } = deps;
  const action = form.action as ItemAction;
  if (!['submit', 'return', 'approve', 'withdraw'].includes(action)) return { ok: false, error: 'UnknownAction' };
  const drafts = draftsRoot(env);
  const published = publishedRoot(env);
  const inDrafts = itemExists(drafts, ref);
  const inPublished = itemExists(published, ref);
  if (!inDrafts && !inPublished) return { ok: false, error: 'NotFound' };
  const department = itemDepartment(inDrafts ? drafts : published, ref);

  if (action === 'submit' ? !canEditContent(staff, department) : !canReviewContent(staff)) return { ok: false, error: 'Forbidden' };
  const record = await store.getContentItem(ref.collection, ref.item);
  if (String(record?.version ?? 0) !== form.version) return { ok: false, error: 'Stale' };
  const standing = standingOf(record);
  if (!canDo(standing, action) || (action === 'withdraw' && !inPublished)) return { ok: false, error: 'NotNow' };
  const note = form.note.trim();
  if ((action === 'return' || action === 'withdraw') && !note) return { ok: false, error: 'NoteMissing' };
  if (note.length > NOTE_MAX) return { ok: false, error: 'NoteTooLong' };
  if ((action === 'approve' || action === 'withdraw') && (await runUnderWay(store, ref, now))) return { ok: false, error: 'Busy' };

  const audit = (what: string, data: Record<string, unknown> = {}) =>
    store.appendAudit({ actor: staff.username, action: `content.${what}`, subject: itemKey(ref), ip: deps.client ?? null, at: now, data });
  const put = (change: Partial<ContentItemRecord> & { now?: Date }) =>
    store.putContentItem({
      ...ref,
      version: record?.version ?? 0,
      department,
      state: record?.state ?? 'published',
      editorId: record?.editorId ?? null,
      submittedBy: record?.submittedBy ?? null,
      submittedAt: record?.submittedAt ?? null,
      note: record?.note ?? null,
      now,
      ...change,
    });

  try {
    if (action === 'submit') {
      await put({ state: 'review', submittedBy: staff.id, submittedAt: now, note: null });
      await audit('submit');
      return { ok: true, action };
    }
    if (action === 'return') {
      await put({ state: 'draft', note });
      await audit('return', { note });
      return { ok: true, action };
    }
  } catch (e) {
    if (e instanceof Conflict) return { ok: false, error: 'Stale' };
    throw e;
  }

  // approve or withdraw: a publishing run; the item's state changes when the new site is served.
  const editor = record?.editorId ? await store.getUser(record.editorId) : undefined;
  const job = await store.createPublishJob({ action: action === 'approve' ? 'publish' : 'withdraw', items: [ref], reviewerId: staff.id, now });
  await audit(action === 'approve' ? 'approve' : 'withdraw', { job: job.id, ...(note ? { note } : {}) });
  const order = {
    action: action === 'approve' ? ('publish' as const) : ('withdraw' as const),
    ref,
    author: editor ? gitPerson(editor.displayName, editor.username) : gitPerson(staff.displayName, staff.username),
    reviewer: gitPerson(staff.displayName, staff.username),
    title: itemTitle(readItemYaml(inDrafts ? drafts : published, ref), ref, 'zh'),
  };
  void publishInTurn(order, env)
    .then(async (outcome) => {
      const end = new Date();
      if (!outcome.ok) {
        await store.finishPublishJob(job.id, { state: 'failed', report: outcome.report, now: end });
        await store.appendAudit({ actor: staff.username, action: 'content.publish-failed', subject: itemKey(ref), at: end, data: { job: job.id } });
        return;
      }
      await store.finishPublishJob(job.id, { state: 'published', commit: outcome.commit, now: end });
      // Saved again while the site was being built: that newer draft stays a draft.
      const latest = await store.getContentItem(ref.collection, ref.item);
      if ((latest?.version ?? 0) === (record?.version ?? 0)) {
        await put({ state: action === 'approve' ? 'published' : 'withdrawn', note: action === 'withdraw' ? note : null, now: end });
      }
      await store.appendAudit({ actor: staff.username, action: action === 'approve' ? 'content.published' : 'content.withdrawn', subject: itemKey(ref), at: end, data: { job: job.id, commit: outcome.commit } });
      await syncDrafts(store, env);
    })
    .catch((e: unknown) => console.error(`Publishing ${itemKey(ref)} could not be recorded:`, e));
  return { ok: true, action, job: job.id };
}
