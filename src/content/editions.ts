import { z } from 'astro/zod';
import { normalizeUyghur } from '../lib/uyghur-normalize.ts';

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

/** A Uyghur edition: the given shape, with its text normalised. */
export function uyghur<T extends z.ZodType>(schema: T) {
  return z.preprocess(normalizeStrings, schema);
}

/** A text in each language; Chinese required. Used for short labels stored beside facts. */
export const localizedText = z.object({
  zh: z.string().min(1),
  ug: uyghur(z.string().min(1)).optional(),
  en: z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof localizedText>;

/** The per-language part of an article-like item (news, notice, page). */
export const articleEdition = z.object({
  title: z.string().min(1),
  summary: z.string().min(1).optional(),
  keywords: z.array(z.string().min(1)).default([]),
  imageAlt: z.string().min(1).optional(),
});
export type ArticleEdition = z.infer<typeof articleEdition>;

/** `zh` required, `ug`/`en` optional, each of the given edition shape. */
export function editions<T extends z.ZodType>(edition: T) {
  return z.object({ zh: edition, ug: uyghur(edition).optional(), en: edition.optional() });
}

/** A downloadable file kept in the item's `files/` folder. */
export const attachment = z.object({
  file: z.string().regex(/^files\/[a-z0-9][a-z0-9._-]*\.(pdf|docx|xlsx|doc|xls|zip|ofd)$/, 'must be files/<lower-case-name>.<pdf|docx|xlsx|doc|xls|zip|ofd>'),
  title: localizedText,
});

/** Publish times are Beijing time with an explicit offset, e.g. 2024-05-09T10:30:00+08:00. */
export const publishTime = z.coerce.date();
