import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import {
  addCalendarDays, beijingDate, buildCalendar, CalendarDataError, CalendarYearMissingError, type CalendarYear,
} from '../../src/lib/working-days.ts';

const load = (year: number) => parse(readFileSync(new URL(`../../content/calendar/${year}.yaml`, import.meta.url), 'utf8')) as CalendarYear;
const files = [load(2025), load(2026)];
const calendar = buildCalendar(files);

describe('the working-day calendar', () => {
  it('treats weekdays as working days and weekends as rest days', () => {
    expect(calendar.isWorkingDay('2025-03-12')).toBe(true); // Wednesday
    expect(calendar.isWorkingDay('2025-03-15')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2025-03-16')).toBe(false); // Sunday
  });

  it.each([
    ['2025-01-01', '元旦'], ['2025-01-28', '春节'], ['2025-02-04', '春节'], ['2025-04-04', '清明节'],
    ['2025-05-05', '劳动节'], ['2025-06-02', '端午节'], ['2025-10-08', '国庆节、中秋节'],
    ['2026-01-02', '元旦'], ['2026-02-23', '春节'], ['2026-05-01', '劳动节'], ['2026-06-19', '端午节'],
    ['2026-09-25', '中秋节'], ['2026-10-07', '国庆节'],
  ])('has the national holiday %s (%s) off', (date, zh) => {
    expect(calendar.isWorkingDay(date)).toBe(false);
    expect(calendar.holidayOn(date)?.zh).toBe(zh);
  });

  it.each(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11', '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])(
    'works on the make-up weekend day %s',
    (date) => {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      expect([0, 6]).toContain(weekday);
      expect(calendar.isWorkingDay(date)).toBe(true);
    },
  );

  it('has the region\'s Rozi 2025 as the General Office announced it: 30 March – 1 April off, 2 April back at work', () => {
    expect(['2025-03-30', '2025-03-31', '2025-04-01'].map((d) => calendar.isWorkingDay(d))).toEqual([false, false, false]);
    expect(calendar.holidayOn('2025-03-31')).toEqual({ zh: '肉孜节', ug: 'روزا ھېيت', en: 'Rozi Festival (Eid al-Fitr)' });
    expect(calendar.isWorkingDay('2025-04-02')).toBe(true);
  });

  it('has the region\'s Corban 2026 as announced: 27–31 May off, Saturday 23 May a working day', () => {
    for (const d of ['2026-05-27', '2026-05-28', '2026-05-29', '2026-05-30', '2026-05-31']) {
      expect(calendar.isWorkingDay(d)).toBe(false);
      expect(calendar.holidayOn(d)?.ug).toBe('قۇربان ھېيت');
    }
    expect(calendar.isWorkingDay('2026-05-23')).toBe(true);
    expect(calendar.isWorkingDay('2026-06-01')).toBe(true);
  });

  it('names every holiday in Chinese, Uyghur (Arabic script, no Persian-keyboard letters) and English', () => {
    for (const file of files) {
      for (const h of file.holidays) {
        expect(h.name.zh).toBeTruthy();
        expect(h.name.en).toBeTruthy();
        expect(h.name.ug).toMatch(/^[\u0626-\u06D5 ]+$/u);
        expect(h.name.ug).not.toMatch(/[\u06A9\u06CC\u0647]/u); // ک ی ه are not Uyghur letters
      }
    }
  });
});

