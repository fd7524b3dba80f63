import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n/translate.ts';
import { locales } from '../../src/i18n/locales.ts';

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('UI dictionaries', () => {
  const zh = dictionaries.zh;

  it.each(locales.filter((l) => l !== 'zh'))('%s has exactly the keys of zh', (locale) => {
    expect(Object.keys(dictionaries[locale]).sort()).toEqual(Object.keys(zh).sort());
  });

  it.each(locales)('%s keeps the placeholders of zh in every string', (locale) => {
    for (const [key, value] of Object.entries(zh)) {
      expect(placeholders(dictionaries[locale][key] ?? ''), `${locale}: ${key}`).toEqual(placeholders(value));
    }
  });

  it.each(locales)('%s has no empty string', (locale) => {
    const empty = Object.entries(dictionaries[locale]).filter(([, v]) => v.trim() === '');
    expect(empty).toEqual([]);
  });

  it('Uyghur strings use Uyghur letters, not Persian-keyboard look-alikes or presentation forms', () => {
    const wrong = /[\u06A9\u06CC\u0647\uFB50-\uFDFF\uFE70-\uFEFF]/;
    const bad = Object.entries(dictionaries.ug).filter(([, v]) => wrong.test(v));
    expect(bad).toEqual([]);
  });
});
