/**
 * What approving an item would change: its draft against the published version, file by file,
 * as line changes with a little context. Files that are not text (images, PDFs) are compared by
 * their bytes and shown as changed with their sizes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { structuredPatch } from 'diff';
import type { ItemRef } from '../../lib/editorial/item-paths.ts';
import { itemFiles } from './item-files.ts';

export interface DiffLine {
  kind: 'added' | 'removed' | 'same';
  text: string;
}
export interface FileChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  /** Line changes in hunks, for text files. */
  hunks: DiffLine[][];
  /** Sizes in bytes before and after, for other files. */
  sizes?: { before: number; after: number };
}

const TEXT = /\.(ya?ml|md|txt|csv)$/i;
const CONTEXT_LINES = 3;

export function diffItem(published: string, drafts: string, ref: ItemRef): FileChange[] {
  const paths = [...new Set([...itemFiles(published, ref), ...itemFiles(drafts, ref)])].sort();
  const changes: FileChange[] = [];
  for (const path of paths) {
    const before = existsSync(join(published, path)) ? readFileSync(join(published, path)) : undefined;
    const after = existsSync(join(drafts, path)) ? readFileSync(join(drafts, path)) : undefined;
    if (before && after && before.equals(after)) continue;
    const change = !before ? 'added' : !after ? 'removed' : 'changed';
    if (!TEXT.test(path)) {
      changes.push({ path, change, hunks: [], sizes: { before: before?.length ?? 0, after: after?.length ?? 0 } });
      continue;
    }
    const patch = structuredPatch(path, path, before?.toString('utf8') ?? '', after?.toString('utf8') ?? '', '', '', { context: CONTEXT_LINES });
    const hunks = patch.hunks.map((h) =>
      h.lines
        .filter((l) => !l.startsWith('\\'))
        .map((l): DiffLine => ({ kind: l[0] === '+' ? 'added' : l[0] === '-' ? 'removed' : 'same', text: l.slice(1) })),
    );
    changes.push({ path, change, hunks });
  }
  return changes;
}
