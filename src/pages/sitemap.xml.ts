/**
 * The sitemap for search engines (sitemaps.org, with hreflang alternates). A page is
 * listed under each language it has its own text in: a fallback page (Chinese text under
 * /ug/ or /en/) has the Chinese page as its canonical, so it is neither listed nor named as
 * an alternate. Left out: the search page (no content of its own), later pages of lists
 * (their items are listed themselves) and the server-rendered combined filter.
 */
import type { APIRoute } from 'astro';
import { loadCatalogue } from '../content/catalogue.ts';
import { listInterpretations, listPolicies, listReports } from '../content/disclosure.ts';
import { listArticles, listDepartments, listPages } from '../content/queries.ts';
import { listLifeEvents, listServices, serviceDepartments } from '../content/services.ts';
import { AUDIENCES } from '../lib/services/guide.ts';
import { isoDate } from '../i18n/format.ts';
import { htmlLang, locales, type Locale } from '../i18n/locales.ts';
import { localeHref } from '../i18n/paths.ts';
import { FACETS, filterCatalogue } from '../lib/catalogue-filter.ts';
import { editionLocales, type Multilingual } from '../lib/editions.ts';
import { sitemapXml, type SitemapEntry } from '../lib/sitemap-xml.ts';

interface Page {
  /** Locale-less path, e.g. `/news/x/`. */
  path: string;
  /** The languages it has its own text in. */
  editions: readonly Locale[];
  lastmod?: Date | undefined;
}

/** The services hall's ways in (audience, life event, department, A–Z) and every guide. */
async function servicePages(): Promise<Page[]> {
  const services = await listServices();
  const newest = services.map((s) => s.data.updated).sort((a, b) => b.getTime() - a.getTime())[0];
  return [
    { path: '/services/', editions: locales, lastmod: newest },
    { path: '/services/a-z/', editions: locales, lastmod: newest },
    ...AUDIENCES.map((a) => ({ path: `/services/audience/${a}/`, editions: locales })),
    ...(await listLifeEvents()).map((e) => ({ path: `/services/event/${e.id}/`, editions: locales })),
    ...(await serviceDepartments()).map((d) => ({ path: `/services/department/${d.id}/`, editions: locales })),
    ...services.map((s) => ({ path: `/services/${s.id}/`, editions: editionLocales(s.data), lastmod: s.data.updated })),
  ];
}

/** Standing pages live at `/<slug>/`, except those that belong to a section. */
const pagePath = (slug: string) => (slug === 'disclosure-guide' ? '/disclosure/guide/' : `/${slug}/`);

const latest = (...dates: (Date | undefined)[]) => dates.filter((d) => d !== undefined).sort((a, b) => b.getTime() - a.getTime())[0];

/** The first page of each catalogue facet value (/policies/topic/<id>/…), as the facet pages build them. */
async function facetPages(): Promise<Page[]> {
  const { docs, allowed } = await loadCatalogue();
  return FACETS.flatMap((facet) =>
    [...allowed[facet]].map((value) => ({
      path: `/policies/${facet}/${value}/`,
      editions: locales,
      lastmod: filterCatalogue(docs, { [facet]: value })[0]?.published,
    })),
  );
}

async function publicPages(): Promise<Page[]> {
  const [news, notices, policies, interpretations, reports] = await Promise.all([
    listArticles('news'),
    listArticles('notices'),
    listPolicies(),
    listInterpretations(),
    listReports(),
  ]);
  // Every list is newest first, so its first item dates the page that lists it.
  const ui = (path: string, lastmod?: Date): Page => ({ path, editions: locales, lastmod });
  const items = (column: string, list: { id: string; data: Multilingual<unknown> & { published: Date } }[]) =>
    list.map((item) => ({ path: `/${column}/${item.id}/`, editions: editionLocales(item.data), lastmod: item.data.published }));
  return [
    ui('/', latest(news[0]?.data.published, notices[0]?.data.published)),
    ui('/publishing/'),
    ui('/news/', news[0]?.data.published),
    ui('/notices/', notices[0]?.data.published),
    ui('/departments/'),
    ui('/interpretations/', interpretations[0]?.data.published),
    ui('/interaction/'),
    ui('/letters/'),
    ui('/disclosure/'),
    ui('/policies/', policies[0]?.data.published),
    ui('/reports/', reports[0]?.data.published),
    ui('/sitemap/'),
    ...items('news', news),
    ...items('notices', notices),
    ...items('policies', policies),
    ...(await facetPages()),
    ...items('interpretations', interpretations),
    ...reports.map((r) => ({ path: `/reports/${r.data.year}/`, editions: editionLocales(r.data), lastmod: r.data.published })),
    ...(await listDepartments()).map((d) => ({ path: `/departments/${d.id}/`, editions: editionLocales(d.data) })),
    ...(await listPages()).map((p) => ({ path: pagePath(p.id), editions: editionLocales(p.data), lastmod: p.data.updated })),
    ...(await servicePages()),
  ];
}

/** One entry per edition of a page, each naming all the editions plus x-default (Chinese). */
function entries(page: Page, site: URL): SitemapEntry[] {
  const abs = (locale: Locale) => new URL(localeHref(locale, page.path), site).href;
  const alternates = [
    ...page.editions.map((l) => ({ hreflang: htmlLang[l], href: abs(l) })),
    { hreflang: 'x-default', href: abs('zh') },
  ];
  const lastmod = page.lastmod && isoDate(page.lastmod);
  return page.editions.map((l) => ({ loc: abs(l), lastmod, alternates }));
}

export const GET: APIRoute = async ({ site }) => {
  const pages = await publicPages();
  return new Response(sitemapXml(pages.flatMap((p) => entries(p, site!))), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
