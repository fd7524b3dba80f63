import { describe, expect, it } from 'vitest';
import { htmlLang, isLocale, textDirection } from '../../src/i18n/locales.ts';
import { localeHref, splitLocale } from '../../src/i18n/paths.ts';

describe('writing direction', () => {
  it.each([
    ['ug', 'rtl'], ['ug-Arab-CN', 'rtl'], ['ar', 'rtl'], ['zh-CN', 'ltr'], ['en', 'ltr'],
  ])('%s is %s', (tag, dir) => {
    expect(textDirection(tag)).toBe(dir);
  });

  it('falls back to the known right-to-left list when Intl has no text info', () => {
    const Original = Intl.Locale;
    // A runtime whose Intl.Locale has neither getTextInfo() nor textInfo.
    class WithoutTextInfo extends Original {
      getTextInfo = undefined as unknown as Intl.Locale['getTextInfo'];
      textInfo = undefined;
    }
    Object.defineProperty(Intl, 'Locale', { value: WithoutTextInfo, configurable: true, writable: true });
    try {
      expect(new Intl.Locale('ug') instanceof WithoutTextInfo).toBe(true);
      expect(textDirection('ug')).toBe('rtl');
      expect(textDirection('zh-CN')).toBe('ltr');
    } finally {
      Object.defineProperty(Intl, 'Locale', { value: Original, configurable: true, writable: true });
    }
  });

  it('derives every portal locale from its html lang tag', () => {
    expect(textDirection(htmlLang.ug)).toBe('rtl');
    expect(textDirection(htmlLang.zh)).toBe('ltr');
    expect(textDirection(htmlLang.en)).toBe('ltr');
  });
});

describe('locale paths', () => {
  it('puts the same path under every locale', () => {
    expect(localeHref('ug', '/news/x/')).toBe('/ug/news/x/');
  });
  it('splits a path into locale and rest', () => {
    expect(splitLocale('/ug/news/x/')).toEqual({ locale: 'ug', path: '/news/x/' });
    expect(splitLocale('/keystatic/')).toEqual({ locale: undefined, path: '/keystatic/' });
  });
  it('knows its locales', () => {
    expect(isLocale('ug')).toBe(true);
    expect(isLocale('fr')).toBe(false);
  });
});
