/** An item's publishing history: the commits of the published branch that touched its files. */
import { pathOfItem, type ItemRef } from '../../lib/editorial/item-paths.ts';
import { git } from './git.ts';

export interface HistoryEntry {
  commit: string;
  author: string;
  committer: string;
  at: Date;
  subject: string;
}

const SEP = '\x1f';

/** The latest commits first, at most `limit`; null when the published tree has no Git history. */
export async function itemHistory(repo: string, ref: ItemRef, limit = 30): Promise<HistoryEntry[] | null> {
  try {
    const out = await git(repo, ['log', `-n${limit}`, `--format=%H${SEP}%an${SEP}%cn${SEP}%cI${SEP}%s`, '--', pathOfItem(ref)]);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [commit, author, committer, at, subject] = line.split(SEP) as [string, string, string, string, string];
        return { commit, author, committer, at: new Date(at), subject };
      });
  } catch {
    return null;
  }
}
