/**
 * Brings the drafts tree up to date with the published branch for every item nobody is working
 * on. The published branch also changes outside the CMS (a developer's commit, a corrected
 * calendar, another server's publishing); without this, the next edit of such an item would
 * start from an old copy and its approval would quietly undo those changes.
 */
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, itemOfPath, pathOfItem, type ItemRef } from '../../lib/editorial/item-paths.ts';
import type { Store } from '../store/store.ts';
import { draftsRoot, publishedRoot } from './workspace.ts';

function publishedItems(root: string): ItemRef[] {
  const refs: ItemRef[] = [];
  for (const collection of COLLECTIONS) {
    const dir = join(root, 'content', collection);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const ref = itemOfPath(entry.isDirectory() ? `content/${collection}/${entry.name}/index.yaml` : `content/${collection}/${entry.name}`);
      if (ref) refs.push(ref);
    }
  }
  return refs;
}

/** Copies each published item without a draft or a review under way over its drafts copy; returns how many. */
export async function syncDrafts(store: Store, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const drafts = draftsRoot(env);
  const published = publishedRoot(env);
  if (!existsSync(join(drafts, 'content'))) return 0;
  const busy = new Set((await store.listContentItems({ states: ['draft', 'review'] })).map((r) => `${r.collection}/${r.item}`));
  let copied = 0;
  for (const ref of publishedItems(published)) {
    if (busy.has(`${ref.collection}/${ref.item}`)) continue;
    const path = pathOfItem(ref);
    rmSync(join(drafts, path), { recursive: true, force: true });
    cpSync(join(published, path), join(drafts, path), { recursive: true });
    copied++;
  }
  return copied;
}