describe('deadlines in working days', () => {
  it('does not count the day of receipt: a 3-day limit from a Monday is due on Thursday', () => {
    expect(calendar.addWorkingDays('2025-03-10', 3)).toBe('2025-03-13');
  });

  it('runs over a weekend: from Friday, 3 working days is Wednesday', () => {
    expect(calendar.addWorkingDays('2025-03-14', 3)).toBe('2025-03-19');
  });

  it('counts a submission on a non-working day from the next working day', () => {
    expect(calendar.receiptDay('2025-03-15')).toBe('2025-03-17');
    expect(calendar.addWorkingDays('2025-03-15', 3)).toBe('2025-03-20');
    expect(calendar.addWorkingDays('2025-03-16', 0)).toBe('2025-03-17');
    expect(calendar.addWorkingDays('2025-03-17', 0)).toBe('2025-03-17');
  });

  it('skips the Spring Festival and counts its make-up Saturday', () => {
    // Received Monday 27 Jan 2025; 28 Jan–4 Feb off; 5, 6, 7 Feb, then Saturday 8 Feb is worked.
    expect(calendar.addWorkingDays('2025-01-27', 4)).toBe('2025-02-08');
    // A letter on the make-up Sunday 26 Jan is received that day.
    expect(calendar.receiptDay('2025-01-26')).toBe('2025-01-26');
  });

  it('skips the region\'s own holidays', () => {
    // Friday 28 Mar 2025 + 1 working day: weekend, then Rozi 30 Mar – 1 Apr → Wednesday 2 April.
    expect(calendar.addWorkingDays('2025-03-28', 1)).toBe('2025-04-02');
    // Corban 2026: Tuesday 26 May + 1 → Monday 1 June.
    expect(calendar.addWorkingDays('2026-05-26', 1)).toBe('2026-06-01');
  });

  it('crosses the year boundary into the next year\'s calendar', () => {
    // Wed 31 Dec 2025, then 1–3 Jan 2026 off, Sunday 4 Jan worked.
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(calendar.addWorkingDays('2025-12-31', 2)).toBe('2026-01-05');
    expect(calendar.workingDaysBetween('2025-12-30', '2026-01-05')).toBe(3);
  });

  it('fails loudly, with the year, when asked about a year it has no data for', () => {
    expect(() => calendar.isWorkingDay('2027-03-01')).toThrow(CalendarYearMissingError);
    expect(() => calendar.addWorkingDays('2026-12-30', 5)).toThrow(expect.objectContaining({ name: 'CalendarYearMissingError', year: 2027 }));
    expect(() => calendar.isWorkingDay('2024-12-31')).toThrow(/2024/);
  });

  it('rejects malformed dates and negative limits', () => {
    expect(() => calendar.isWorkingDay('2025-02-30')).toThrow(CalendarDataError);
    expect(() => calendar.isWorkingDay('2025-3-1')).toThrow(CalendarDataError);
    expect(() => calendar.addWorkingDays('2025-03-10', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-03-10', 1.5)).toThrow(RangeError);
  });

  it('counts working days between two days, after the first up to and including the second', () => {
    expect(calendar.workingDaysBetween('2025-03-10', '2025-03-10')).toBe(0);
    expect(calendar.workingDaysBetween('2025-03-10', '2025-03-17')).toBe(5);
    expect(calendar.workingDaysBetween('2025-03-17', '2025-03-10')).toBe(-5);
    expect(calendar.workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
  });

  it('inverts addWorkingDays between working days (any day of 2025, any limit up to 60)', () => {
    const workingDays2025 = Array.from({ length: 365 }, (_, i) => addCalendarDays('2025-01-01', i)).filter((d) => calendar.isWorkingDay(d));
    fc.assert(
      fc.property(fc.constantFrom(...workingDays2025), fc.integer({ min: 0, max: 60 }), (start, n) => {
        const due = calendar.addWorkingDays(start, n);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(calendar.workingDaysBetween(start, due)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });
});

describe('time zone', () => {
  it('takes the calendar day in Beijing time, whatever the server\'s zone', () => {
    expect(beijingDate(new Date('2025-01-01T15:59:59Z'))).toBe('2025-01-01');
    expect(beijingDate(new Date('2025-01-01T16:00:00Z'))).toBe('2025-01-02');
    expect(beijingDate(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });
});

describe('deadline status', () => {
  const due = '2025-03-20'; // Thursday
  it.each([
    ['2025-03-14', 'ok'], // Friday: 4 working days left
    ['2025-03-18', 'due-soon'], // 2 left
    ['2025-03-20', 'due-soon'], // the due day itself is still in time
    ['2025-03-21', 'overdue'],
  ] as const)('on %s a deadline of %s is %s', (today, status) => {
    expect(calendar.deadlineStatus(today, due)).toBe(status);
  });

  it('counts the days left in working days, so a holiday in between delays "due soon"', () => {
    // Due Wed 2 April 2025; on Thursday 27 March only Fri 28 and Wed 2 are working days left.
    expect(calendar.deadlineStatus('2025-03-27', '2025-04-02')).toBe('due-soon');
    expect(calendar.deadlineStatus('2025-03-27', '2025-04-02', 1)).toBe('ok');
  });

  it('reads an instant in Beijing time: 23:30 on the due day is in time, 00:30 the next day is late', () => {
    expect(calendar.deadlineStatus(new Date('2025-03-20T15:30:00Z'), due)).toBe('due-soon');
    expect(calendar.deadlineStatus(new Date('2025-03-20T16:30:00Z'), due)).toBe('overdue');
  });
});

describe('building a calendar from yearly data', () => {
  const name = { zh: '测试' };
  it('refuses contradictory or misplaced data', () => {
    expect(() => buildCalendar([{ year: 2025, holidays: [{ date: '2025-05-01', name }], workdays: ['2025-05-01'] }])).toThrow(/both/);
    expect(() => buildCalendar([{ year: 2025, holidays: [{ date: '2026-05-01', name }], workdays: [] }])).toThrow(/listed in the file for 2025/);
    expect(() => buildCalendar([{ year: 2025, holidays: [], workdays: [] }, { year: 2025, holidays: [], workdays: [] }])).toThrow(/twice/);
    expect(() => buildCalendar([{ year: 2025, holidays: [{ from: '2025-05-05', to: '2025-05-01', name }], workdays: [] }])).toThrow(/ends before/);
    expect(() => buildCalendar([{ year: 2025 } as CalendarYear])).toThrow(CalendarDataError);
  });

  it('knows only the years it was given', () => {
    expect(calendar.years).toEqual([2025, 2026]);
    const only2026 = buildCalendar([files[1]!]);
    expect(() => only2026.addWorkingDays('2025-12-31', 1)).toThrow(CalendarYearMissingError);
  });
});

describe('years not yet published', () => {
  it('are filled with provisional years of weekends and fixed-date holidays, after the published ones only', async () => {
    const { buildCalendar: build, withProvisionalYears } = await import('../../src/lib/working-days.ts');
    const published = [{ year: 2026, holidays: [], workdays: [] }];
    const years = withProvisionalYears(published, 2028);
    expect(years.map((y) => y.year)).toEqual([2026, 2027, 2028]);
    const calendar = build(years);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-10-02')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-04')).toBe(true); // a Monday
    expect(calendar.isWorkingDay('2027-01-09')).toBe(false); // a Saturday
  });
});
