import { locales } from './locales.ts';

/** getStaticPaths for a page that exists once per locale. */
export function localeStaticPaths() {
  return locales.map((locale) => ({ params: { locale }, props: { locale } }));
}
