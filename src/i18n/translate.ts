import i18next, { type TOptions } from 'i18next';
import en from './dictionaries/en.json' with { type: 'json' };
import ug from './dictionaries/ug.json' with { type: 'json' };
import zh from './dictionaries/zh.json' with { type: 'json' };
import { defaultLocale, locales, type Locale } from './locales.ts';

/** The UI dictionaries: one flat object per locale with dotted keys (`nav.home`). */
export const dictionaries: Record<Locale, Record<string, string>> = { zh, ug, en };
export type UiKey = keyof typeof zh;

const i18n = i18next.createInstance();
i18n.init({
  resources: Object.fromEntries(locales.map((l) => [l, { translation: dictionaries[l] }])),
  lng: defaultLocale,
  fallbackLng: false,
  keySeparator: false,
  nsSeparator: false,
  // Astro escapes on output; escaping here too would show entities to readers.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

export type Translate = (key: UiKey, vars?: TOptions) => string;

/**
 * The translation function for a locale. A key missing from the dictionary is a build
 * error, not a silently shown key: the parity test keeps all three dictionaries complete.
 */
export function useTranslations(locale: Locale): Translate {
  const fixed = i18n.getFixedT(locale) as unknown as (key: string, vars?: TOptions) => string;
  return (key, vars) => {
    if (!(key in dictionaries[locale])) throw new Error(`UI string "${key}" is missing from the ${locale} dictionary`);
    return fixed(key, vars);
  };
}
