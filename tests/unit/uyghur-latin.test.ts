import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  latinToUyghur,
  latinUyghurVariants,
  looksLikeLatinUyghur,
  uyghurToLatin,
} from '../../src/lib/uyghur-latin.ts';

const RUNS = { numRuns: 1_000 };

// Real words and phrases, as UEY and as ULY writes them. ULY writes ئ inside a word as an
// apostrophe, also between two vowels (ma'arip); latinToUyghur accepts it left out (maarip).
const WORDS: [string, string][] = [
  ['ھۆكۈمەت', 'hökümet'],
  ['ئۇيغۇر', 'uyghur'],
  ['شىنجاڭ', 'shinjang'],
  ['تەڭرىتاغ', 'tengritagh'],
  ['مەسئۇل', "mes'ul"],
  ['سائەت', "sa'et"],
  ['ژۇرنال', 'zhurnal'],
  ['چۈشەندۈرۈش', 'chüshendürüsh'],
  ['خەلق', 'xelq'],
  ['ئاپتونوم', 'aptonom'],
  ['رايون', 'rayon'],
  ['ئېلان', 'élan'],
  ['ۋەزىپە', 'wezipe'],
  ['جۇڭگو', 'junggo'],
  ['مائارىپ', "ma'arip"],
  ['ئائىلە', "a'ile"],
  ['مۇئەللىم', "mu'ellim"],
  ['جەمئىيەت', "jem'iyet"],
  ['ئىنگلىزچە', "in'glizche"],
  ['مەزھەپ', "mez'hep"],
  ['ئىسھاق', "is'haq"],
  ['باش بەت', 'bash bet'],
  ['ئىزدەش', 'izdesh'],
  ['خەۋەرلەر', 'xewerler'],
  ['سىياسەت ھۆججەتلىرى', 'siyaset höjjetliri'],
  ['ھۆكۈمەت ئۇچۇرلىرىنى ئاشكارىلاش', 'hökümet uchurlirini ashkarilash'],
  ['تور ئارقىلىق ئىش بېجىرىش', 'tor arqiliq ish béjirish'],
  ['رەھبەرلەر خەت ساندۇقى', 'rehberler xet sanduqi'],
  ['ئالاقىلىشىش', 'alaqilishish'],
  ['ياردەم', 'yardem'],
  ['شىنجاڭ ئۇيغۇر ئاپتونوم رايونلۇق خەلق ھۆكۈمىتى', 'shinjang uyghur aptonom rayonluq xelq hökümiti'],
  ['2024-يىلى 5-ئاينىڭ 9-كۈنى', '2024-yili 5-ayning 9-küni'],
  ['ئۆي', 'öy'],
  ['ئۈرۈمچى', 'ürümchi'],
  ['ئۆلچەم', 'ölchem'],
  ['دۆلەت', 'dölet'],
  ['گېزىت', 'gézit'],
  ['فېۋرال', 'féwral'],
  ['تېلېفون', 'téléfon'],
  ['كىتاب', 'kitab'],
  ['مەكتەپ', 'mektep'],
  ['قەشقەر', 'qeshqer'],
  ['يېڭى', 'yéngi'],
  ['غۇلجا', 'ghulja'],
  ['ئېلخەت', 'élxet'],
  ['ئوقۇغۇچى', 'oqughuchi'],
  ['چاي', 'chay'],
  ['ساغلاملىق', 'saghlamliq'],
  ['ئەركىن', 'erkin'],
];

const ALPHABET = [...'اەبپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىي'];

