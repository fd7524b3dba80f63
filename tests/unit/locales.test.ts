import { afterEach, describe, expect, it, vi } from 'vitest';
import { htmlLang, isLocale, textDirection } from '../../src/i18n/locales.ts';
import { localeHref, splitLocale } from '../../src/i18n/paths.ts';

describe('writing direction', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['ug', 'rtl'], ['ug-Arab-CN', 'rtl'], ['ar', 'rtl'], ['zh-CN', 'ltr'], ['en', 'ltr'],
  ])('%s is %s', (tag, dir) => {
    expect(textDirection(tag)).toBe(dir);
  });

  it('falls back to the known right-to-left list when Intl has no text info', () => {
    const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
    vi.spyOn(proto, 'getTextInfo' as never).mockReturnValue(undefined as never);
    if ('textInfo' in proto) vi.spyOn(proto, 'textInfo' as never, 'get' as never).mockReturnValue(undefined as never);
    expect(textDirection('ug')).toBe('rtl');
    expect(textDirection('zh-CN')).toBe('ltr');
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
