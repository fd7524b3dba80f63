import { describe, expect, it } from 'vitest';
import { page } from '../support/built-site.ts';
import { items } from '../support/content.ts';

/**
 * A missing edition shows the Chinese text under the reader's locale with a visible notice,
 * tagged zh-CN; it gets no hreflang, and the Chinese page is canonical.
 */
const columns = ['news', 'notices'] as const;
const all = columns.flatMap((column) => items(column).map((item) => ({ column, ...item })));
const missing = all.flatMap((item) => (['ug', 'en'] as const).filter((l) => !item.data[l]).map((locale) => ({ ...item, locale })));
const complete = all.filter((item) => item.data.ug && item.data.en);

describe('editions and the Chinese fallback', () => {
  it('the sample content has items without a Uyghur or an English edition', () => {
    expect(missing.some((m) => m.locale === 'ug')).toBe(true);
    expect(missing.some((m) => m.locale === 'en')).toBe(true);
  });

  it.each(missing.map((m) => [`/${m.locale}/${m.column}/${m.slug}/`, m]))('%s falls back to Chinese, visibly', (url, m) => {
    const $ = page(url);
    expect($('[data-testid="fallback-notice"]').length).toBe(1);
    const article = $('[data-testid="article"]');
    expect(article.attr('lang')).toBe('zh-CN');
    expect(article.attr('dir')).toBe('ltr');
    expect(article.find('h1').text()).toBe(m.data.zh.title);
    // The page around it stays in the reader's language.
    expect($('html').attr('lang')).toBe(m.locale === 'ug' ? 'ug' : 'en');
    const hreflangs = $('link[rel="alternate"][hreflang]').map((_, el) => $(el).attr('hreflang')).get();
    expect(hreflangs).not.toContain(m.locale);
    expect($('link[rel="canonical"]').attr('href')).toMatch(new RegExp(`/zh/${m.column}/${m.slug}/$`));
    expect($('[data-testid="fallback-notice"] a').attr('href')).toBe(`/zh/${m.column}/${m.slug}/`);
  });

  it.each(complete.slice(0, 6).map((c) => [`/ug/${c.column}/${c.slug}/`, c]))('%s shows its own edition', (url, c) => {
    const $ = page(url);
    expect($('[data-testid="fallback-notice"]').length).toBe(0);
    expect($('[data-testid="article"]').attr('lang')).toBe('ug');
    expect($('[data-testid="article"]').attr('dir')).toBe('rtl');
    expect($('[data-testid="article"] h1').text()).toBe(c.data.ug!.title);
    const hreflangs = $('link[rel="alternate"][hreflang]').map((_, el) => $(el).attr('hreflang')).get();
    expect(hreflangs.sort()).toEqual(['en', 'ug', 'x-default', 'zh-CN']);
    expect($('link[rel="canonical"]').attr('href')).toMatch(new RegExp(`/ug/${c.column}/${c.slug}/$`));
  });
});
