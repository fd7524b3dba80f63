import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, sitemapXml } from '../../src/lib/sitemap-xml.ts';

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'xhtml:link' }).parse(xml);

describe('sitemapXml', () => {
  it('writes a urlset in the sitemaps.org and xhtml namespaces', () => {
    const xml = sitemapXml([]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const { urlset } = parse(xml);
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset['@_xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
  });

  it('lists each entry with its lastmod and alternates, in order', () => {
    const xml = sitemapXml([
      {
        loc: 'https://x.example/zh/news/a/',
        lastmod: '2026-11-18',
        alternates: [
          { hreflang: 'zh-CN', href: 'https://x.example/zh/news/a/' },
          { hreflang: 'x-default', href: 'https://x.example/zh/news/a/' },
        ],
      },
      { loc: 'https://x.example/zh/' },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = parse(xml).urlset.url;
    expect(urls.map((u: { loc: string }) => u.loc)).toEqual(['https://x.example/zh/news/a/', 'https://x.example/zh/']);
    expect(urls[0].lastmod).toBe('2026-11-18');
    expect(urls[0]['xhtml:link'].map((l: Record<string, string>) => [l['@_rel'], l['@_hreflang'], l['@_href']])).toEqual([
      ['alternate', 'zh-CN', 'https://x.example/zh/news/a/'],
      ['alternate', 'x-default', 'https://x.example/zh/news/a/'],
    ]);
    expect(urls[1].lastmod).toBeUndefined();
    expect(urls[1]['xhtml:link']).toBeUndefined();
  });

  it('escapes the five XML special characters in URLs', () => {
    const loc = `https://x.example/q?a=1&b=<2>&c="3"&d='4'`;
    const xml = sitemapXml([{ loc, alternates: [{ hreflang: 'en', href: loc }] }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<loc>https://x.example/q?a=1&amp;b=&lt;2&gt;&amp;c=&quot;3&quot;&amp;d=&apos;4&apos;</loc>');
    const [url] = parse(xml).urlset.url;
    expect(url['xhtml:link'][0]['@_href']).toBe(loc);
  });

  it('refuses a lastmod that is not a calendar date', () => {
    expect(() => sitemapXml([{ loc: 'https://x.example/', lastmod: '2026-11-18T10:00:00Z' }])).toThrow(/YYYY-MM-DD/);
  });
});

describe('escapeXml', () => {
  it('replaces & < > " and \' and nothing else', () => {
    expect(escapeXml(`a&b<c>d"e'f 天山 ئۇيغۇر`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f 天山 ئۇيغۇر');
  });
});
