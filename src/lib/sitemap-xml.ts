/**
 * The sitemaps.org XML format (https://www.sitemaps.org/protocol.html), with the
 * `xhtml:link rel="alternate"` extension for the language editions of a page.
 */

export interface SitemapAlternate {
  /** BCP 47 tag (`zh-CN`, `ug`, `en`) or `x-default`. */
  hreflang: string;
  /** Absolute URL. */
  href: string;
}

export interface SitemapEntry {
  /** Absolute URL of the page. */
  loc: string;
  /** `YYYY-MM-DD`, when known. */
  lastmod?: string | undefined;
  /** The page's editions, itself included. */
  alternates?: readonly SitemapAlternate[];
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

const LASTMOD = /^\d{4}-\d{2}-\d{2}$/;

function url(entry: SitemapEntry): string {
  if (entry.lastmod !== undefined && !LASTMOD.test(entry.lastmod)) throw new Error(`sitemap: lastmod "${entry.lastmod}" of ${entry.loc} is not YYYY-MM-DD`);
  const lines = [`<loc>${escapeXml(entry.loc)}</loc>`];
  if (entry.lastmod) lines.push(`<lastmod>${entry.lastmod}</lastmod>`);
  for (const a of entry.alternates ?? []) {
    lines.push(`<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`);
  }
  return `<url>\n${lines.map((l) => `  ${l}`).join('\n')}\n</url>`;
}

/** A sitemap document listing `entries` in the given order. */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries.map(url),
    '</urlset>',
    '',
  ].join('\n');
}
