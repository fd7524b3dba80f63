import { inCollection, type ContentSet, type Finding, type Item } from './types.ts';

/** How far ahead of the check a publish time may be: a build made just after midnight elsewhere. */
export const FUTURE_TOLERANCE_MS = 24 * 3600_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

interface When { day: string; time: number }

/** A YAML date (`2025-03-10`) or publish time (`2025-03-14T10:00:00+08:00`), as a Beijing day and an instant. */
export function readDate(value: unknown): When | undefined {
  if (typeof value !== 'string') return undefined;
  const day = DAY.exec(value);
  if (day) {
    const time = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])) - 8 * 3600_000;
    // Date.UTC rolls 2025-02-30 over to March: a day that does not survive the round trip is not a day.
    return beijingDay(time) === value ? { day: value, time } : undefined;
  }
  if (!DATE_TIME.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : { day: beijingDay(time), time };
}

const beijingDay = (time: number) => new Date(time + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Dates that agree (docs/content.md, "Content checks"). Shared facts are stored once, so the
 * editions cannot disagree; what can go wrong is one fact contradicting another, or the clock.
 */
export function checkDates(set: ContentSet, now: Date = new Date()): Finding[] {
  const findings: Finding[] = [];
  const add = (item: Item | string, field: string, message: string) =>
    findings.push({ file: typeof item === 'string' ? item : item.file, field, message });
  const today = beijingDay(now.getTime());
  const policies = new Map(inCollection(set, 'policies').map((p) => [p.slug, p]));

  for (const item of set.items) {
    const { data } = item;
    // Publish times: a real instant with its offset, and not in the future (a page dated ahead
    // of its publication reads as back-dating to national inspectors).
    for (const field of ['published', 'updated', 'written']) {
      if (data[field] === undefined) continue;
      const raw = String(data[field]);
      const when = readDate(data[field]);
      if (!when) add(item, field, `"${raw}" is not a date (YYYY-MM-DD) or a time with its offset (YYYY-MM-DDTHH:MM:SS+08:00)`);
      else if (/T/.test(raw) && !/(Z|[+-]\d{2}:\d{2})$/.test(raw)) add(item, field, `"${raw}" has no offset; write Beijing time as ${raw}+08:00`);
      else if (when.time > now.getTime() + FUTURE_TOLERANCE_MS) add(item, field, `${raw} is in the future (today is ${today})`);
    }
    const published = readDate(data.published);
    const updated = readDate(data.updated);
    if (published && updated && updated.time < published.time) add(item, 'updated', `${data.updated} is before published ${data.published}`);
    // Dated folders (news, notices, interpretations) start with the Beijing day of publication.
    const folderDay = /^(\d{4}-\d{2}-\d{2})-/.exec(item.slug)?.[1];
    if (folderDay && published && folderDay !== published.day)
      add(item, 'published', `${data.published} is ${published.day} in Beijing, but the folder is dated ${folderDay}`);
  }

  for (const policy of policies.values()) checkPolicy(policy, policies, today, add);

  for (const item of inCollection(set, 'interpretations')) {
    const policy = policies.get(String(item.data.policy));
    const own = readDate(item.data.published);
    const explained = policy && readDate(policy.data.published);
    if (own && explained && own.day < explained.day)
      add(item, 'published', `${own.day} is before the policy it explains (${policy.file}) was published on ${explained.day}`);
  }

  for (const item of inCollection(set, 'reports')) {
    const year = item.data.year;
    if (String(year) !== item.slug) add(item, 'year', `${year} is not the year in the file name (${item.slug})`);
    const published = readDate(item.data.published);
    if (typeof year === 'number' && published && published.day <= `${year}-12-31`)
      add(item, 'published', `${published.day} is before the end of the year ${year} the report covers`);
  }

  for (const item of inCollection(set, 'calendar')) checkCalendar(item, add);

  for (const item of inCollection(set, 'leaders')) {
    const born = String(item.data.born ?? '');
    const match = /^(\d{4})-(\d{2})$/.exec(born);
    if (match && (Number(match[2]) < 1 || Number(match[2]) > 12)) add(item, 'born', `${born} has no month ${match[2]}`);
    else if (match && born > today.slice(0, 7)) add(item, 'born', `${born} is in the future`);
  }
  return findings;
}

type Add = (item: Item, field: string, message: string) => void;

/**
 * A catalogue entry: written ≤ published; the 文号's year lies between the years written and published; the
 * validity state and its dates agree — valid has no replacement, amended names what amended
 * it, repealed and expired say since when (validUntil, not after today), a valid document whose
 * validUntil has passed has expired; a replacement is not older than what it replaces and was
 * published before the repeal took effect.
 */
function checkPolicy(policy: Item, policies: Map<string, Item>, today: string, add: Add) {
  const { data } = policy;
  const written = readDate(data.written);
  const published = readDate(data.published);
  if (written && published && written.day > published.day) add(policy, 'written', `${written.day} is after published ${published.day}`);
  const docYear = typeof data.documentNumber === 'string' ? /[〔［[（(](\d{4})[〕］\]）)]|(\d{4})年/.exec(data.documentNumber) : null;
  // The 文号 takes the year the document is issued in: the year it was written, or the next
  // when it was signed in late December and sent out in January.
  const numberYear = docYear?.[1] ?? docYear?.[2];
  if (numberYear && written && published && (numberYear < written.day.slice(0, 4) || numberYear > published.day.slice(0, 4)))
    add(policy, 'documentNumber', `${data.documentNumber} is of ${numberYear}, but the document was written on ${written.day} and published on ${published.day}`);

  const validity = data.validity ?? 'valid';
  const until = data.validUntil === undefined ? undefined : readDate(String(data.validUntil));
  if (data.validUntil !== undefined && !until) add(policy, 'validUntil', `"${data.validUntil}" is not a date (YYYY-MM-DD)`);
  if (until && written && until.day < written.day) add(policy, 'validUntil', `${until.day} is before the document was written (${written.day})`);
  if (validity === 'valid') {
    if (data.replacedBy !== undefined) add(policy, 'replacedBy', `a valid document has no replacement; set validity to amended or repealed`);
    if (until && until.day < today) add(policy, 'validity', `valid, but validUntil ${until.day} has passed: it has expired`);
  } else {
    if (validity === 'amended' && data.replacedBy === undefined) add(policy, 'replacedBy', 'an amended document names the document that amended it');
    if ((validity === 'repealed' || validity === 'expired') && !until && data.validUntil === undefined)
      add(policy, 'validUntil', `a ${validity} document says when it stopped applying`);
    if (until && until.day > today) add(policy, 'validUntil', `${until.day} is still to come, but the document is already ${validity}`);
  }
  if (data.replacedBy !== undefined) {
    const by = policies.get(String(data.replacedBy));
    if (String(data.replacedBy) === policy.slug) add(policy, 'replacedBy', 'a document cannot replace itself');
    const byPublished = by && readDate(by.data.published);
    if (byPublished && published && byPublished.day < published.day)
      add(policy, 'replacedBy', `${data.replacedBy} was published on ${byPublished.day}, before this document (${published.day})`);
    if (byPublished && until && validity === 'repealed' && byPublished.day > until.day)
      add(policy, 'validUntil', `${until.day} is before ${data.replacedBy}, which repealed it, was published (${byPublished.day})`);
  }
}

/**
 * A year's working-day calendar: the year is the file's; every day is a real day inside it; a
 * holiday runs forwards; a make-up working day (调休) is a Saturday or Sunday outside the holidays.
 */
function checkCalendar(item: Item, add: Add) {
  const year = String(item.data.year);
  if (year !== item.slug) add(item, 'year', `${year} is not the year in the file name (${item.slug})`);
  const inYear = (field: string, value: unknown) => {
    const when = readDate(value);
    if (!when) add(item, field, `"${value}" is not a day of the calendar`);
    else if (!when.day.startsWith(`${year}-`)) add(item, field, `${when.day} is not in ${year}`);
    return when;
  };
  const ranges: [string, string][] = [];
  const holidays = Array.isArray(item.data.holidays) ? (item.data.holidays as Record<string, unknown>[]) : [];
  for (const [i, h] of holidays.entries()) {
    if (h.date !== undefined) {
      const d = inYear(`holidays.${i}.date`, h.date);
      if (d) ranges.push([d.day, d.day]);
      continue;
    }
    const from = inYear(`holidays.${i}.from`, h.from);
    const to = inYear(`holidays.${i}.to`, h.to);
    if (from && to && from.day > to.day) add(item, `holidays.${i}.to`, `${to.day} is before from ${from.day}`);
    else if (from && to) ranges.push([from.day, to.day]);
  }
  const workdays = Array.isArray(item.data.workdays) ? item.data.workdays : [];
  for (const [i, w] of workdays.entries()) {
    const d = inYear(`workdays.${i}`, w);
    if (!d) continue;
    const weekday = new Date(`${d.day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) add(item, `workdays.${i}`, `${d.day} is a weekday already; a make-up working day falls on a weekend`);
    if (ranges.some(([from, to]) => from <= d.day && d.day <= to)) add(item, `workdays.${i}`, `${d.day} is inside a holiday`);
  }
}
