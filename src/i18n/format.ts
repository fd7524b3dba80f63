import { htmlLang, type Locale } from './locales.ts';

/** Publication times are shown in Beijing time, the official time of every government site. */
export const TIME_ZONE = 'Asia/Shanghai';

interface Parts { year: number; month: number; day: number; hour: number; minute: number }

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** Calendar fields of an instant in Beijing time. */
export function dateParts(date: Date): Parts {
  const parts = partsFormat.formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2024-05-09`: for `<time datetime>`, file names and machine-readable places. */
export function isoDate(date: Date): string {
  const p = dateParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `2024-05-09 10:30` (24-hour): the format of the gov `PubDate` meta tag. */
export function pubDateTime(date: Date): string {
  const p = dateParts(date);
  return `${isoDate(date)} ${pad(p.hour)}:${pad(p.minute)}`;
}

const longDate: Record<Exclude<Locale, 'ug'>, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric' }),
};

/**
 * A date as official text writes it: zh `2024年5月9日`, en `9 May 2024`, and Uyghur with
 * numbered months `2024-يىلى 5-ئاينىڭ 9-كۈنى` (CLDR's Uyghur month names are not what
 * official text uses).
 */
export function formatDate(date: Date, locale: Locale): string {
  if (locale === 'ug') {
    const p = dateParts(date);
    return `${p.year}-يىلى ${p.month}-ئاينىڭ ${p.day}-كۈنى`;
  }
  return longDate[locale].format(date);
}

/**
 * A date with its Beijing time of day, for the back office's timelines and logs:
 * zh `2024年5月9日 10:30`, en `9 May 2024 10:30`, ug with the numbered date and the time after it.
 */
export function formatDateTime(date: Date, locale: Locale): string {
  const p = dateParts(date);
  return `${formatDate(date, locale)} ${pad(p.hour)}:${pad(p.minute)}`;
}

const monthFormats: Record<Exclude<Locale, 'ug'>, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', year: 'numeric', month: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'long' }),
};

/** A calendar month: zh `2026年11月`, en `November 2026`, ug `2026-يىلى 11-ئاي` (numbered, as official text writes it). */
export function formatMonth(year: number, month: number, locale: Locale): string {
  if (locale === 'ug') return `${year}-يىلى ${month}-ئاي`;
  return monthFormats[locale].format(new Date(Date.UTC(year, month - 1, 15)));
}

/** A number with the locale's grouping. */
const numberFormats = new Map<Locale, Intl.NumberFormat>();
export function formatNumber(value: number, locale: Locale): string {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(htmlLang[locale])));
  return f.format(value);
}

/**
 * A list joined as the language does: zh `甲、乙和丙`, en `a, b and c`, ug `a، b ۋە c`.
 * `Intl.ListFormat('ug')` falls back to English, so Uyghur is joined by hand.
 */
export function formatList(items: readonly string[], locale: Locale): string {
  if (locale === 'ug') {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join('، ')} ۋە ${items.at(-1)}`;
  }
  const tag = locale === 'en' ? 'en-GB' : htmlLang[locale];
  return new Intl.ListFormat(tag, { type: 'conjunction', style: 'long' }).format(items);
}

/** A file size in KB or MB, for attachment links. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const tag = htmlLang[locale];
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
  return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}
