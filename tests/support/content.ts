import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Reads content/ directly, so tests can compare the built site with its sources. */
export interface ItemSource { slug: string; data: Record<string, unknown> & { zh: { title: string }; ug?: { title: string }; en?: { title: string } } }

export function items(collection: string): ItemSource[] {
  const dir = join('content', collection);
  return readdirSync(dir)
    .filter((slug) => existsSync(join(dir, slug, 'index.yaml')))
    .map((slug) => ({ slug, data: parse(readFileSync(join(dir, slug, 'index.yaml'), 'utf8')) }));
}

export function departments(): string[] {
  return readdirSync('content/departments').filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
}
