import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { normalizeUyghur } from '../../src/lib/uyghur-normalize.ts';
import { CLIENT, localePages, page } from '../support/built-site.ts';
import { items, type ItemSource } from '../support/content.ts';
import { stripIsolates } from '../../src/lib/bidi.ts';
import { dictionaries } from '../../src/i18n/translate.ts';

/**
 * The machine-readable outputs: an RSS feed per column and locale, the sitemap with its
 * hreflang alternates, robots.txt, and the JSON export of the disclosure catalogue.
 */
const locales = ['zh', 'ug', 'en'] as const;
type Locale = (typeof locales)[number];
const tag: Record<Locale, string> = { zh: 'zh-CN', ug: 'ug', en: 'en' };
const columns = ['news', 'notices', 'policies', 'interpretations'] as const;
type Column = (typeof columns)[number];

const read = (path: string) => readFileSync(join(CLIENT, path), 'utf8');
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['item', 'url', 'xhtml:link'].includes(name),
});
/** A built XML file, checked for well-formedness, then parsed. */
function xml(path: string) {
  const text = read(path);
  expect(XMLValidator.validate(text), path).toBe(true);
  return parser.parse(text);
}

const site = new URL(page('/zh/')('link[rel="canonical"]').attr('href')!).origin;
const settings = parseYaml(readFileSync('content/settings/site.yaml', 'utf8')) as Record<Locale, { siteName: string }>;
const published = (item: ItemSource) => new Date(String(item.data.published)).getTime();
/** A column's items in the order the portal lists them (newest first; ties as src/content does). */
function newestFirst(column: Column): ItemSource[] {
  const tie = column === 'news' || column === 'notices' ? 1 : -1;
  return items(column).sort((a, b) => published(b) - published(a) || tie * a.slug.localeCompare(b.slug));
}
const hasColumn = (column: Column) => existsSync(join('content', column));

interface FeedItem { title: string; link: string; guid: { '#text': string }; pubDate: string; description?: string; 'dc:language'?: string }

describe.each(columns.filter(hasColumn))('the %s feeds', (column) => {
  const sources = newestFirst(column);

  it.each(locales)('/%s/ feed: RSS 2.0 in its language with the newest 50 items', (locale) => {
    const { rss } = xml(`${locale}/${column}/rss.xml`);
    expect(rss['@_version']).toBe('2.0');
    const channel = rss.channel;
    expect(channel.language).toBe(tag[locale]);
    expect(stripIsolates(channel.title)).toBe(`${dictionaries[locale][`column.${column}`]} - ${settings[locale].siteName}`);
    expect(channel.link).toBe(`${site}/${locale}/${column}/`);
    const feedItems: FeedItem[] = channel.item ?? [];
    const expected = sources.slice(0, 50);
    expect(feedItems.map((i) => i.link)).toEqual(expected.map((s) => `${site}/${locale}/${column}/${s.slug}/`));
    feedItems.forEach((item, n) => {
      const source = expected[n]!;
      expect(item.guid['#text']).toBe(item.link);
      expect(new Date(item.pubDate).getTime()).toBe(published(source));
      const edition = source.data[locale] ?? source.data.zh;
      // Uyghur text is normalised when the site is built, as the pages are.
      const shown = (s: string) => (source.data[locale] && locale === 'ug' ? normalizeUyghur(s) : s);
      expect(stripIsolates(item.title)).toBe(shown(edition.title));
      const summary = (edition as { summary?: string }).summary;
      if (summary) expect(stripIsolates(item.description!)).toBe(shown(summary));
      expect(item['dc:language']).toBe(source.data[locale] ? undefined : 'zh-CN');
    });
  });
});

describe('the news feed', () => {
  it('lists every news item in Chinese, up to 50', () => {
    const links = (xml('zh/news/rss.xml').rss.channel.item as FeedItem[]).map((i) => i.link);
    expect(links.length).toBe(Math.min(50, items('news').length));
    for (const s of newestFirst('news').slice(0, 50)) expect(links).toContain(`${site}/zh/news/${s.slug}/`);
  });

  it('gives a news item without a Uyghur edition in Chinese in the Uyghur feed', () => {
    const untranslated = newestFirst('news').slice(0, 50).filter((s) => !s.data.ug);
    expect(untranslated.length).toBeGreaterThan(0);
    const feedItems = xml('ug/news/rss.xml').rss.channel.item as FeedItem[];
    for (const s of untranslated) {
      const item = feedItems.find((i) => i.link === `${site}/ug/news/${s.slug}/`);
      expect(item, s.slug).toBeDefined();
      expect(stripIsolates(item!.title)).toBe(s.data.zh.title);
      expect(item!['dc:language']).toBe('zh-CN');
    }
  });
});

