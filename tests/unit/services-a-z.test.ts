import { describe, expect, it } from 'vitest';
import { alphabeticalIndex, initialOf, OTHER, pinyinInitial, UYGHUR_LETTERS } from '../../src/lib/services/a-z.ts';

describe('the A–Z index of services', () => {
  it.each([
    ['办', 'B'], ['出', 'C'], ['道', 'D'], ['二', 'E'], ['发', 'F'], ['高', 'G'], ['婚', 'H'], ['教', 'J'], ['开', 'K'], ['旅', 'L'],
    ['民', 'M'], ['农', 'N'], ['欧', 'O'], ['普', 'P'], ['企', 'Q'], ['人', 'R'], ['社', 'S'], ['他', 'T'], ['卫', 'W'], ['学', 'X'],
    ['医', 'Y'], ['最', 'Z'], ['阿', 'A'], ['啊', 'A'], ['女', 'N'], ['律', 'L'], ['吗', 'M'], ['哦', 'O'],
  ])('files a Chinese title starting with %s under %s (pinyin initial)', (han, letter) => {
    expect(pinyinInitial(han)).toBe(letter);
  });

  it('reads a Uyghur title by its letter, a word-initial vowel with its hamza', () => {
    expect(initialOf('بالا تۇغۇلۇش', 'ug')).toBe('ب');
    expect(initialOf('ئوقۇتقۇچى', 'ug')).toBe('ئو');
    expect(initialOf('ئۇقۇش', 'ug')).toBe('ئۇ');
    expect(initialOf('ئېلان', 'ug')).toBe('ئې');
  });

  it('skips opening quotes and brackets, and files digits under #', () => {
    expect(initialOf('《教师资格证书》补发', 'zh')).toBe('J');
    expect(initialOf('"Teacher" qualification', 'en')).toBe('T');
    expect(initialOf('120 急救', 'zh')).toBe(OTHER);
  });

  it('orders Uyghur letters as the alphabet does, not as code points do', () => {
    const titles = ['يېزا', 'ئۇقۇش', 'بالا', 'ئاھالە', 'ئوقۇتقۇچى', 'ۋاكالەت', 'ھەق'];
    const groups = alphabeticalIndex(titles, (t) => ({ title: t, lang: 'ug' }), 'ug');
    expect(groups.map((g) => g.letter)).toEqual(['ئا', 'ب', 'ھ', 'ئو', 'ئۇ', 'ۋ', 'ي']);
    const rank = (l: string) => UYGHUR_LETTERS.indexOf(l as (typeof UYGHUR_LETTERS)[number]);
    expect(groups.map((g) => rank(g.letter))).toEqual([...groups.map((g) => rank(g.letter))].sort((a, b) => a - b));
  });

  it('groups Chinese titles by pinyin and sorts within a letter by pinyin, # last', () => {
    const titles = ['食品经营许可', '失业保险金申领', '12345 热线', '教师资格认定', '社会团体成立登记'];
    const groups = alphabeticalIndex(titles, (t) => ({ title: t, lang: 'zh' }), 'zh');
    expect(groups).toEqual([
      { letter: 'J', items: ['教师资格认定'] },
      { letter: 'S', items: ['社会团体成立登记', '失业保险金申领', '食品经营许可'] },
      { letter: OTHER, items: ['12345 热线'] },
    ]);
  });

  it('indexes a Chinese fallback title on a Uyghur page by its pinyin, after the Uyghur letters', () => {
    const groups = alphabeticalIndex(['بالا', '教师资格认定'], (t) => ({ title: t, lang: /\p{Script=Han}/u.test(t) ? 'zh' : 'ug' }), 'ug');
    expect(groups.map((g) => g.letter)).toEqual(['ب', 'J']);
  });
});
