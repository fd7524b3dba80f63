/**
 * Working days (STANDARDS.md §5). Every statutory or promised limit the portal tracks — a letter's
 * reply, a service's 承诺期限, a disclosure reply — is counted in working days, and China moves its
 * working days every year (调休): a Saturday can be a working day and a Wednesday a holiday. So the
 * calendar is content (`content/calendar/<year>.yaml`, national days and the region's own Rozi and
 * Corban), and this module only interprets it.
 *
 * Time zone: every date here is a calendar day in Beijing time (Asia/Shanghai, UTC+8 all year,
 * no daylight saving since 1991), written `YYYY-MM-DD`. Servers run in UTC, so an instant is turned
 * into a Beijing date with {@link beijingDate} before any counting: a letter sent at 01:00 Beijing
 * time on 2 January is 17:00 UTC on 1 January, and must count from 2 January.
 *
 * A year the calendar has no data for is an error ({@link CalendarYearMissingError}), never a guess:
 * guessing "weekends only" would silently produce wrong deadlines around the next Spring Festival.
 */

/** A Beijing calendar day, `YYYY-MM-DD`. */
export type CalendarDate = string;

export interface LocalisedName { zh: string; ug?: string; en?: string }

/** One holiday entry of a yearly file: a single `date`, or an inclusive range `from`–`to`. */
export type HolidayEntry =
  | { date: CalendarDate; name: LocalisedName; scope?: 'national' | 'regional' }
  | { from: CalendarDate; to: CalendarDate; name: LocalisedName; scope?: 'national' | 'regional' };

/** The content of one `content/calendar/<year>.yaml`. */
export interface CalendarYear {
  year: number;
  holidays: HolidayEntry[];
  /** Make-up working days (调休上班), usually weekends next to a long holiday. */
  workdays: CalendarDate[];
}

/** Asked about a year the calendar has no data for: publish its file first. */
export class CalendarYearMissingError extends Error {
  override readonly name = 'CalendarYearMissingError';
  readonly year: number;
  constructor(year: number) {
    super(`The working-day calendar has no data for ${year}: add content/calendar/${year}.yaml`);
    this.year = year;
  }
}

/** A yearly file that contradicts itself or the date format. */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
}

/** The calendar's questions; all dates are Beijing days, all throw CalendarYearMissingError outside its years. */
export interface WorkingDayCalendar {
  /** The years the calendar can answer for, ascending. */
  readonly years: readonly number[];
  /** The holiday names of a date, or undefined when it is no holiday. */
  holidayOn(date: CalendarDate): LocalisedName | undefined;
  isWorkingDay(date: CalendarDate): boolean;
  receiptDay(submitted: CalendarDate): CalendarDate;
  addWorkingDays(start: CalendarDate, n: number): CalendarDate;
  workingDaysBetween(a: CalendarDate, b: CalendarDate): number;
  deadlineStatus(now: Date | CalendarDate, due: CalendarDate, soonDays?: number): DeadlineStatus;
}

export type DeadlineStatus = 'ok' | 'due-soon' | 'overdue';

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number since 1970-01-01 of a valid `YYYY-MM-DD`; throws on anything else. */
function dayNumber(date: CalendarDate): number {
  const m = datePattern.exec(date);
  const n = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : NaN;
  if (!m || Number.isNaN(n) || fromDayNumber(n) !== date) throw new CalendarDataError(`"${date}" is not a YYYY-MM-DD date`);
  return n;
}

