/**
 * The CMS exists only in the editor build. Keystatic in local mode writes whatever it is sent,
 * so the public build (dist/) must hold none of it: no Keystatic, no React, no route under
 * /keystatic or /api/keystatic. (The back office links staff to the editor's own address, so
 * the word alone is allowed.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { base } from '../support/letters.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('the public build', () => {
  it('contains nothing of Keystatic or React', () => {
    const all = files('dist');
    expect(all.length).toBeGreaterThan(100);
    const found = all.filter((file) => {
      const text = readFileSync(file, 'latin1');
      // robots.txt may tell crawlers to keep out of /keystatic; nothing else may name it.
      const named = file.endsWith('robots.txt') ? text.split('\n').filter((l) => !/^Disallow: \/(api\/)?keystatic/.test(l)).join('\n') : text;
      // (Astro's runtime names "@astrojs/react" in an error message, so React is looked for by its DOM renderer.)
      return /@keystatic\/|keystatic-(core|astro|page)|\/api\/keystatic|react-dom/i.test(named);
    });
    expect(found).toEqual([]);
  });

  it('answers no CMS page or API: the running portal has none', async () => {
    for (const path of ['/keystatic', '/keystatic/collection/news', '/api/keystatic/tree']) {
      const res = await fetch(`${base()}${path}`, { redirect: 'manual' });
      expect(res.status, path).toBe(404);
    }
    const write = await fetch(`${base()}/api/keystatic/update`, { method: 'POST', headers: { Origin: base(), 'Content-Type': 'application/json' }, body: '{"additions":[],"deletions":[]}' });
    expect(write.status).toBe(404);
  });
});
