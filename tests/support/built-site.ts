import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';

/** The static output of `npm run build`. */
export const CLIENT = 'dist/client';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every file of the static output. */
export const builtFiles = () => walk(CLIENT);

/** Every built HTML page, by its URL path (`/zh/news/` for dist/client/zh/news/index.html). */
export function builtPages(): { url: string; file: string }[] {
  return walk(CLIENT)
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const rel = relative(CLIENT, file).split(sep).join('/');
      return { url: `/${rel.replace(/index\.html$/, '')}`, file };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

const cache = new Map<string, CheerioAPI>();
/** A built page, parsed. */
export function page(url: string): CheerioAPI {
  let $ = cache.get(url);
  if (!$) {
    const file = join(CLIENT, url.replace(/^\//, ''), url.endsWith('/') ? 'index.html' : '');
    $ = load(readFileSync(file, 'utf8'));
    cache.set(url, $);
  }
  return $;
}

/** Pages under a locale prefix, i.e. the portal's own pages (not `/`, not the server 404). */
export const localePages = () => builtPages().filter((p) => /^\/(zh|ug|en)\//.test(p.url));
