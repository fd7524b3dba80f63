import { describe, expect, inject, it } from 'vitest';
import { load } from 'cheerio';
import { items } from '../support/content.ts';

/** The running server: language negotiation at `/`, 404s in the asked language, headers. */
const base = () => inject('baseURL');
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base()}${path}`, { headers, redirect: 'manual' });

describe('the portal server', () => {
  it.each([
    ['ug-CN,ug;q=0.9', '/ug/'],
    ['en-GB,en;q=0.9', '/en/'],
    ['zh-CN,zh;q=0.9', '/zh/'],
    ['fr-FR', '/zh/'],
  ])('sends a reader asking for %s at / to %s', async (acceptLanguage, location) => {
    const res = await get('/', { 'Accept-Language': acceptLanguage });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(location);
    expect(res.headers.get('vary')).toMatch(/Accept-Language/i);
  });

  it('serves the home pages of all three locales', async () => {
    for (const locale of ['zh', 'ug', 'en']) {
      const res = await get(`/${locale}/`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
    }
  });

  it.each([
    ['/ug/no-such-page/', 'ug', 'rtl'],
    ['/en/news/no-such-item/', 'en', 'ltr'],
    ['/no-such-page/', 'zh-CN', 'ltr'],
  ])('answers %s with a 404 page in that language', async (path, lang, dir) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    const $ = load(await res.text());
    expect($('html').attr('lang')).toBe(lang);
    expect($('html').attr('dir')).toBe(dir);
    expect($('h1').text().trim()).not.toBe('');
  });

  it('sends a Content-Security-Policy without unsafe-inline for static pages', async () => {
    const res = await get('/zh/');
    const csp = res.headers.get('content-security-policy') ?? load(await res.text())('meta[http-equiv="content-security-policy"]').attr('content');
    expect(csp).toBeTruthy();
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('serves attachments from content/ under /files/', async () => {
    const withFiles = items('notices').find((n) => Array.isArray(n.data.attachments) && n.data.attachments.length > 0);
    expect(withFiles).toBeTruthy();
    const file = (withFiles!.data.attachments as { file: string }[])[0]!.file.replace(/^files\//, '');
    const res = await get(`/files/notices/${withFiles!.slug}/${file}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('listens on the HOST and PORT it was given', () => {
    expect(new URL(base()).hostname).toBe('127.0.0.1');
    expect(Number(new URL(base()).port)).toBeGreaterThan(0);
  });
});

describe('an address too long for the server', () => {
  it('is refused with 431 and a message in all three languages, not Node\'s bare answer', async () => {
    const res = await fetch(`${inject('baseURL')}/zh/search/?q=${'%E9%95%BF'.repeat(2500)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await res.text();
    for (const words of ['网址过长', 'تور ئادرېسى بەك ئۇزۇن', 'The address is too long']) expect(text).toContain(words);
  });
});
