import { defaultLocale, locales, type Locale } from '../i18n/locales.ts';

/** Anything that keeps one text per language, Chinese always present. */
export type Multilingual<E> = { zh: E; ug?: E | undefined; en?: E | undefined };

export interface ChosenEdition<E> {
  /** The text to show. */
  edition: E;
  /** The language that text is written in (the reader's, or Chinese when falling back). */
  lang: Locale;
  /** True when the reader's language has no edition and the Chinese text is shown instead. */
  fallback: boolean;
}

/** Picks the reader's edition, falling back to the Chinese master edition when it is missing. */
export function chooseEdition<E>(item: Multilingual<E>, locale: Locale): ChosenEdition<E> {
  const own = item[locale];
  if (own !== undefined) return { edition: own, lang: locale, fallback: false };
  return { edition: item.zh, lang: defaultLocale, fallback: true };
}

/** The languages an item has been written in, in the portal's locale order. */
export function editionLocales(item: Multilingual<unknown>): Locale[] {
  return locales.filter((l) => item[l] !== undefined);
}
