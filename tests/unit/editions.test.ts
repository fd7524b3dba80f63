import { describe, expect, it } from 'vitest';
import { chooseEdition, editionLocales } from '../../src/lib/editions.ts';

const full = { zh: '通知', ug: 'ئۇقتۇرۇش', en: 'Notice' };
const chineseOnly = { zh: '通知' };

describe('choosing an edition', () => {
  it('shows the reader’s own edition', () => {
    expect(chooseEdition(full, 'ug')).toEqual({ edition: 'ئۇقتۇرۇش', lang: 'ug', fallback: false });
  });

  it('falls back to the Chinese text, saying so', () => {
    expect(chooseEdition(chineseOnly, 'en')).toEqual({ edition: '通知', lang: 'zh', fallback: true });
  });

  it('lists the languages an item exists in', () => {
    expect(editionLocales(full)).toEqual(['zh', 'ug', 'en']);
    expect(editionLocales({ zh: 'x', en: 'y' })).toEqual(['zh', 'en']);
  });
});
