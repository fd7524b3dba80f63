import { z } from 'astro/zod';
import { normalizeUyghur } from '../../lib/uyghur-normalize.ts';
import { hint } from './helpers.ts';

/**
 * Schemas shared by every multilingual collection. An item keeps its shared facts once
 * (dates, department, image…) and one block of text per language under `zh`, `ug`, `en`.
 * Chinese is required; the other editions may be missing and then fall back to Chinese.
 */

/**
 * Uyghur text is stored as editors typed it and normalised when the site is built
 * (presentation forms, Persian-keyboard letters, Arabic-Indic digits; STANDARDS.md §7), so
 * pages and the search index hold one spelling of every word. Applied to every string of a
 * Uyghur edition.
 */
function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return normalizeUyghur(value);
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeStrings(v)]));
  }
  return value;
}

/** A Uyghur edition: the given shape, with its text normalised; the CMS edits it right to left. */
export function uyghur<T extends z.ZodType>(schema: T) {
  return hint(z.preprocess(normalizeStrings, schema), { lang: 'ug' });
}

/** A text in each language; Chinese required. Used for short labels stored beside facts. */
export const localizedText = z.object({
  zh: hint(z.string().min(1), { label: '中文' }),
  ug: hint(uyghur(z.string().min(1)).optional(), { label: 'ئۇيغۇرچە（维吾尔文）' }),
  en: hint(z.string().min(1).optional(), { label: 'English（英文）' }),
});
export type LocalizedText = z.infer<typeof localizedText>;

/** The per-language part of an article-like item (news, notice, page). */
export const articleEdition = z.object({
  title: hint(z.string().min(1), { label: '标题' }),
  summary: hint(z.string().min(1).optional(), { label: '摘要', multiline: true }),
  keywords: hint(z.array(z.string().min(1)).default([]), { label: '关键词' }),
  imageAlt: hint(z.string().min(1).optional(), { label: '图片说明（替代文字）' }),
});
export type ArticleEdition = z.infer<typeof articleEdition>;

/** `zh` required, `ug`/`en` optional, each of the given edition shape. */
export function editions<T extends z.ZodType>(edition: T) {
  return z.object({
    zh: hint(edition, { label: '中文版', lang: 'zh' }),
    ug: hint(uyghur(edition).optional(), { label: 'ئۇيغۇرچە（维吾尔文版）' }),
    en: hint(edition.optional(), { label: 'English（英文版）', lang: 'en' }),
  });
}

/** A downloadable file kept in the item's `files/` folder. */
export const attachment = z.object({
  file: hint(
    z.string().regex(/^files\/[a-z0-9][a-z0-9._-]*\.(pdf|docx|xlsx|doc|xls|zip|ofd)$/, 'must be files/<lower-case-name>.<pdf|docx|xlsx|doc|xls|zip|ofd>'),
    { label: '文件', kind: 'attachment' },
  ),
  title: hint(localizedText, { label: '附件标题' }),
});

/** Publish times are Beijing time with an explicit offset, e.g. 2024-05-09T10:30:00+08:00. */
export const publishTime = hint(z.coerce.date(), { kind: 'beijingDateTime', label: '发布时间' });
