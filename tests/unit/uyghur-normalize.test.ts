import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasNonStandardUyghur, normalizeUyghur } from '../../src/lib/uyghur-normalize.ts';

const RUNS = { numRuns: 1_000 };

const UYGHUR_LETTERS = [...'ئاەبپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىي'];
const PERSIAN_VARIANTS = ['\u06A9', '\u06CC', '\u0647']; // ک ی ه
const ARABIC_INDIC_DIGITS = [...'٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹'];
const TATWEEL = '\u0640';

const charsIn = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
// Presentation forms whose compatibility form is one character (ligatures expand, see below).
const PRESENTATION_FORMS = [...charsIn(0xfb50, 0xfdff), ...charsIn(0xfe70, 0xfefc)].filter(
  (c) => c.normalize('NFKC') !== c && c.normalize('NFKC').length === 1,
);
const PRESENTATION_LIGATURES = [...charsIn(0xfb50, 0xfdff), ...charsIn(0xfe70, 0xfefc)].filter(
  (c) => c.normalize('NFKC').length > 1,
);
const isPresentationFormOfLetter = (c: string) =>
  /[\uFB50-\uFDFF\uFE70-\uFEFC]/.test(c) && c.normalize('NFKC') !== c;

// Mixed text as the portal meets it: Uyghur and its variants, presentation forms, tatweel,
// hamza and vowel marks, digits of three kinds, Latin, Chinese, spaces and punctuation.
const messyChar = fc.oneof(
  fc.constantFrom(...UYGHUR_LETTERS),
  fc.constantFrom(...PERSIAN_VARIANTS, TATWEEL, '\u0654', '\u064E', '\u200C'),
  fc.constantFrom(...ARABIC_INDIC_DIGITS),
  fc.constantFrom(...PRESENTATION_FORMS),
  fc.constantFrom(...'0123456789 -،؟.,«»（），'),
  fc.constantFrom(...'abcxyzÉöü新疆政府办发〔〕号'),
);
const messyText = fc.string({ unit: messyChar, maxLength: 40 });

describe('presentation forms from old software', () => {
  it.each([
    ['ھۆكۈمەت in contextual forms', '\uFEEB\uFBDA\uFEDB\uFBDC\uFEE3\uFEEA\uFE95', 'ھۆكۈمەت'],
    ['ئۇيغۇر in contextual forms', '\uFE8B\uFBD8\uFEF3\uFED0\uFBD8\uFEAD', 'ئۇيغۇر'],
    ['ېلان with the Uyghur e and i forms', '\uFBE6\uFEE0\uFE8E\uFEE5', 'ېلان'],
    ['ى in its initial and final forms (Uyghur i joins)', '\uFBE8\uFEE8\uFBE9\uFEF0', 'ىنىى'],
  ])('turns %s into letters', (_, text, expected) => {
    expect(normalizeUyghur(text)).toBe(expected);
  });

  it('reads isolated and final heh as ە and initial and medial heh as ھ, not Arabic ه', () => {
    expect(normalizeUyghur('\uFEE9 \uFEEA \uFEEB \uFEEC')).toBe('ە ە ھ ھ');
  });

  it('expands a lam-alef ligature into its two letters (the one way text grows)', () => {
    expect(normalizeUyghur('\uFEEB\uFEFC')).toBe('ھلا');
    expect(PRESENTATION_LIGATURES).toContain('\uFEFB');
  });
});

describe('Persian-keyboard letters', () => {
  it.each([
    ['ک', 'کىتاب', 'كىتاب'],
    ['ک', 'ھۆکۈمەت', 'ھۆكۈمەت'],
    ['ک', 'مەکتەپ', 'مەكتەپ'],
    ['ی at the start', 'یاردەم', 'ياردەم'],
    ['ی in the middle', 'ئۇیغۇر', 'ئۇيغۇر'],
    ['ی at the end', 'يېڭی', 'يېڭى'],
    ['ی before a hamza mark and a letter', 'ئۇ\u06CC\u0654ۇ', 'ئۇئۇ'],
    ['ی alone', 'ی', 'ى'],
    ['ه at the start', 'هۆكۈمەت', 'ھۆكۈمەت'],
    ['ه in the middle', 'رەهبەر', 'رەھبەر'],
    ['ه at the end', 'ۋەزىپه', 'ۋەزىپە'],
    ['ه alone, and before punctuation', 'ه، پۇله.', 'ە، پۇلە.'],
    ['ه before a zero-width non-joiner', 'ه\u200Cلەر', 'ە\u200Cلەر'],
    ['all three in one phrase', 'ھۆکۈمەت ۋە مەکتەپ، ئۇیغۇر تىلی', 'ھۆكۈمەت ۋە مەكتەپ، ئۇيغۇر تىلى'],
  ])('maps %s: %s', (_, text, expected) => {
    expect(normalizeUyghur(text)).toBe(expected);
  });
});

