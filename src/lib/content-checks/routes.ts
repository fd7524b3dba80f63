import { LETTER_KINDS } from '../../server/cases/letter-settings.ts';
import { FACETS } from '../catalogue-filter.ts';
import { inCollection, type ContentSet } from './types.ts';

/**
 * The portal's URL shapes (src/pages/, DESIGN.md §4), answered from the content folder alone so
 * that links are checked without building the site. Every locale has the same paths: an item
 * without a Uyghur or English edition still has its page there (the Chinese text, marked).
 */
const STATIC = new Set([
  '', 'news', 'notices', 'policies', 'interpretations', 'reports', 'services', 'departments', 'disclosure',
  'disclosure/guide', 'letters', 'letters/published', 'letters/statistics', 'letters/status', 'search', 'sitemap',
  'interaction', 'publishing', 'services/a-z', 'services/status', 'policies/filter',
  'news/rss.xml', 'notices/rss.xml', 'policies/rss.xml', 'interpretations/rss.xml', 'policies/catalogue.json',
  ...LETTER_KINDS.map((kind) => `letters/write/${kind}`),
]);
const LOCALES = new Set(['zh', 'ug', 'en']);
const PAGED = new Set(['news', 'notices', 'policies', 'interpretations']);

export interface Routes {
  /** True when `path` (no query or fragment) is a page or file the built portal has. */
  has(path: string): boolean;
}

export function routesOf(set: ContentSet): Routes {
  const slugs = (collection: string) => new Set(inCollection(set, collection).map((i) => i.slug));
  const items: Record<string, Set<string>> = {
    news: slugs('news'), notices: slugs('notices'), interpretations: slugs('interpretations'), policies: slugs('policies'),
    reports: slugs('reports'), departments: slugs('departments'), services: slugs('services'),
  };
  const pages = slugs('pages');
  const services = inCollection(set, 'services');
  const facetValues: Record<string, Set<string>> = {
    department: slugs('departments'), topic: slugs('topics'), genre: slugs('genres'),
    year: new Set(inCollection(set, 'policies').map((p) => String(p.data.published ?? '').slice(0, 4))),
    validity: new Set(['valid', 'amended', 'repealed', 'expired']),
  };
  const files = new Set(set.items.flatMap((i) => [...i.files].filter((f) => f.startsWith('files/')).map((f) => `${i.collection}/${i.slug}/${f.slice(6)}`)));

  function inLocale(rest: string): boolean {
    if (STATIC.has(rest) || pages.has(rest)) return true;
    const s = rest.split('/');
    const [column, a, b, c, d] = s;
    if (s.length === 2 && column && items[column]?.has(a!)) return true;
    if (PAGED.has(column!) && a === 'page' && s.length === 3) return /^[1-9]\d*$/.test(b!) && Number(b) >= 2;
    if (column === 'policies' && (FACETS as readonly string[]).includes(a!) && facetValues[a!]!.has(b!))
      return s.length === 3 || (s.length === 5 && c === 'page' && /^[1-9]\d*$/.test(d!) && Number(d) >= 2);
    if (column === 'services' && s.length === 3) {
      if (a === 'audience') return b === 'person' || b === 'business';
      if (a === 'event') return slugs('life-events').has(b!);
      if (a === 'department') return services.some((g) => g.data.department === b);
      const guide = services.find((g) => g.slug === a);
      if (guide && (b === 'ask' || b === 'ratings')) return true;
      if (guide && b === 'apply') return guide.data.form !== undefined;
    }
    return false;
  }

  return {
    has(path: string) {
      if (path === '/' || path === '/sitemap.xml' || path === '/robots.txt') return true;
      const file = /^\/files\/(.+)$/.exec(path);
      if (file) return files.has(file[1]!);
      const match = /^\/([a-z]{2})\/(.*?)\/?$/.exec(path);
      return !!match && LOCALES.has(match[1]!) && inLocale(match[2]!);
    },
  };
}

/** The address of an item's page in a locale (`/zh/news/<slug>/`; pages sit at `/zh/<slug>/`). */
export function pageUrl(collection: string, slug: string, lang: string): string {
  return collection === 'pages' ? `/${lang}/${slug}/` : `/${lang}/${collection}/${slug}/`;
}
