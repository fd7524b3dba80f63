/** What the content page of the back office lists: items waiting for review, drafts, latest runs. */
import type { Locale } from '../../i18n/locales.ts';
import { departmentScope, type Staff } from '../../lib/staff/roles.ts';
import type { ContentItemRecord, PublishJobRecord, Store } from '../store/store.ts';
import { settleInterruptedRuns } from './interrupted-runs.ts';
import { itemDepartment, itemExists, itemTitle, readItemYaml } from './item-files.ts';
import { draftsRoot, publishedRoot } from './workspace.ts';

export interface ListedItem extends ContentItemRecord {
  title: string;
  editorName: string | null;
}
export interface ListedRun extends PublishJobRecord {
  reviewerName: string;
  titles: string[];
}

export async function contentOverview(store: Store, staff: Staff, locale: Locale, env: NodeJS.ProcessEnv = process.env) {
  await settleInterruptedRuns(store);
  const scope = departmentScope(staff);
  const drafts = draftsRoot(env);
  const published = publishedRoot(env);
  const names = new Map((await store.listUsers()).map((u) => [u.id, u.displayName]));
  const titleOf = (ref: { collection: string; item: string }) => {
    const root = itemExists(drafts, ref) ? drafts : published;
    return itemTitle(readItemYaml(root, ref), ref, locale);
  };
  const records = await store.listContentItems({ states: ['draft', 'review'], ...(scope !== null ? { department: scope } : {}) });
  const listed = records.map((r): ListedItem => ({ ...r, title: titleOf(r), editorName: r.editorId ? names.get(r.editorId) ?? null : null }));
  const departmentOf = (ref: { collection: string; item: string }) => itemDepartment(itemExists(drafts, ref) ? drafts : published, ref);
  const runs = (await store.listPublishJobs({ limit: 20 }))
    .filter((j) => scope === null || j.items.some((ref) => departmentOf(ref) === scope))
    .map((j): ListedRun => ({ ...j, reviewerName: names.get(j.reviewerId) ?? j.reviewerId, titles: j.items.map(titleOf) }));
  return {
    pending: listed.filter((r) => r.state === 'review'),
    drafts: listed.filter((r) => r.state === 'draft'),
    runs,
  };
}