describe('digits and tatweel', () => {
  it.each([
    ['Arabic-Indic digits', '١٢٣', '123'],
    ['extended (Persian) digits', '۴۵۶', '456'],
    ['all twenty digits', ARABIC_INDIC_DIGITS.join(''), '01234567890123456789'],
    ['a date in Arabic-Indic digits', '٢٠٢٤-يىلى ٥-ئاينىڭ ٩-كۈنى', '2024-يىلى 5-ئاينىڭ 9-كۈنى'],
    ['tatweel as a hyphen after a digit', '2024ـيىلى', '2024-يىلى'],
    ['tatweel as a hyphen after Arabic-Indic digits', '٢٠٢٤ـيىلى', '2024-يىلى'],
    ['tatweel at the end of a word', 'ئۇيغۇرـ تىلى', 'ئۇيغۇر- تىلى'],
    ['tatweel at the start of a suffix', 'ـلار', '-لار'],
    ['tatweel as elongation', 'ئۇيغـــۇر', 'ئۇيغۇر'],
    ['tatweel after a letter with a mark', 'بَـت', 'بَت'],
    ['tatweel joining a Persian ه to the next letter', 'هـۆكۈمەت', 'ھۆكۈمەت'],
  ])('normalises %s', (_, text, expected) => {
    expect(normalizeUyghur(text)).toBe(expected);
  });
});

describe('letters that must never fold', () => {
  it.each([
    ['ى and ي', ['بىر', 'بير', 'ئىزدەش', 'ياز', 'يىلى']],
    ['ە and ا', ['بەت', 'بات', 'سەن', 'سان']],
    ['و ۇ ۆ ۈ', ['تور', 'تۇر', 'تۆر', 'تۈر']],
    ['ك گ ڭ', ['كەل', 'گەل', 'تەڭ', 'تەك', 'تەگ']],
    ['ې and ە', ['بېرىش', 'بەرىش']],
  ])('keeps %s apart', (_, words) => {
    expect(words.map(normalizeUyghur)).toEqual(words);
    expect(words.filter(hasNonStandardUyghur)).toEqual([]);
  });
});

describe('other scripts', () => {
  it('leaves Latin, Chinese, digits and punctuation as they are', () => {
    const text = '新政办发〔2024〕12号（试行）… ＡＢＣ a\u00A0b, hökümet! 0991-2391234';
    expect(normalizeUyghur(text)).toBe(text);
    expect(hasNonStandardUyghur(text)).toBe(false);
  });

  it('reports text that needs normalising', () => {
    expect(hasNonStandardUyghur('ھۆکۈمەت')).toBe(true);
    expect(hasNonStandardUyghur('ھۆكۈمەت')).toBe(false);
  });
});

describe('properties', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(messyText, (text) => {
        const once = normalizeUyghur(text);
        expect(normalizeUyghur(once)).toBe(once);
        expect(hasNonStandardUyghur(once)).toBe(false);
      }),
      RUNS,
    );
  });

  it('leaves no variant letters, tatweel, Arabic-Indic digits or presentation forms', () => {
    fc.assert(
      fc.property(messyText, (text) => {
        const chars = [...normalizeUyghur(text)];
        expect(chars.filter((c) => [...PERSIAN_VARIANTS, TATWEEL, ...ARABIC_INDIC_DIGITS].includes(c))).toEqual([]);
        expect(chars.filter(isPresentationFormOfLetter)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('leaves standard Uyghur letters, spaces and ASCII digits unchanged', () => {
    const standard = fc.string({ unit: fc.constantFrom(...UYGHUR_LETTERS, ' ', ...'0123456789'), maxLength: 40 });
    fc.assert(
      fc.property(standard, (text) => {
        expect(normalizeUyghur(text)).toBe(text);
      }),
      RUNS,
    );
  });

  it('never makes text longer (without ligatures)', () => {
    fc.assert(
      fc.property(messyText, (text) => {
        expect(normalizeUyghur(text).length).toBeLessThanOrEqual(text.length);
      }),
      RUNS,
    );
  });
});
