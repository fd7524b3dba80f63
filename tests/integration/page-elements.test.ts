import { describe, expect, it } from 'vitest';
import { localePages, page } from '../support/built-site.ts';

/**
 * Every page of every locale carries the elements a government portal is inspected for:
 * lang/dir, the gov meta tags of its type, canonical and hreflang, and the statutory footer.
 */
const pages = localePages();
const expected = { zh: { lang: 'zh-CN', dir: 'ltr' }, ug: { lang: 'ug', dir: 'rtl' }, en: { lang: 'en', dir: 'ltr' } } as const;
const isArticle = (url: string) =>
  /^\/(zh|ug|en)\/(news|notices|interpretations)\/(?!page\/)[^/]+\/$/.test(url) || /^\/(zh|ug|en)\/(policies\/\d{4}-\d+|reports\/\d{4}|services\/\d{12})\/$/.test(url);
const isColumn = (url: string) => !isArticle(url) && !/\/(search|404)\/$/.test(url) && !/^\/(zh|ug|en)\/$/.test(url);

describe('every page in every locale', () => {
  it('builds pages in all three locales, the same paths in each', () => {
    const paths = (l: string) => pages.filter((p) => p.url.startsWith(`/${l}/`)).map((p) => p.url.slice(3)).sort();
    expect(paths('zh').length).toBeGreaterThan(70);
    expect(paths('ug')).toEqual(paths('zh'));
    expect(paths('en')).toEqual(paths('zh'));
  });

  it.each(pages.map((p) => [p.url]))('%s: lang, dir, site meta tags, canonical, hreflang and footer', (url) => {
    const $ = page(url);
    const locale = url.split('/')[1] as keyof typeof expected;
    expect($('html').attr('lang')).toBe(expected[locale].lang);
    expect($('html').attr('dir')).toBe(expected[locale].dir);
    expect($('title').text().trim()).not.toBe('');

    for (const name of ['SiteName', 'SiteDomain', 'SiteIDCode']) expect($(`meta[name="${name}"]`).attr('content'), name).toBeTruthy();
    expect($('meta[name="SiteIDCode"]').attr('content')).toMatch(/^(bm\d{8}|\d{10})$/);

    const canonical = $('link[rel="canonical"]').attr('href') ?? '';
    expect(canonical).toMatch(/^https?:\/\/[^/]+\/(zh|ug|en)\//);
    if (!url.endsWith('/404/')) {
      const hreflangs = $('link[rel="alternate"][hreflang]').map((_, el) => $(el).attr('hreflang')).get();
      expect(hreflangs).toContain('zh-CN');
      expect(hreflangs).toContain('x-default');
      expect($('link[rel="alternate"][hreflang="x-default"]').attr('href')).toMatch(/\/zh\//);
    }
    expect($('meta[property="og:title"]').attr('content')).toBeTruthy();
    expect($('meta[property="og:image"]').attr('content')).toMatch(/^https?:\/\//);

    // Statutory footer.
    const footer = $('footer.site-footer');
    expect(footer.find('[data-testid="site-id-code"]').text()).toMatch(/bm\d{8}|\d{10}/);
    expect(footer.find('a[data-testid="icp"]').attr('href')).toBe('https://beian.miit.gov.cn/');
    expect(footer.find('a[data-testid="icp"]').text()).toMatch(/ICP备\d+号/);
    expect(footer.find('a[data-testid="police"] img').length).toBe(1);
    expect(footer.find('a[data-testid="police"]').text()).toMatch(/公网安备\s*\d{14}号/);
    expect(footer.find('img[src="/badges/party-government-site.svg"]').attr('alt')).toBeTruthy();
    for (const p of ['sitemap', 'accessibility', 'report-errors', 'contact']) expect(footer.find(`a[href="/${locale}/${p}/"]`).length, p).toBe(1);

    // Skip link, navigation, language switcher with autonyms in their own language.
    expect($('a.skip-link').attr('href')).toBe('#main');
    expect($('main#main').length).toBe(1);
    expect($('nav.main-nav a').length).toBe(5);
    const autonyms = $('.lang-switch [lang]').map((_, el) => `${$(el).attr('lang')}:${$(el).attr('dir')}`).get();
    expect(autonyms).toEqual(['zh-CN:ltr', 'ug:rtl', 'en:ltr']);
  });

  it.each(pages.filter((p) => isArticle(p.url)).map((p) => [p.url]))('%s: article meta tags', (url) => {
    const $ = page(url);
    for (const name of ['ArticleTitle', 'PubDate', 'ContentSource', 'Keywords', 'Author', 'Description', 'Url']) {
      expect($(`meta[name="${name}"]`).attr('content'), name).toBeTruthy();
    }
    expect($('meta[name="PubDate"]').attr('content')).toMatch(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/);
    expect($('meta[name="Url"]').attr('content')).toBe($('link[rel="canonical"]').attr('href'));
    if ($('.article__cover img').length) expect($('meta[name="Image"]').attr('content')).toMatch(/^https?:\/\//);
    expect($('meta[name="ColumnName"]').length).toBe(0);
  });

  it.each(pages.filter((p) => isColumn(p.url)).map((p) => [p.url]))('%s: column meta tags', (url) => {
    const $ = page(url);
    for (const name of ['ColumnName', 'ColumnDescription', 'ColumnKeywords', 'ColumnType']) {
      expect($(`meta[name="${name}"]`).attr('content'), name).toBeTruthy();
    }
    expect($('meta[name="ArticleTitle"]').length).toBe(0);
  });
});
