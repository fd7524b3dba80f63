import { normalizeUyghur } from './uyghur-normalize.ts';
import { latinUyghurVariants, looksLikeLatinUyghur } from './uyghur-latin.ts';

/**
 * Turns what a reader typed into the queries to run against the index, most likely first:
 * Uyghur is normalised the way content is at build time (presentation forms, keyboard
 * variants, digits); a query typed in Latin Uyghur becomes Arabic script (with diacritic
 * variants when it was typed without them); Chinese in traditional characters becomes
 * simplified (the converter is passed in, so this stays a pure function).
 */
export interface QueryOptions {
  locale: 'zh' | 'ug' | 'en';
  toSimplified: (text: string) => string;
}

/** The longest query accepted, in characters: longer input is cut, never an error. */
export const MAX_QUERY = 100;

export function queryCandidates(raw: string, { locale, toSimplified }: QueryOptions): string[] {
  const q = raw.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
  if (!q) return [];
  const out: string[] = [];
  const add = (s: string) => {
    const v = s.trim();
    if (v && !out.includes(v)) out.push(v);
  };
  const simplified = toSimplified(normalizeUyghur(q));
  // Latin words with digits are codes (index numbers, 12345), not Latin Uyghur.
  if (locale === 'ug' && looksLikeLatinUyghur(q) && !/\d/.test(q)) {
    for (const v of latinUyghurVariants(q)) add(v);
  }
  add(simplified);
  return out;
}

/**
 * A Chinese document number (文号) written any common way — 〔〕, [], (), （）, ［］, with or
 * without 号 and spaces — in the one form the index keeps: `天政办发〔2025〕6号`. Undefined
 * when the query is not a whole document number.
 */
export function canonicalDocumentNumber(query: string): string | undefined {
  const m = /^\s*([\p{Script=Han}]{2,12})\s*[〔\[（(［【]\s*(\d{4})\s*[〕\]）)］】]\s*(\d{1,4})\s*号?\s*$/u.exec(query);
  if (m) return `${m[1]}〔${m[2]}〕${Number(m[3])}号`;
  // Orders and announcements are numbered 第N号, some with a year: 天山自治区人民政府令第9号,
  // 天山自治区人民政府公告2026年第2号.
  const serial = /^\s*([\p{Script=Han}]{2,24}?)\s*(?:(\d{4})\s*年)?\s*第\s*(\d{1,4})\s*号\s*$/u.exec(query);
  return serial ? `${serial[1]}${serial[2] ? `${serial[2]}年` : ''}第${Number(serial[3])}号` : undefined;
}

/** An index number (索引号) typed whole, upper-cased as the catalogue writes it. */
export function canonicalIndexNumber(query: string): string | undefined {
  const m = /^\s*([0-9A-Za-z]{9,18})\s*\/\s*(\d{4})-(\d{3,8})\s*$/.exec(query);
  return m ? `${m[1]!.toUpperCase()}/${m[2]}-${m[3]}` : undefined;
}
