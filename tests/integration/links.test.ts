import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT, builtFiles, builtPages, page } from '../support/built-site.ts';

/** No page links to a page, picture, stylesheet or file that the build did not produce. */
// Routes the server renders on demand (not files in dist/client); the server tests request them.
// A service's application and question pages belong to the server layer (the services hall links them).
const onDemand = [
  /^\/(zh|ug|en)\/letters\/(status|published|statistics|write\/[a-z]+)\/$/,
  /^\/(zh|ug|en)\/policies\/filter\/$/,
  /^\/(zh|ug|en)\/search\/$/,
  /^\/(zh|ug|en)\/services\/\d{12}\/(apply|ask|ratings)\/$/,
  /^\/(zh|ug|en)\/services\/status\/$/,
];
const resolves = (path: string) => {
  const target = join(CLIENT, decodeURI(path));
  if (!existsSync(target)) return false;
  return statSync(target).isDirectory() ? existsSync(join(target, 'index.html')) : true;
};

describe('internal links and assets', () => {
  it('every url() in the built stylesheets exists (fonts, pictures)', () => {
    const css = builtFiles().filter((f) => f.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    const missing = css.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)]
        .map((m) => m[1]!)
        .filter((u) => !/^(data:|https?:|#)/.test(u))
        .filter((u) => !resolves(new URL(u, 'http://x/_astro/').pathname)),
    );
    expect(missing).toEqual([]);
  });

  const pages = builtPages();
  it.each(pages.map((p) => [p.url]))('%s has no broken internal link or missing asset', (url) => {
    const $ = page(url);
    const refs = new Set<string>();
    $('[href], [src], [srcset]').each((_, el) => {
      const e = $(el);
      for (const attr of ['href', 'src']) {
        const v = e.attr(attr);
        if (v) refs.add(v);
      }
      for (const part of (e.attr('srcset') ?? '').split(',')) {
        const src = part.trim().split(/\s+/)[0];
        if (src) refs.add(src);
      }
    });
    $('form[action]').each((_, el) => { refs.add($(el).attr('action')!); });
    const broken: string[] = [];
    for (const ref of refs) {
      if (/^(https?:|mailto:|tel:|data:)/.test(ref)) continue;
      if (ref.startsWith('#')) {
        if (ref.length > 1 && $(`[id="${ref.slice(1)}"]`).length === 0) broken.push(ref);
        continue;
      }
      const path = new URL(ref, `http://x${url}`).pathname;
      if (!resolves(path) && !onDemand.some((r) => r.test(path))) broken.push(ref);
    }
    expect(broken).toEqual([]);
  });
});
