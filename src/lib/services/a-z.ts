/**
 * The A–Z index of the services hall, in each language's own order: Chinese titles by the
 * pinyin initial of their first character (as Chinese portals list services), Uyghur titles by
 * the letters of the Uyghur alphabet, English titles by A–Z.
 */
import type { Locale } from '../../i18n/locales.ts';

/** The group of titles that start with neither a letter of the language nor a Han character. */
export const OTHER = '#';

// The first character (in pinyin collation) of each initial; no Mandarin syllable starts with I, U or V.
const PINYIN_INITIALS = 'ABCDEFGHJKLMNOPQRSTWXYZ';
const PINYIN_FIRSTS = '阿丷嚓咑妸发旮哈丌咔垃呣拏喔妑七呥仨他屲夕丫帀';
const pinyinOrder = new Intl.Collator('zh-CN-u-co-pinyin');

/** The pinyin initial of a Han character, found by where it sorts among the initials' first characters. */
export function pinyinInitial(han: string): string {
  // Characters before 阿 in pinyin order (吖, 啊) are read a… too.
  let initial = 'A';
  [...PINYIN_FIRSTS].forEach((first, i) => {
    if (pinyinOrder.compare(han, first) >= 0) initial = PINYIN_INITIALS[i]!;
  });
  return initial;
}

/** The Uyghur alphabet in its order; a word that starts with a vowel is written with ئ before it. */
export const UYGHUR_LETTERS = [
  'ئا', 'ئە', 'ب', 'پ', 'ت', 'ج', 'چ', 'خ', 'د', 'ر', 'ز', 'ژ', 'س', 'ش', 'غ', 'ف', 'ق', 'ك', 'گ', 'ڭ', 'ل', 'م', 'ن', 'ھ',
  'ئو', 'ئۇ', 'ئۆ', 'ئۈ', 'ۋ', 'ئې', 'ئى', 'ي',
] as const;

const LATIN = /^[A-Za-z]$/;
const HAN = /^\p{Script=Han}$/u;

/** The index letter of a title written in `lang`. */
export function initialOf(title: string, lang: Locale): string {
  const chars = [...title.replace(/^[\s«»“”"'‘’《〈（(【\[]+/u, '')];
  const first = chars[0] ?? '';
  if (lang === 'ug') {
    const two = first === 'ئ' ? `ئ${chars[1] ?? ''}` : first;
    if ((UYGHUR_LETTERS as readonly string[]).includes(two)) return two;
  }
  if (lang === 'zh' && HAN.test(first)) return pinyinInitial(first);
  if (LATIN.test(first)) return first.toUpperCase();
  return OTHER;
}

/** Where an index letter sits in the language's order; the `#` group comes last. */
function letterRank(letter: string, lang: Locale): number {
  if (letter === OTHER) return Number.MAX_SAFE_INTEGER;
  const uyghur = (UYGHUR_LETTERS as readonly string[]).indexOf(letter);
  if (lang === 'ug' && uyghur >= 0) return uyghur;
  // Latin letters after the Uyghur ones on a Uyghur page (a Chinese fallback title, say).
  return 100 + letter.charCodeAt(0);
}

const collators = new Map<string, Intl.Collator>();
const collator = (lang: Locale) => {
  const tag = lang === 'zh' ? 'zh-CN-u-co-pinyin' : lang;
  let c = collators.get(tag);
  if (!c) collators.set(tag, (c = new Intl.Collator(tag)));
  return c;
};

export interface IndexGroup<T> { letter: string; items: T[] }

/**
 * Groups items by the initial of their title, letters in the language's order and titles
 * sorted within each letter. `titleOf` gives the title shown and the language it is written
 * in (a Chinese fallback title on a Uyghur page is indexed by its pinyin).
 */
export function alphabeticalIndex<T>(items: readonly T[], titleOf: (item: T) => { title: string; lang: Locale }, pageLang: Locale): IndexGroup<T>[] {
  const groups = new Map<string, { item: T; title: string; lang: Locale }[]>();
  for (const item of items) {
    const { title, lang } = titleOf(item);
    const letter = initialOf(title, lang);
    groups.set(letter, [...(groups.get(letter) ?? []), { item, title, lang }]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => letterRank(a, pageLang) - letterRank(b, pageLang))
    .map(([letter, entries]) => ({
      letter,
      items: entries.sort((a, b) => collator(a.lang).compare(a.title, b.title)).map((e) => e.item),
    }));
}
