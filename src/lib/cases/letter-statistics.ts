/**
 * The mailbox's monthly figures that portals publish (STANDARDS.md §4): letters received,
 * letters answered, and the average number of working days from receipt to the first answer.
 * Months are Beijing calendar months. Pure: the Store gives the counts and the reply times.
 */
import { beijingDate, type WorkingDayCalendar } from '../working-days.ts';

export interface Month { year: number; month: number }
export interface MonthFigures extends Month { received: number; answered: number; averageWorkingDays: number | null }

/** The `count` months ending with the month of `now`, newest first. */
export function lastMonths(now: Date, count: number): Month[] {
  const [y, m] = beijingDate(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const n = y * 12 + (m - 1) - i;
    return { year: Math.floor(n / 12), month: (n % 12) + 1 };
  });
}

/** The instants a Beijing month starts and ends (exclusive). */
export function monthRange({ year, month }: Month): { from: Date; before: Date } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return { from: new Date(`${year}-${pad(month)}-01T00:00:00+08:00`), before: new Date(`${next.year}-${pad(next.month)}-01T00:00:00+08:00`) };
}

/**
 * Working days a reply took: counted from the day of receipt (a letter sent on a holiday is
 * received the next working day) to the day of the reply; a reply on the day of receipt took 0.
 */
export function workingDaysToAnswer(calendar: WorkingDayCalendar, receivedAt: Date, repliedAt: Date): number | null {
  try {
    const start = calendar.receiptDay(beijingDate(receivedAt));
    const end = beijingDate(repliedAt);
    return end <= start ? 0 : calendar.workingDaysBetween(start, end);
  } catch {
    return null; // a year the calendar does not hold
  }
}

export function monthFigures(month: Month, received: number, replies: readonly { createdAt: Date; repliedAt: Date }[], calendar: WorkingDayCalendar): MonthFigures {
  const days = replies.map((r) => workingDaysToAnswer(calendar, r.createdAt, r.repliedAt)).filter((d): d is number => d !== null);
  const average = days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null;
  return { ...month, received, answered: replies.length, averageWorkingDays: average };
}

