/**
 * How a content item moves between its editor and the site (issue: nothing reaches citizens
 * unreviewed). Pure rules; the handlers in src/server/editorial/ apply them.
 *
 *   (published from Git) ─save→ draft ─submit→ review ─approve, built→ published ─withdraw, built→ withdrawn
 *                                 ↑   ←return──┘                                     │
 *                                 └──────────────── save (any state) ←───────────────┘
 *
 * An item nobody has edited in the CMS is what Git says: published when its files are in the
 * published tree. Saving always makes a draft again, also in review: the reviewer approves what
 * they read, never a text changed after they opened it. An approval or withdrawal takes effect
 * only when the rebuilt site is served; until then, and if the build fails, the item stays where it was.
 */
import type { ContentState } from '../../server/store/store.ts';

export type ItemAction = 'save' | 'submit' | 'return' | 'approve' | 'withdraw';
/** No record: the item is as Git has it. */
export type Standing = ContentState | 'untracked';

const allowed: Record<ItemAction, readonly Standing[]> = {
  save: ['untracked', 'draft', 'review', 'published', 'withdrawn'],
  submit: ['draft'],
  return: ['review'],
  approve: ['review'],
  withdraw: ['untracked', 'published'],
};

/** The state an action leads to once it has taken effect, or null when it is not allowed now. */
export function nextState(standing: Standing, action: ItemAction): ContentState | null {
  if (!allowed[action].includes(standing)) return null;
  switch (action) {
    case 'save':
    case 'return':
      return 'draft';
    case 'submit':
      return 'review';
    case 'approve':
      return 'published';
    case 'withdraw':
      return 'withdrawn';
  }
}

export const canDo = (standing: Standing, action: ItemAction): boolean => nextState(standing, action) !== null;
