import { isLocale, type Locale } from './locales.ts';

/**
 * URLs: every page lives under its locale with the same path after the prefix
 * (`/ug/news/x/` is the Uyghur edition of `/zh/news/x/`). Paths here are locale-less and
 * start and end with `/`.
 */
export function localeHref(locale: Locale, path: string): string {
  return `/${locale}${path}`;
}

/** Splits `/ug/news/x/` into its locale and locale-less path; undefined locale if none. */
export function splitLocale(pathname: string): { locale: Locale | undefined; path: string } {
  const [, first, ...rest] = pathname.split('/');
  if (isLocale(first)) return { locale: first, path: `/${rest.join('/')}` };
  return { locale: undefined, path: pathname };
}
