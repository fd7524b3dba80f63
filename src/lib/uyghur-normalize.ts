/**
 * Normalising Uyghur text (UEY, Arabic script) as STANDARDS.md §7 asks: content at build time
 * and every query before search, so that text from old software and Persian keyboards matches
 * text typed correctly. Generic Arabic normalisers fold letters that Uyghur keeps apart
 * (ى/ي, ە/ا, و/ۇ/ۆ/ۈ, ك/گ/ڭ); this one only ever maps a variant to the one letter it stands for.
 */

// Arabic-script letters that a preceding letter joins to: U+0620–U+064A, U+066E–U+06D3, U+06D5,
// U+06EE–U+06FF, without tatweel (U+0640, a letter in Unicode's eyes), the superscript alef
// mark (U+0670), the extended digits (U+06F0–U+06F9) and the Sindhi signs (U+06FD, U+06FE).
const LETTER = /[\u0620-\u063F\u0641-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF]/;
const MARK = /\p{M}/u;
const TATWEEL = '\u0640';

// NFKC is applied to Arabic-script runs only. On the whole text it would also rewrite Chinese
// and Latin (fullwidth ，（）： → ASCII, … → ..., no-break space → space), which the portal's
// mixed-language content must keep. Within a run it turns presentation forms into letters and
// composes a letter with a following hamza mark (ي + U+0654 → ئ).
const ARABIC_RUN = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFE]+/g;
const nfkcArabic = (text: string) => text.replace(ARABIC_RUN, (run) => run.normalize('NFKC'));

const isLetter = (char: string | undefined) => char !== undefined && LETTER.test(char);
const isSkipped = (char: string | undefined) =>
  char !== undefined && (char === TATWEEL || MARK.test(char));

/** The first character after `from` that is neither a combining mark nor a tatweel. */
function nextBase(text: string, from: number): string | undefined {
  let i = from;
  while (isSkipped(text[i])) i++;
  return text[i];
}

/** The last character before `from` that is neither a combining mark nor a tatweel. */
function previousBase(text: string, from: number): string | undefined {
  let i = from - 1;
  while (isSkipped(text[i])) i--;
  return text[i];
}

/** True when the character at `at` would join a following letter (marks in between do not break it). */
const joinsNext = (text: string, at: number) => isLetter(nextBase(text, at + 1));

// Tatweel between two letters only stretches the joining line; anywhere else (next to a digit,
// at a word's edge) writers use it as a hyphen: `2024ـيىلى` is `2024-يىلى`.
const resolveTatweel = (text: string) =>
  text.replace(/\u0640+/g, (run, offset: number) =>
    isLetter(previousBase(text, offset)) && isLetter(nextBase(text, offset + run.length)) ? '' : '-',
  );

// Persian keyboards type ک for ك, and one ی and one ه where Uyghur has two letters each, told
// apart by position: joined to a following letter ي / ھ, final or alone ى / ە.
const KEYBOARD_VARIANTS = /[\u06A9\u06CC\u0647\u0660-\u0669\u06F0-\u06F9]/g;
function replaceKeyboardVariant(char: string, offset: number, text: string): string {
  switch (char) {
    case '\u06A9':
      return 'ك';
    case '\u06CC':
      return joinsNext(text, offset) ? 'ي' : 'ى';
    case '\u0647':
      return joinsNext(text, offset) ? 'ھ' : 'ە';
    default: {
      // Arabic-Indic U+0660… and extended (Persian) U+06F0… digits.
      const code = char.charCodeAt(0);
      return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
    }
  }
}

/**
 * Normalises Uyghur text: presentation forms become letters (U+FEE9/FEEA → ە and U+FEEB/FEEC →
 * ھ first, then NFKC), Persian-keyboard ک ی ه become ك ي/ى ھ/ە by position, Arabic-Indic digits
 * become 0–9, and tatweel is dropped inside a word or becomes a hyphen elsewhere. Latin, Chinese,
 * other digits and punctuation are left as they are. Idempotent. The result is never longer than
 * the input, except where NFKC expands a ligature (ﻻ → لا).
 */
export function normalizeUyghur(text: string): string {
  // NFKC would make all four heh forms ه; old Uyghur software used them for ە (isolated,
  // final) and ھ (initial, medial), and that is known only before NFKC erases the form.
  const hehForms = text.replace(/[\uFEE9\uFEEA]/g, 'ە').replace(/[\uFEEB\uFEEC]/g, 'ھ');
  const letters = nfkcArabic(hehForms);
  // Tatweel first: a letter that an elongation joined to the next letter must count as joined.
  const variants = resolveTatweel(letters).replace(KEYBOARD_VARIANTS, replaceKeyboardVariant);
  // Compose once more: dropping a tatweel can bring a letter and a hamza mark together.
  return nfkcArabic(variants);
}

/** True when `normalizeUyghur` would change the text (for content checks). */
export function hasNonStandardUyghur(text: string): boolean {
  return normalizeUyghur(text) !== text;
}
