import { describe, expect, it } from 'vitest';
import { lastMonths, monthFigures, monthRange, workingDaysToAnswer } from '../../src/lib/cases/letter-statistics.ts';
import { buildCalendar, provisionalYear } from '../../src/lib/working-days.ts';

const calendar = buildCalendar([provisionalYear(2025), provisionalYear(2026)]);
const at = (s: string) => new Date(s);

describe('letter statistics', () => {
  it('lists the last months in Beijing time, across a year end', () => {
    // 2026-01-01 01:00 Beijing is still 2025-12-31 in UTC.
    expect(lastMonths(at('2025-12-31T17:00:00Z'), 3)).toEqual([{ year: 2026, month: 1 }, { year: 2025, month: 12 }, { year: 2025, month: 11 }]);
  });

  it('bounds a month by Beijing midnight', () => {
    expect(monthRange({ year: 2026, month: 12 })).toEqual({ from: at('2026-11-30T16:00:00Z'), before: at('2026-12-31T16:00:00Z') });
  });

  it('counts working days from the day of receipt to the reply, skipping weekends and holidays', () => {
    // Friday 2026-05-08 to Monday 2026-05-11: one working day.
    expect(workingDaysToAnswer(calendar, at('2026-05-08T02:00:00Z'), at('2026-05-11T02:00:00Z'))).toBe(1);
    // Sent on Saturday, received Monday, answered Monday: 0.
    expect(workingDaysToAnswer(calendar, at('2026-05-09T02:00:00Z'), at('2026-05-11T09:00:00Z'))).toBe(0);
    // Across National Day (1–3 October are holidays in the provisional calendar).
    expect(workingDaysToAnswer(calendar, at('2026-09-30T02:00:00Z'), at('2026-10-05T02:00:00Z'))).toBe(1);
    expect(workingDaysToAnswer(calendar, at('2030-01-02T02:00:00Z'), at('2030-01-03T02:00:00Z'))).toBeNull();
  });

  it('averages to one decimal and leaves a month without answers blank', () => {
    const replies = [
      { createdAt: at('2026-05-08T02:00:00Z'), repliedAt: at('2026-05-11T02:00:00Z') }, // 1
      { createdAt: at('2026-05-11T02:00:00Z'), repliedAt: at('2026-05-13T02:00:00Z') }, // 2
      { createdAt: at('2026-05-11T02:00:00Z'), repliedAt: at('2026-05-13T02:00:00Z') }, // 2
    ];
    expect(monthFigures({ year: 2026, month: 5 }, 7, replies, calendar)).toEqual({ year: 2026, month: 5, received: 7, answered: 3, averageWorkingDays: 1.7 });
    expect(monthFigures({ year: 2026, month: 6 }, 2, [], calendar).averageWorkingDays).toBeNull();
  });
});
