import { describe, expect, it } from 'vitest';
import { page } from '../support/built-site.ts';
import { items } from '../support/content.ts';

/** Column lists: newest first, 20 a page, every item on exactly one page. */
describe.each(['news', 'notices'])('the %s column', (column) => {
  const sources = items(column).sort((a, b) => new Date(String(b.data.published)).getTime() - new Date(String(a.data.published)).getTime());
  const pageCount = Math.ceil(sources.length / 20);

  it.each(['zh', 'ug', 'en'])('lists every item once, newest first, 20 a page (%s)', (locale) => {
    const listed: string[] = [];
    for (let n = 1; n <= pageCount; n++) {
      const url = n === 1 ? `/${locale}/${column}/` : `/${locale}/${column}/page/${n}/`;
      const links = page(url)('.article-list a').map((_, el) => page(url)(el).attr('href')).get();
      expect(links.length).toBe(n < pageCount ? 20 : sources.length - 20 * (pageCount - 1));
      listed.push(...links);
    }
    expect(listed).toEqual(sources.map((s) => `/${locale}/${column}/${s.slug}/`));
  });

  it('links pages to each other with rel=prev/next', () => {
    if (pageCount < 2) return;
    const $ = page(`/zh/${column}/page/2/`);
    expect($('a[rel="prev"]').attr('href')).toBe(`/zh/${column}/`);
    expect(page(`/zh/${column}/`)('a[rel="next"]').attr('href')).toBe(`/zh/${column}/page/2/`);
  });
});