describe('the word list', () => {
  it('covers every letter, every digraph, the apostrophe cases and word-initial vowels', () => {
    const uey = WORDS.map(([arabic]) => arabic).join(' ');
    const uly = WORDS.map(([, latin]) => latin).join(' ');
    expect(ALPHABET.filter((letter) => !uey.includes(letter))).toEqual([]);
    expect(['ch', 'sh', 'gh', 'ng', 'zh', "n'g", "s'h", "z'h"].filter((d) => !uly.includes(d))).toEqual([]);
    expect(WORDS.filter(([, latin]) => /[a-zé]'[aeéiouöü]/.test(latin)).length).toBeGreaterThanOrEqual(5);
    for (const vowel of ['a', 'e', 'é', 'i', 'o', 'u', 'ö', 'ü']) {
      expect(uly.split(' ').some((word) => word.startsWith(vowel))).toBe(true);
    }
    expect(WORDS.length).toBeGreaterThanOrEqual(40);
  });
});

describe('Arabic script to Latin', () => {
  it.each(WORDS)('%s → %s', (arabic, latin) => {
    expect(uyghurToLatin(arabic)).toBe(latin);
  });

  it('separates g and h with an apostrophe so they do not read as غ', () => {
    expect(uyghurToLatin('بەگھەم')).toBe("beg'hem");
  });

  it('writes ن + غ as n\'gh, and ڭ + ھ as ngh, which reads back as ڭ + ھ', () => {
    expect(uyghurToLatin('ننغ')).toBe("nn'gh");
    expect(uyghurToLatin('ڭھ')).toBe('ngh');
    expect(latinToUyghur('ngh')).toBe('ڭھ');
  });

  it('converts Persian-keyboard text after normalising it', () => {
    expect(uyghurToLatin('ھۆکۈمەت ئۇیغۇر')).toBe('hökümet uyghur');
  });

  it('passes Chinese, Latin, digits and punctuation through', () => {
    expect(uyghurToLatin('新政办发〔2024〕12号، (ھۆكۈمەت)؟')).toBe('新政办发〔2024〕12号، (hökümet)؟');
  });
});

describe('Latin to Arabic script', () => {
  it.each(WORDS)('%s ← %s', (arabic, latin) => {
    expect(latinToUyghur(latin)).toBe(arabic);
  });

  it.each([
    ['upper case', 'UYGHUR', 'ئۇيغۇر'],
    ['title case', 'Hökümet', 'ھۆكۈمەت'],
    ['ë for é', 'ëlan', 'ئېلان'],
    ['upper-case diacritics', 'ÖLCHEM ÜRÜMCHI ÉLAN', 'ئۆلچەم ئۈرۈمچى ئېلان'],
    ['combining diacritics', 'ho\u0308ku\u0308met', 'ھۆكۈمەت'],
    ['a vowel after a vowel without apostrophe', 'maarip', 'مائارىپ'],
    ['a phone\'s curly apostrophe', 'mes’ul', 'مەسئۇل'],
    ['g\'h as two letters', "beg'hem", 'بەگھەم'],
    ['gh as one letter', 'tagh', 'تاغ'],
    ['n\'gh as two letters', "nn'gh", 'ننغ'],
    ['quotes around a word', "'uyghur'", "'ئۇيغۇر'"],
    ['c and v, which are not ULY letters', 'covid', 'cئوvئىد'],
  ])('reads %s', (_, latin, arabic) => {
    expect(latinToUyghur(latin)).toBe(arabic);
  });
});

describe('round trip', () => {
  it('Arabic → Latin → Arabic is the identity on the word list', () => {
    for (const [arabic] of WORDS) expect(latinToUyghur(uyghurToLatin(arabic))).toBe(arabic);
  });

  const ulyChar = fc.constantFrom(
    ...'abdefghijklmnopqrstuwxyzéëöüABDEFGHIJKLMNOPQRSTUWXYZÉÖÜ',
    'ch', 'sh', 'gh', 'ng', 'zh', "'", '’',
  );
  const otherChar = fc.constantFrom(...' 0123456789-.,!?()«»');
  const ulyText = fc.string({ unit: fc.oneof(ulyChar, ulyChar, otherChar), maxLength: 30 });

  it('latinToUyghur writes only Uyghur letters, ئ and the input\'s non-letters', () => {
    const allowed = new Set([...ALPHABET, 'ئ']);
    fc.assert(
      fc.property(ulyText, (latin) => {
        const inputOthers = new Set([...latin].filter((c) => !/\p{L}/u.test(c)));
        const stray = [...latinToUyghur(latin)].filter((c) => !allowed.has(c) && !inputOthers.has(c));
        expect(stray).toEqual([]);
      }),
      RUNS,
    );
  });

  it('Latin spelling read back from Arabic script gives the same Arabic script', () => {
    fc.assert(
      fc.property(ulyText, (latin) => {
        const arabic = latinToUyghur(latin);
        expect(latinToUyghur(uyghurToLatin(arabic))).toBe(arabic);
      }),
      RUNS,
    );
  });
});

describe('search queries in Latin Uyghur', () => {
  it.each([
    ['uyghur', true],
    ['Hökümet ئۇچۇرى', false],
    ['hokumet 2024', true],
    ['政府 hokumet', false],
    ['2024', false],
    ['', false],
  ])('%j looks like Latin Uyghur: %s', (query, expected) => {
    expect(looksLikeLatinUyghur(query)).toBe(expected);
  });

  it('widens a query typed without diacritics', () => {
    const variants = latinUyghurVariants('hokumet');
    expect(variants[0]).toBe('ھوكۇمەت');
    expect(variants).toContain('ھۆكۈمەت');
    expect(variants.length).toBeLessThanOrEqual(8);
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('offers ې for e', () => {
    expect(latinUyghurVariants('elan')).toEqual(['ئەلان', 'ئېلان']);
  });

  it('keeps diacritics that were typed', () => {
    expect(latinUyghurVariants('hökümet')).toEqual(['ھۆكۈمەت', 'ھۆكۈمېت']);
  });

  it('caps the combinations for long queries', () => {
    const variants = latinUyghurVariants('uyghur tili hokumet orun okutquchi');
    expect(variants).toHaveLength(8);
    expect(variants[0]).toBe(latinToUyghur('uyghur tili hokumet orun okutquchi'));
  });

  it('offers nothing for queries in Arabic script or Chinese', () => {
    expect(latinUyghurVariants('ھۆكۈمەت')).toEqual([]);
    expect(latinUyghurVariants('政府')).toEqual([]);
  });
});
