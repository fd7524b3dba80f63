/**
 * The editorial standing of content items: thin operations over the Store that apply the pure
 * rules of src/lib/editorial/item-states.ts and record who did what in the audit log.
 */
import type { ItemRef } from '../../lib/editorial/item-paths.ts';
import { nextState, type ItemAction, type Standing } from '../../lib/editorial/item-states.ts';
import type { Staff } from '../../lib/staff/roles.ts';
import type { ContentItemRecord, Store } from '../store/store.ts';

export const standingOf = (record: ContentItemRecord | undefined): Standing => record?.state ?? 'untracked';

export class NotAllowedNow extends Error {
  override name = 'NotAllowedNow';
  constructor(readonly action: ItemAction, readonly standing: Standing) {
    super(`${action} is not possible for an item that is ${standing}`);
  }
}

/**
 * Records a save made in the CMS: the item becomes (or stays) a draft of this editor. Called by
 * the CMS's API after the files were written.
 */
export async function recordSave(store: Store, input: { ref: ItemRef; department: string | null; staff: Staff; now?: Date }): Promise<ContentItemRecord> {
  const { ref, department, staff, now = new Date() } = input;
  const record = await store.getContentItem(ref.collection, ref.item);
  const saved = await store.putContentItem({
    ...ref,
    version: record?.version ?? 0,
    department,
    state: nextState(standingOf(record), 'save')!,
    editorId: staff.id,
    submittedBy: null,
    submittedAt: null,
    note: null,
    now,
  });
  await store.appendAudit({ actor: staff.username, action: 'content.save', subject: `${ref.collection}/${ref.item}`, at: now, data: { department } });
  return saved;
}
