import i18next, { type TOptions } from 'i18next';
import adminEn from './dictionaries/admin/en.json' with { type: 'json' };
import adminUg from './dictionaries/admin/ug.json' with { type: 'json' };
import adminZh from './dictionaries/admin/zh.json' with { type: 'json' };
import portalEn from './dictionaries/portal/en.json' with { type: 'json' };
import portalUg from './dictionaries/portal/ug.json' with { type: 'json' };
import portalZh from './dictionaries/portal/zh.json' with { type: 'json' };
import servicesEn from './dictionaries/services/en.json' with { type: 'json' };
import servicesUg from './dictionaries/services/ug.json' with { type: 'json' };
import servicesZh from './dictionaries/services/zh.json' with { type: 'json' };
import { defaultLocale, locales, type Locale } from './locales.ts';

/**
 * The UI strings, kept in one file per area and locale (`portal` for what citizens read,
 * `admin` for the staff back office, `services` for the services hall) so that each area's
 * translators work in a file of manageable size. Keys are dotted and unique across areas.
 */
const areas = {
  zh: [portalZh, adminZh, servicesZh],
  ug: [portalUg, adminUg, servicesUg],
  en: [portalEn, adminEn, servicesEn],
} satisfies Record<Locale, Record<string, string>[]>;

function merge(parts: Record<string, string>[], locale: string): Record<string, string> {
  const all: Record<string, string> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key in all) throw new Error(`UI string "${key}" is defined twice in the ${locale} dictionaries`);
      all[key] = value;
    }
  }
  return all;
}

/** The UI dictionaries: one flat object per locale with dotted keys (`nav.home`). */
export const dictionaries: Record<Locale, Record<string, string>> = {
  zh: merge(areas.zh, 'zh'),
  ug: merge(areas.ug, 'ug'),
  en: merge(areas.en, 'en'),
};
export type UiKey = keyof typeof portalZh | keyof typeof adminZh | keyof typeof servicesZh;

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
