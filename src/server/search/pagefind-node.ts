import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locale } from '../../i18n/locales.ts';
import { htmlLang } from '../../i18n/locales.ts';

/**
 * The Pagefind index, loaded in Node: its `pagefind.js` fetches its files, so fetches under a
 * private base URL are answered from dist/client/pagefind/ on disk. Each language has its own
 * index folder (pagefind/<locale>/, see scripts/build-search-index.ts) and its own instance.
 */
const BASE = 'http://pagefind.internal/pagefind/';
const dir = () => resolve(process.env.STATIC_DIR ?? 'dist/client', 'pagefind');

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
export interface PagefindSearch {
  results: { id: string; score: number; data: () => Promise<PagefindResultData> }[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
export interface PagefindInstance {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options?: { filters?: Record<string, string | string[]>; sort?: Record<string, 'asc' | 'desc'> }) => Promise<PagefindSearch | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

let fetchPatched = false;
function serveIndexFiles() {
  if (fetchPatched) return;
  fetchPatched = true;
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(BASE)) return original(input, init);
    const path = join(dir(), decodeURIComponent(url.slice(BASE.length).split('?')[0]!));
    if (!path.startsWith(dir())) return new Response(null, { status: 404 });
    try {
      const body = await readFile(path);
      return new Response(body, { headers: { 'content-type': path.endsWith('.js') ? 'text/javascript' : path.includes('wasm') ? 'application/wasm' : 'application/octet-stream' } });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}

const instances = new Map<Locale, Promise<PagefindInstance>>();

/** The Pagefind instance for a locale's index, created once per process. */
export function pagefindFor(locale: Locale): Promise<PagefindInstance> {
  let instance = instances.get(locale);
  if (!instance) {
    instance = (async () => {
      serveIndexFiles();
      // A module of its own per language: Pagefind keeps its WebAssembly in module state, and
      // the languages load different builds of it (English stems, the others do not).
      const url = `${pathToFileURL(join(dir(), locale, 'pagefind.js')).href}?language=${locale}`;
      const module = (await import(url)) as { createInstance: (o: Record<string, unknown>) => PagefindInstance };
      // Pagefind chooses its index from <html lang>; in Node there is no document, so one is
      // lent for the moment the instance is created.
      const g = globalThis as { document?: unknown };
      const had = 'document' in g;
      g.document = { querySelector: () => ({ getAttribute: () => htmlLang[locale] }) };
      let created: PagefindInstance;
      try {
        created = module.createInstance({ basePath: `${BASE}${locale}/` });
      } finally {
        if (!had) delete g.document;
      }
      // ئ must not fold into ي in Uyghur; Chinese and English keep Pagefind's folding.
      await created.options({ exactDiacritics: locale === 'ug', excerptLength: 36 });
      await created.init();
      return created;
    })();
    instances.set(locale, instance);
  }
  return instance;
}
