import { z } from 'astro/zod';

/**
 * Schemas shared by every multilingual collection. An item keeps its shared facts once
 * (dates, department, image…) and one block of text per language under `zh`, `ug`, `en`.
 * Chinese is required; the other editions may be missing and then fall back to Chinese.
 */

/** A text in each language; Chinese required. Used for short labels stored beside facts. */
export const localizedText = z.object({
  zh: z.string().min(1),
  ug: z.string().min(1).optional(),
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
  return z.object({ zh: edition, ug: edition.optional(), en: edition.optional() });
}

/** A downloadable file kept in the item's `files/` folder. */
export const attachment = z.object({
  file: z.string().regex(/^files\/[a-z0-9][a-z0-9._-]*\.(pdf|docx|xlsx|doc|xls|zip|ofd)$/, 'must be files/<lower-case-name>.<pdf|docx|xlsx|doc|xls|zip|ofd>'),
  title: localizedText,
});

/** Publish times are Beijing time with an explicit offset, e.g. 2024-05-09T10:30:00+08:00. */
export const publishTime = z.coerce.date();
