/**
 * Latin Uyghur (ULY) ↔ Arabic-script Uyghur (UEY), per the table in STANDARDS.md §7. Many readers
 * type ULY on phones and abroad (`uyghur`, `hökümet`); the ug search transliterates such queries.
 * No maintained npm package does this.
 */
import { normalizeUyghur } from './uyghur-normalize.ts';

const HAMZA = 'ئ';

const LATIN_TO_ARABIC: Readonly<Record<string, string>> = {
  a: 'ا', e: 'ە', b: 'ب', p: 'پ', t: 'ت', j: 'ج', ch: 'چ', x: 'خ', d: 'د', r: 'ر', z: 'ز',
  zh: 'ژ', s: 'س', sh: 'ش', gh: 'غ', f: 'ف', q: 'ق', k: 'ك', g: 'گ', ng: 'ڭ', l: 'ل', m: 'م',
  n: 'ن', h: 'ھ', o: 'و', u: 'ۇ', ö: 'ۆ', ü: 'ۈ', w: 'ۋ', é: 'ې', i: 'ى', y: 'ي',
};
const ARABIC_TO_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LATIN_TO_ARABIC).map(([latin, arabic]) => [arabic, latin]),
);
const DIGRAPHS = new Set(['ch', 'sh', 'gh', 'ng', 'zh']);
const VOWELS = new Set(['a', 'e', 'é', 'i', 'o', 'u', 'ö', 'ü']);
// Phones' "smart punctuation" turns ' into ’; ʼ is the modifier-letter apostrophe.
const APOSTROPHES = new Set(["'", '’', 'ʼ']);

/** Lower case, with ë (a common spelling of é) folded to é. */
const fold = (char: string) => {
  const lower = char.toLowerCase();
  return lower === 'ë' ? 'é' : lower;
};

/** The ULY letter (digraphs first, greedily) starting at `i`, if any. */
function letterAt(folded: readonly string[], i: number): string | undefined {
  const pair = (folded[i] ?? '') + (folded[i + 1] ?? '');
  if (DIGRAPHS.has(pair)) return pair;
  const single = folded[i];
  return single !== undefined && single in LATIN_TO_ARABIC ? single : undefined;
}

/**
 * Latin Uyghur to Arabic script. Case-insensitive; ch sh gh ng zh are one letter each unless an
 * apostrophe splits them (n'g, s'h, z'h, g'h). Uyghur writes no vowel without ئ at a syllable
 * start, so a vowel at a word's start, after another vowel or after an in-word apostrophe gets
 * ئ: `uyghur` ئۇيغۇر, `mes'ul` مەسئۇل, `maarip` and `ma'arip` مائارىپ. Anything else (digits,
 * punctuation, c and v, other scripts) passes through.
 */
export function latinToUyghur(text: string): string {
  const chars = [...text.normalize('NFC')];
  const folded = chars.map(fold);
  let out = '';
  // What came before, within the current word: nothing yet, a vowel, a consonant or an apostrophe.
  let previous: 'none' | 'vowel' | 'consonant' | 'apostrophe' = 'none';
  for (let i = 0; i < chars.length; ) {
    const letter = letterAt(folded, i);
    if (letter !== undefined) {
      const vowel = VOWELS.has(letter);
      if (vowel && previous !== 'consonant') out += HAMZA;
      out += LATIN_TO_ARABIC[letter];
      previous = vowel ? 'vowel' : 'consonant';
      i += letter.length;
      continue;
    }
    const char = chars[i] as string;
    const inWord = previous === 'vowel' || previous === 'consonant';
    if (APOSTROPHES.has(char) && inWord && letterAt(folded, i + 1) !== undefined) {
      // Before a vowel it is ئ (added with the vowel); before a consonant only a separator.
      previous = 'apostrophe';
    } else {
      out += char;
      previous = 'none';
    }
    i += 1;
  }
  return out;
}

/**
 * Arabic-script Uyghur to Latin Uyghur, in lower case. The text is normalised first, so
 * Persian-keyboard and presentation-form text converts too. Word-initial ئ is dropped, ئ inside a
 * word is an apostrophe (سائەت sa'et, مائارىپ ma'arip), and an apostrophe separates two letters
 * that would otherwise read as a digraph (ئىنگلىز in'gliz, مەزھەپ mez'hep). Other characters,
 * including Arabic punctuation, pass through.
 */
export function uyghurToLatin(text: string): string {
  let out = '';
  // The Latin of the previous character in this word; '' at a word's start.
  let previous = '';
  for (const char of normalizeUyghur(text)) {
    if (char === HAMZA) {
      if (previous) out += "'";
      previous = "'";
      continue;
    }
    const latin = ARABIC_TO_LATIN[char];
    if (latin === undefined) {
      out += char;
      previous = '';
      continue;
    }
    // n + g would read as ng (ڭ), s + h as sh, z + h as zh, g + h as gh.
    if (previous.length === 1 && DIGRAPHS.has(previous + latin.charAt(0))) out += "'";
    out += latin;
    previous = latin;
  }
  return out;
}

/**
 * True when a search query is probably typed in Latin Uyghur: it has Latin letters and no
 * Arabic-script or CJK characters, so transliterating it cannot destroy what was typed.
 */
export function looksLikeLatinUyghur(query: string): boolean {
  return (
    /\p{Script=Latin}/u.test(query) &&
    !/[\p{Script=Arabic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(query)
  );
}

// Without diacritics (a plain keyboard) o may mean ö, u ü and e é.
const DIACRITIC_OF: Readonly<Record<string, string>> = { o: 'ö', u: 'ü', e: 'é' };

/** Every choice of `k` items from `items`, in order. */
function* choose<T>(items: readonly T[], k: number, from = 0): Generator<T[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= items.length - k; i++) {
    for (const rest of choose(items, k - 1, i + 1)) yield [items[i] as T, ...rest];
  }
}

/**
 * Arabic-script candidates for a Latin Uyghur query typed without diacritics, to widen a search:
 * the plain transliteration first, then the vowel-harmony reading (every o → ö and u → ü, as in
 * hokumet → ھۆكۈمەت), then readings with one, two, … of the plain o, u, e given diacritics.
 * At most `limit` (8) candidates; none when the query does not look like Latin Uyghur.
 */
export function latinUyghurVariants(query: string, limit = 8): string[] {
  if (!looksLikeLatinUyghur(query)) return [];
  const chars = [...query.normalize('NFC').toLowerCase()];
  const open = chars.flatMap((char, i) => (char in DIACRITIC_OF ? [i] : []));
  const spell = (changed: readonly number[]) => {
    const spelled = [...chars];
    for (const i of changed) spelled[i] = DIACRITIC_OF[chars[i] as string] as string;
    return latinToUyghur(spelled.join(''));
  };
  const found = new Set([spell([]), spell(open.filter((i) => chars[i] !== 'e'))]);
  for (let k = 1; k <= open.length && found.size < limit; k++) {
    for (const changed of choose(open, k)) {
      found.add(spell(changed));
      if (found.size >= limit) break;
    }
  }
  return [...found].slice(0, limit);
}
