/**
 * The portal's languages. Chinese is the master edition: every item has it, and a
 * missing Uyghur or English edition falls back to it.
 */
export const locales = ['zh', 'ug', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh';

/** BCP 47 tags for `<html lang>`; one tag per language so Pagefind builds one index each. */
export const htmlLang: Record<Locale, string> = { zh: 'zh-CN', ug: 'ug', en: 'en' };

/** Each language's name in itself, for the language switcher. */
export const autonyms: Record<Locale, string> = { zh: '中文', ug: 'ئۇيغۇرچە', en: 'English' };

/** Open Graph locale codes. */
export const ogLocale: Record<Locale, string> = { zh: 'zh_CN', ug: 'ug_CN', en: 'en_US' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

// Scripts written right to left. Used when the runtime's Intl has no text info for a tag
// (Node and some browsers lack Intl.Locale#getTextInfo); `ug` must be here.
const knownRtl = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'ha', 'he', 'khw', 'ks', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** Writing direction of a language tag, derived from Intl where it can say, else from the list above. */
const directions = new Map<string, 'ltr' | 'rtl'>();
export function textDirection(tag: string): 'ltr' | 'rtl' {
  let d = directions.get(tag);
  if (!d) directions.set(tag, (d = textDirectionOf(tag)));
  return d;
}
function textDirectionOf(tag: string): 'ltr' | 'rtl' {
  try {
    const loc = new Intl.Locale(tag) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
      textInfo?: { direction?: string };
    };
    const info = loc.getTextInfo?.() ?? loc.textInfo;
    if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
    return knownRtl.has(loc.language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
