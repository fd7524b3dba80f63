/**
 * The translation report's rules (docs/editorial-workflow.md, "Translation report"): from what
 * each item has — which editions exist, and when the Chinese text and each translation last
 * changed — the coverage per collection and language, the missing editions, and the stale
 * ones. Chinese is the master edition: a translation is stale when the Chinese text changed
 * after the translation last did. Pure: the times come from the caller (Git, in the server).
 */
export const TRANSLATED_LANGS = ['ug', 'en'] as const;
export type TranslatedLang = (typeof TRANSLATED_LANGS)[number];
export type EditionLang = 'zh' | TranslatedLang;

/** One item as the report sees it. */
export interface ItemEditions {
  collection: string;
  id: string;
  /** The department the item belongs to, if any (a handler sees only their own). */
  department: string | null;
  /** Which editions exist. Chinese is expected; an item without it is still counted. */
  present: Partial<Record<EditionLang, boolean>>;
  /** When each edition's text last changed; absent when unknown (no history, uncommitted). */
  changed: Partial<Record<EditionLang, Date>>;
}

export interface Coverage {
  collection: string;
  lang: EditionLang;
  items: number;
  present: number;
  /** present / items, 0–1; 1 for an empty collection (nothing is missing). */
  share: number;
}

export interface MissingEdition { collection: string; id: string; department: string | null; lang: TranslatedLang }

export interface StaleEdition extends MissingEdition {
  chineseChanged: Date;
  translationChanged: Date;
}

export interface TranslationStatus {
  coverage: Coverage[];
  missing: MissingEdition[];
  stale: StaleEdition[];
}

const LANGS: readonly EditionLang[] = ['zh', ...TRANSLATED_LANGS];

/** Whether a translation is older than the Chinese text; false when either time is unknown. */
export function isStale(chinese: Date | undefined, translation: Date | undefined): boolean {
  return !!chinese && !!translation && chinese.getTime() > translation.getTime();
}

/** Coverage, missing and stale editions, in collection then id order. */
export function translationStatus(items: readonly ItemEditions[]): TranslationStatus {
  const sorted = [...items].sort((a, b) => a.collection.localeCompare(b.collection) || a.id.localeCompare(b.id));
  const collections = [...new Set(sorted.map((i) => i.collection))];
  const coverage = collections.flatMap((collection) => {
    const inIt = sorted.filter((i) => i.collection === collection);
    return LANGS.map((lang) => {
      const present = inIt.filter((i) => i.present[lang]).length;
      return { collection, lang, items: inIt.length, present, share: inIt.length ? present / inIt.length : 1 };
    });
  });
  const missing: MissingEdition[] = [];
  const stale: StaleEdition[] = [];
  for (const item of sorted) {
    const where = { collection: item.collection, id: item.id, department: item.department };
    for (const lang of TRANSLATED_LANGS) {
      if (!item.present[lang]) missing.push({ ...where, lang });
      else if (isStale(item.changed.zh, item.changed[lang])) {
        stale.push({ ...where, lang, chineseChanged: item.changed.zh!, translationChanged: item.changed[lang]! });
      }
    }
  }
  return { coverage, missing, stale };
}

/** Only the items a department's handler looks after; everything for null (the other roles). */
export function forDepartment(items: readonly ItemEditions[], department: string | null): ItemEditions[] {
  return department === null ? [...items] : items.filter((i) => i.department !== null && i.department === department);
}

/** Collections whose items have a page of their own at /<locale>/<collection>/<id>/. */
const OWN_PAGES = new Set(['news', 'notices', 'policies', 'interpretations', 'services', 'departments', 'reports']);

/** The public page showing an item's edition in `locale`, or null where there is none (the site settings). */
export function publicPath(collection: string, id: string, locale: EditionLang = 'zh'): string | null {
  if (collection === 'pages') return id === 'disclosure-guide' ? `/${locale}/disclosure/guide/` : `/${locale}/${id}/`;
  if (collection === 'leaders') return `/${locale}/leaders/`;
  return OWN_PAGES.has(collection) ? `/${locale}/${collection}/${id}/` : null;
}
