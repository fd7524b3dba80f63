import { describe, expect, it } from 'vitest';
import { localePages, page } from '../support/built-site.ts';
import { items } from '../support/content.ts';

/** Uyghur pages: left-to-right runs isolated in markup and in plain-text places. */
describe('left-to-right runs on Uyghur pages', () => {
  const ugArticles = items('news').filter((i) => i.data.ug).map((i) => `/ug/news/${i.slug}/`);

  it('isolates digits inside Uyghur body text with <bdi dir="ltr">', () => {
    const withDigits = ugArticles.filter((url) => /\d/.test(page(url)('.prose').text()));
    expect(withDigits.length).toBeGreaterThan(0);
    for (const url of withDigits) {
      const $ = page(url);
      const bare = $('.prose p, .prose li, .prose td')
        .contents()
        .filter((_, n) => n.type === 'text' && /\d/.test($(n).text()));
      expect(bare.length, url).toBe(0);
      expect($('.prose bdi[dir="ltr"]').length, url).toBeGreaterThan(0);
    }
  });

  it('isolates codes and numbers in the footer', () => {
    const $ = page('/ug/');
    expect($('[data-testid="site-id-code"] bdi[dir="ltr"]').length).toBe(1);
    expect($('.site-footer bdi[dir="ltr"]').length).toBeGreaterThanOrEqual(5);
  });

  it('uses Unicode isolates for numbers in <title> and meta content', () => {
    const pages = localePages().filter((p) => p.url.startsWith('/ug/') && /\d/.test(page(p.url)('title').text()));
    for (const p of pages) expect(page(p.url)('title').text(), p.url).toMatch(/\u2066[^\u2069]*\d[^\u2069]*\u2069/);
    expect(page('/ug/')('meta[name="SiteName"]').attr('content')).not.toMatch(/\d(?![^\u2066]*\u2069)/);
  });

  it('marks Chinese pages and English pages without isolates in titles', () => {
    expect(page('/zh/news/')('title').text()).not.toMatch(/[\u2066-\u2069]/);
  });
});
