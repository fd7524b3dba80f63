import { describe, expect, it } from 'vitest';
import { page } from '../support/built-site.ts';
import { departments, items } from '../support/content.ts';

/** The first `npm start` must look like a real regional portal, in all three languages. */
describe('sample content', () => {
  it('has at least 8 departments, 30 news items and 15 notices, each with a picture', () => {
    expect(departments().length).toBeGreaterThanOrEqual(8);
    const news = items('news');
    const notices = items('notices');
    expect(news.length).toBeGreaterThanOrEqual(30);
    expect(notices.length).toBeGreaterThanOrEqual(15);
    for (const item of [...news, ...notices]) expect(item.data.image, item.slug).toBeTruthy();
  });

  it('has the standing pages 概况, 机构职能, 负责人信息 and contact in every language', () => {
    for (const slug of ['overview', 'functions', 'leaders', 'contact']) {
      for (const locale of ['zh', 'ug', 'en']) {
        const $ = page(`/${locale}/${slug}/`);
        expect($('h1').first().text().trim(), `${locale}/${slug}`).not.toBe('');
      }
    }
    expect(page('/zh/leaders/')('.leader').length).toBeGreaterThanOrEqual(3);
  });

  it('marks its site identification and filing numbers as samples', () => {
    for (const locale of ['zh', 'ug', 'en']) {
      expect(page(`/${locale}/`)('.site-footer__sample').text().trim()).not.toBe('');
    }
  });

  it('keeps the home page fresh: the newest item is not older than the newest content date', () => {
    const newest = items('news').map((n) => new Date(String(n.data.published)).getTime()).sort((a, b) => b - a)[0]!;
    const $ = page('/zh/');
    const dates = $('time[datetime]').map((_, el) => new Date($(el).attr('datetime')!).getTime()).get();
    expect(Math.max(...dates)).toBeGreaterThanOrEqual(newest - 24 * 3600 * 1000);
  });
});
