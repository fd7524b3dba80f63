import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { departmentInYaml, itemOfPath, pathOfItem, yamlOfItem } from '../../src/lib/editorial/item-paths.ts';
import { canDo, nextState, type ItemAction, type Standing } from '../../src/lib/editorial/item-states.ts';
import { canEditContent, canReviewContent, mayEditAnyContent, type Staff } from '../../src/lib/staff/roles.ts';

describe('which item a content path belongs to', () => {
  it('groups a folder item’s files and a file item’s YAML under the item', () => {
    expect(itemOfPath('content/news/2025-03-20-spring/index.yaml')).toEqual({ collection: 'news', item: '2025-03-20-spring' });
    expect(itemOfPath('content/news/2025-03-20-spring/body/ug.md')).toEqual({ collection: 'news', item: '2025-03-20-spring' });
    expect(itemOfPath('content/policies/2024-00001/files/notice.pdf')).toEqual({ collection: 'policies', item: '2024-00001' });
    expect(itemOfPath('content/departments/agriculture.yaml')).toEqual({ collection: 'departments', item: 'agriculture' });
    expect(itemOfPath('content/settings/site.yaml')).toEqual({ collection: 'settings', item: 'site' });
  });

  it('belongs nowhere outside content/, in unknown collections, or with odd names', () => {
    for (const path of [
      'src/pages/index.astro', 'content/news/index.yaml', 'content/news/../../etc/passwd', 'content/unknown/x/index.yaml',
      'content/news/Spring/index.yaml', 'content/news//index.yaml', 'content/departments/a/b.yaml', 'content/departments/agriculture.md',
      'content/news/./index.yaml', '/content/news/x/index.yaml', 'content/news/x',
    ]) expect(itemOfPath(path), path).toBeNull();
  });

  it('gives back the item for its own paths', () => {
    for (const ref of [{ collection: 'news', item: 'a-1' }, { collection: 'topics', item: 'transport' }]) {
      expect(itemOfPath(yamlOfItem(ref))).toEqual(ref);
      expect(pathOfItem(ref).startsWith(`content/${ref.collection}/`)).toBe(true);
    }
  });

  it('reads the department of an item’s YAML, quoted or not, and none when absent', () => {
    expect(departmentInYaml('published: 2025-01-01\ndepartment: agriculture\nzh:\n  title: x\n')).toBe('agriculture');
    expect(departmentInYaml("department: 'civil-affairs' # owner\n")).toBe('civil-affairs');
    expect(departmentInYaml('zh:\n  department: agriculture\n')).toBeNull();
    expect(departmentInYaml('order: 1\n')).toBeNull();
  });
});

describe('the states of a content item', () => {
  const standings: Standing[] = ['untracked', 'draft', 'review', 'published', 'withdrawn'];
  const actions: ItemAction[] = ['save', 'submit', 'return', 'approve', 'withdraw'];

  it('reaches the site only through review: no sequence of actions publishes what was not submitted', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...actions), { maxLength: 30 }), (sequence) => {
        let standing: Standing = 'untracked';
        let reviewedSinceSave = true; // what Git has was published before
        for (const action of sequence) {
          const next = nextState(standing, action);
          if (next === null) continue;
          if (action === 'save') reviewedSinceSave = false;
          if (action === 'approve') {
            expect(standing).toBe('review');
            reviewedSinceSave = true;
          }
          if (next === 'published') expect(reviewedSinceSave).toBe(true);
          standing = next;
        }
      }),
    );
  });

  it('allows each action only from its states', () => {
    expect(standings.filter((s) => canDo(s, 'save'))).toEqual(standings);
    expect(standings.filter((s) => canDo(s, 'submit'))).toEqual(['draft']);
    expect(standings.filter((s) => canDo(s, 'approve'))).toEqual(['review']);
    expect(standings.filter((s) => canDo(s, 'return'))).toEqual(['review']);
    expect(standings.filter((s) => canDo(s, 'withdraw'))).toEqual(['untracked', 'published']);
    expect(nextState('review', 'save')).toBe('draft');
    expect(nextState('review', 'return')).toBe('draft');
  });
});

describe('who may edit and review content', () => {
  const staff = (role: Staff['role'], department: string | null = null): Staff => ({ id: role, username: role, displayName: role, role, department });

  it('lets a department’s handler edit their department’s items only, never the shared frame', () => {
    const handler = staff('handler', 'agriculture');
    expect(canEditContent(handler, 'agriculture')).toBe(true);
    expect(canEditContent(handler, 'ecology')).toBe(false);
    expect(canEditContent(handler, null)).toBe(false);
    expect(canEditContent(staff('handler', null), 'agriculture')).toBe(false);
    expect(mayEditAnyContent(staff('handler', null))).toBe(false);
    expect(canReviewContent(handler)).toBe(false);
  });

  it('lets the centre and admin edit and review everything, and the auditor nothing', () => {
    for (const role of ['centre', 'admin'] as const) {
      expect(canEditContent(staff(role), null)).toBe(true);
      expect(canEditContent(staff(role), 'ecology')).toBe(true);
      expect(canReviewContent(staff(role))).toBe(true);
    }
    expect(canEditContent(staff('auditor'), 'agriculture')).toBe(false);
    expect(mayEditAnyContent(staff('auditor'))).toBe(false);
    expect(canReviewContent(staff('auditor'))).toBe(false);
  });
});
