import { markdownRefs, textRefs } from './markdown-refs.ts';
import { pageUrl, routesOf, type Routes } from './routes.ts';
import { stringsIn, type ContentSet, type Finding, type Item } from './types.ts';

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** YAML keys that name a file in the item's files/ folder. */
const FILE_FIELDS = new Set(['file', 'blank', 'sample']);

/**
 * Internal links resolve. Rules:
 * - a path on the portal (`/zh/…`, `/files/…`, or an absolute URL on the site's own domain)
 *   must be a page or file the portal has (routes.ts: the URL shapes of src/pages/ filled in
 *   from the content folder), in any locale, since every locale has every item's page;
 * - a relative link in a body resolves against the page it is shown on
 *   (`/zh/news/<slug>/`), as a browser does: `../other-item/` is a sibling item;
 * - an attachment, blank form or sample listed in the YAML (`files/…`) is in the item's
 *   files/ folder;
 * - other schemes (https to elsewhere, mailto, tel) and `#fragments` are not checked.
 * Images in bodies are the images check's.
 */
export function checkLinks(set: ContentSet): Finding[] {
  const routes = routesOf(set);
  const domain = set.items.find((i) => i.collection === 'settings' && i.slug === 'site')?.data.domain;
  const findings: Finding[] = [];
  for (const item of set.items) {
    for (const [field, text] of stringsIn(item.data, '')) {
      const key = field.split('.').pop()!;
      if (FILE_FIELDS.has(key) && text.startsWith('files/')) {
        if (!item.files.has(text)) findings.push({ file: item.file, field, message: `${text} is not in the item's files/ folder` });
        continue;
      }
      for (const ref of textRefs(text)) {
        const problem = problemWith(ref.href, undefined, routes, domain, item);
        if (problem) findings.push({ file: item.file, field, message: problem });
      }
    }
    for (const body of item.bodies) {
      const page = pageUrl(item.collection, item.slug, body.lang);
      for (const ref of markdownRefs(body.text).filter((r) => r.kind === 'link')) {
        const problem = problemWith(ref.href, page, routes, domain, item);
        if (problem) findings.push({ file: body.file, field: `line ${ref.line}`, message: problem });
      }
    }
  }
  return findings;
}

function problemWith(href: string, page: string | undefined, routes: Routes, domain: unknown, item: Item): string | undefined {
  if (!href || href.startsWith('#')) return undefined;
  let path: string;
  if (EXTERNAL.test(href)) {
    const url = URL.canParse(href) ? new URL(href) : undefined;
    if (!url || !/^https?:$/.test(url.protocol) || url.hostname !== domain) return undefined;
    path = url.pathname;
  } else if (href.startsWith('/')) {
    path = href.replace(/[?#].*$/, '');
  } else if (page) {
    path = new URL(href, `https://portal.invalid${page}`).pathname;
  } else {
    return undefined;
  }
  path = safeDecode(path);
  if (routes.has(path)) return undefined;
  const local = /^files\/[^/]+$/.test(href) && item.files.has(href);
  return local
    ? `link ${href} resolves to ${path}, which is not on the portal; attachments are at /files/${item.collection}/${item.slug}/${href.slice(6)}`
    : `link ${href} goes to ${path}, which is not a page or file of the portal`;
}

const safeDecode = (path: string) => {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
};