describe('the sitemap', () => {
  const urls: { loc: string; lastmod?: string; 'xhtml:link'?: Record<string, string>[] }[] = xml('sitemap.xml').urlset.url;
  const byLoc = new Map(urls.map((u) => [u.loc, u]));
  const alternateHrefs = new Set(urls.flatMap((u) => (u['xhtml:link'] ?? []).map((l) => l['@_href'])));
  const articles = columns.filter(hasColumn).flatMap((column) => items(column).map((item) => ({ column, ...item })));

  it('is a sitemaps.org urlset with the xhtml namespace, each URL once', () => {
    expect(read('sitemap.xml')).toMatch(/<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:xhtml="http:\/\/www\.w3\.org\/1999\/xhtml">/);
    expect(byLoc.size).toBe(urls.length);
  });

  it('lists only built pages, and every lastmod is a date', () => {
    expect(urls.filter((u) => !u.loc.startsWith(`${site}/`) || !existsSync(join(CLIENT, new URL(u.loc).pathname, 'index.html'))).map((u) => u.loc)).toEqual([]);
    for (const u of urls) if (u.lastmod !== undefined) expect(u.lastmod, u.loc).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lists every edition of every article and no fallback page, not even as an alternate', () => {
    for (const a of articles) {
      for (const locale of locales) {
        const loc = `${site}/${locale}/${a.column}/${a.slug}/`;
        if (a.data[locale]) {
          expect(byLoc.has(loc), loc).toBe(true);
          expect(existsSync(join(CLIENT, locale, a.column, a.slug, 'index.html')), loc).toBe(true);
        } else {
          expect(byLoc.has(loc), loc).toBe(false);
          expect(alternateHrefs.has(loc), loc).toBe(false);
        }
      }
    }
  });

  it('names all three languages and x-default for a fully translated article', () => {
    const complete = articles.find((a) => a.column === 'news' && a.data.ug && a.data.en)!;
    const path = `/${complete.column}/${complete.slug}/`;
    for (const locale of locales) {
      const links = byLoc.get(`${site}/${locale}${path}`)!['xhtml:link']!;
      expect(links.map((l) => [l['@_hreflang'], l['@_href']]).sort()).toEqual([
        ['en', `${site}/en${path}`],
        ['ug', `${site}/ug${path}`],
        ['x-default', `${site}/zh${path}`],
        ['zh-CN', `${site}/zh${path}`],
      ]);
      expect(links.every((l) => l['@_rel'] === 'alternate')).toBe(true);
    }
    expect(byLoc.get(`${site}/zh${path}`)!.lastmod).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(String(complete.data.published))),
    );
  });

  it('lists every page that is its own canonical, except search, 404s and later list pages', () => {
    const unlisted = localePages()
      .filter((p) => !/\/(search|404)\/$|\/page\/\d+\/$/.test(p.url))
      .filter((p) => page(p.url)('link[rel="canonical"]').attr('href') === `${site}${p.url}`)
      .filter((p) => !byLoc.has(`${site}${p.url}`));
    expect(unlisted.map((p) => p.url)).toEqual([]);
  });
});

describe('robots.txt', () => {
  it('points crawlers to the sitemap', () => {
    expect(read('robots.txt')).toMatch(new RegExp(`^Sitemap: ${site}/sitemap\\.xml$`, 'm'));
    expect(read('robots.txt')).toMatch(/^User-agent: \*$/m);
  });
});

describe.runIf(hasColumn('policies'))('the catalogue export', () => {
  const policies = items('policies') as (ItemSource & { data: { indexNumber: string } })[];

  it.each(locales)('/%s/policies/catalogue.json has one document per policy folder', (locale) => {
    const body = JSON.parse(read(`${locale}/policies/catalogue.json`));
    expect(body.site).toBe(`${site}/`);
    expect(body.locale).toBe(tag[locale]);
    expect(Number.isNaN(Date.parse(body.generated))).toBe(false);
    expect(body.count).toBe(policies.length);
    expect(body.documents.length).toBe(policies.length);
    const byUrl = new Map(body.documents.map((d: { url: string }) => [d.url, d]));
    for (const p of policies) {
      const doc = byUrl.get(`${site}/${locale}/policies/${p.slug}/`) as Record<string, unknown>;
      expect(doc, p.slug).toBeDefined();
      expect(doc.indexNumber).toBe(p.data.indexNumber);
      expect(doc.indexNumber).toMatch(new RegExp(`/${p.slug}$`));
      expect(doc.title).toBe((p.data[locale] ?? p.data.zh).title);
      expect(doc.language).toBe(p.data[locale] ? tag[locale] : 'zh-CN');
      expect(doc.writtenDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(doc.publishedDate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(doc.documentNumber).toBe(p.data.documentNumber ?? null);
      expect(doc.validity).toBe(p.data.validity ?? 'valid');
      expect(doc.replacedBy).toBe(p.data.replacedBy ? `${site}/${locale}/policies/${p.data.replacedBy}/` : null);
      for (const name of ['publisher', 'topic', 'genre']) expect(typeof doc[name], name).toBe('string');
    }
  });

  it('gives a document without the reader\'s edition in Chinese, marked zh-CN', () => {
    const untranslated = policies.flatMap((p) => (['ug', 'en'] as const).filter((l) => !p.data[l]).map((locale) => ({ p, locale })));
    expect(untranslated.length).toBeGreaterThan(0);
    for (const { p, locale } of untranslated) {
      const docs = JSON.parse(read(`${locale}/policies/catalogue.json`)).documents as { url: string; title: string; language: string }[];
      const doc = docs.find((d) => d.url === `${site}/${locale}/policies/${p.slug}/`);
      expect([doc?.language, doc?.title], `${locale} ${p.slug}`).toEqual(['zh-CN', p.data.zh.title]);
    }
  });

  it('names publishers, topics and genres in the reader\'s language', () => {
    const [p] = policies;
    const department = parseYaml(readFileSync(`content/departments/${p!.data.department}.yaml`, 'utf8'));
    const topic = parseYaml(readFileSync(`content/topics/${p!.data.topic}.yaml`, 'utf8'));
    const genre = parseYaml(readFileSync(`content/genres/${p!.data.genre}.yaml`, 'utf8'));
    for (const locale of locales) {
      const doc = JSON.parse(read(`${locale}/policies/catalogue.json`)).documents.find((d: { url: string }) => d.url.endsWith(`/policies/${p!.slug}/`));
      expect(doc.publisher).toBe((department[locale] ?? department.zh).name);
      expect(doc.topic).toBe(topic.name[locale] ?? topic.name.zh);
      expect(doc.genre).toBe(genre.name[locale] ?? genre.name.zh);
    }
  });
});
