import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildCalendar, type CalendarYear } from '../../src/lib/working-days.ts';

/** The content-managed calendar loads into the working-day rules without contradictions. */
describe('the working-day calendar in content/calendar', () => {
  const years = readdirSync('content/calendar').filter((f) => f.endsWith('.yaml')).map((f) => parse(readFileSync(`content/calendar/${f}`, 'utf8')) as CalendarYear);

  it('has the current and the previous year', () => {
    expect(years.map((y) => y.year)).toEqual(expect.arrayContaining([2025, 2026]));
  });

  it('builds a calendar the deadline rules accept', () => {
    const calendar = buildCalendar(years);
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false);
    expect(calendar.isWorkingDay('2026-05-23')).toBe(true); // the Saturday worked before Corban
  });
});
