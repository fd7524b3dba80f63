/**
 * What citizens read of the mailbox: the letters the centre published (信件选登) — the checked
 * copy of each letter and its reply, never the writer's details — and the monthly figures.
 */
import { lastMonths, monthFigures, monthRange, type MonthFigures } from '../../lib/cases/letter-statistics.ts';
import type { Publication } from '../../lib/cases/publication.ts';
import type { WorkingDayCalendar } from '../../lib/working-days.ts';
import type { Store } from '../store/store.ts';

export const PUBLISHED_PAGE_SIZE = 10;

export interface PublishedLetter extends Publication { kind: string | null; publishedAt: Date }

export async function listPublishedLetters(store: Store, page: number): Promise<{ items: PublishedLetter[]; total: number }> {
  const { items, total } = await store.listCases({ kind: 'letter', published: true, order: 'published', limit: PUBLISHED_PAGE_SIZE, offset: (page - 1) * PUBLISHED_PAGE_SIZE });
  return {
    total,
    items: items.flatMap((c) => {
      const p = c.data.publication as Publication | null | undefined;
      // Only the checked copy is shown; a case without one is skipped rather than shown raw.
      return p && c.publishedAt ? [{ ...p, kind: c.category, publishedAt: c.publishedAt }] : [];
    }),
  };
}

export async function monthlyLetterFigures(store: Store, calendar: WorkingDayCalendar, now: Date, months = 12): Promise<MonthFigures[]> {
  return Promise.all(lastMonths(now, months).map(async (month) => {
    const { from, before } = monthRange(month);
    const [{ total }, replies] = await Promise.all([
      store.listCases({ kind: 'letter', createdFrom: from, createdBefore: before, limit: 1 }),
      store.listFirstEntries({ kind: 'letter', type: 'replied', from, before }),
    ]);
    return monthFigures(month, total, replies, calendar);
  }));
}