function fromDayNumber(n: number): CalendarDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The Beijing calendar day of an instant. */
export function beijingDate(instant: Date): CalendarDate {
  if (Number.isNaN(instant.getTime())) throw new CalendarDataError('Invalid Date');
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day `days` calendar days after `date` (negative: before). */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/**
 * Builds a calendar from yearly files, checking them: dates well-formed and inside their year,
 * no year twice, and no day both a holiday and a make-up working day.
 */
export function buildCalendar(years: readonly CalendarYear[]): WorkingDayCalendar {
  const holidays = new Map<CalendarDate, LocalisedName>();
  const workdays = new Set<CalendarDate>();
  const known = new Set<number>();
  const inYear = (year: number, date: CalendarDate) => {
    dayNumber(date);
    if (yearOf(date) !== year) throw new CalendarDataError(`${date} is listed in the file for ${year}`);
  };
  for (const y of years) {
    if (!Number.isInteger(y?.year) || !Array.isArray(y.holidays) || !Array.isArray(y.workdays)) {
      throw new CalendarDataError('A calendar year needs `year`, `holidays` and `workdays`');
    }
    if (known.has(y.year)) throw new CalendarDataError(`The calendar has ${y.year} twice`);
    known.add(y.year);
    for (const h of y.holidays) {
      const [from, to] = 'date' in h ? [h.date, h.date] : [h.from, h.to];
      inYear(y.year, from);
      inYear(y.year, to);
      if (!h.name?.zh) throw new CalendarDataError(`The holiday from ${from} has no Chinese name`);
      if (dayNumber(to) < dayNumber(from)) throw new CalendarDataError(`Holiday range ${from}–${to} ends before it starts`);
      for (let d = dayNumber(from); d <= dayNumber(to); d++) holidays.set(fromDayNumber(d), h.name);
    }
    for (const w of y.workdays) {
      inYear(y.year, w);
      workdays.add(w);
    }
  }
  for (const w of workdays) {
    if (holidays.has(w)) throw new CalendarDataError(`${w} is both a holiday and a make-up working day`);
  }
  const check = (date: CalendarDate) => {
    dayNumber(date);
    if (!known.has(yearOf(date))) throw new CalendarYearMissingError(yearOf(date));
  };
  const calendar: WorkingDayCalendar = {
    years: [...known].sort((a, b) => a - b),
    holidayOn(date) {
      check(date);
      return holidays.get(date);
    },
    isWorkingDay(date) {
      check(date);
      if (holidays.has(date)) return false;
      if (workdays.has(date)) return true;
      const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
    receiptDay: (submitted) => receiptDay(calendar, submitted),
    addWorkingDays: (start, n) => addWorkingDays(calendar, start, n),
    workingDaysBetween: (a, b) => workingDaysBetween(calendar, a, b),
    deadlineStatus: (now, due, soonDays) => deadlineStatus(calendar, now, due, soonDays),
  };
  return calendar;
}

/**
 * The day a submission counts as received: the submission day itself if it is a working day,
 * otherwise the next working day (a letter sent on Saturday is received on Monday — the common
 * reading of 政府信息公开条例 Art. 31 for online channels and of the mailbox rules).
 */
function receiptDay(calendar: Pick<WorkingDayCalendar, 'isWorkingDay'>, submitted: CalendarDate): CalendarDate {
  let d = submitted;
  while (!calendar.isWorkingDay(d)) d = addCalendarDays(d, 1);
  return d;
}

/**
 * The deadline of a limit of `n` working days for something submitted on `start`.
 *
 * Convention (as for legal periods, 期间开始之日不计算在内): the day of receipt does not count;
 * the deadline is the n-th working day after it, and the whole of that day is still in time.
 * A submission on a non-working day is received on the next working day ({@link receiptDay}), so
 * a Friday letter with a 3-day limit is due on Wednesday, and a Saturday one on Thursday.
 * n = 0 means "on the day of receipt".
 */
function addWorkingDays(calendar: Pick<WorkingDayCalendar, 'isWorkingDay'>, start: CalendarDate, n: number): CalendarDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`A limit in working days must be a whole number ≥ 0, not ${n}`);
  let d = receiptDay(calendar, start);
  for (let left = n; left > 0; ) {
    d = addCalendarDays(d, 1);
    if (calendar.isWorkingDay(d)) left--;
  }
  return d;
}

/**
 * Working days after `a` up to and including `b` (negative when `b` is before `a`): the number of
 * working days still left on day `a` before a deadline `b`. Between two working days it inverts
 * addWorkingDays: `addWorkingDays(a, workingDaysBetween(a, b)) === b`.
 */
function workingDaysBetween(calendar: Pick<WorkingDayCalendar, 'isWorkingDay'>, a: CalendarDate, b: CalendarDate): number {
  const [lo, hi, sign] = dayNumber(a) <= dayNumber(b) ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = addCalendarDays(lo, 1); dayNumber(d) <= dayNumber(hi); d = addCalendarDays(d, 1)) {
    if (calendar.isWorkingDay(d)) count++;
  }
  return sign * count;
}

/**
 * Marks a deadline for the back office lists. `now` is an instant (its Beijing day is used) or a
 * Beijing date. Overdue from the day after the due day; due soon when at most `soonDays` working
 * days are left (the due day itself is 0 days left).
 */
function deadlineStatus(calendar: Pick<WorkingDayCalendar, 'isWorkingDay'>, now: Date | CalendarDate, due: CalendarDate, soonDays = 2): DeadlineStatus {
  const today = typeof now === 'string' ? now : beijingDate(now);
  if (dayNumber(today) > dayNumber(due)) return 'overdue';
  return workingDaysBetween(calendar, today, due) <= soonDays ? 'due-soon' : 'ok';
}

/**
 * A stand-in for a year whose official arrangement is not yet published (the State Council
 * announces it late in the year before): weekends and the fixed-date national holidays only.
 * Deadlines counted on it may move when the real file is added; a citizen's letter must still
 * be accepted meanwhile, so the server uses this instead of refusing.
 */
export function provisionalYear(year: number): CalendarYear {
  const day = (md: string) => `${year}-${md}` as CalendarDate;
  return {
    year,
    holidays: [
      { date: day('01-01'), name: { zh: '元旦', ug: 'يېڭى يىل بايرىمى', en: "New Year's Day" } },
      { date: day('05-01'), name: { zh: '劳动节', ug: 'ئەمگەكچىلەر بايرىمى', en: 'Labour Day' } },
      { from: day('10-01'), to: day('10-03'), name: { zh: '国庆节', ug: 'دۆلەت بايرىمى', en: 'National Day' } },
    ],
    workdays: [],
  };
}

/** The published years, followed by provisional ones up to `untilYear`. */
export function withProvisionalYears(published: readonly CalendarYear[], untilYear: number): CalendarYear[] {
  const have = new Set(published.map((y) => y.year));
  const last = Math.max(...have);
  const extra: CalendarYear[] = [];
  for (let y = last + 1; y <= untilYear; y++) if (!have.has(y)) extra.push(provisionalYear(y));
  return [...published, ...extra];
}
