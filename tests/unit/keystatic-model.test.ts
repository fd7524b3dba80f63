/**
 * The CMS (Keystatic) and the content model (src/content/model/) agree on every item in
 * content/: Keystatic has a field for every key (it drops the others when it saves), reads every
 * item with its own reader, and an item opened and saved unchanged is the same file, which zod
 * parses to the same values.
 */
import { readFileSync } from 'node:fs';
import { createReader } from '@keystatic/core/reader';
import { fields as ks, type ComponentSchema } from '@keystatic/core';
import { dump, load } from 'js-yaml';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import config from '../../keystatic.config.ts';
import { COLLECTION_LAYOUTS, type ModelCollection } from '../../src/content/model/index.ts';
import { FILE_COLLECTIONS, FOLDER_COLLECTIONS } from '../../src/lib/editorial/item-paths.ts';
import { COLLECTIONS, fieldsOf, model } from '../../src/editor/collections.ts';
import { fieldFor, UnmappableSchema } from '../../src/editor/fields-from-zod.ts';
import { canonicalItem } from '../../src/editor/save/canonical-item.ts';
import { asSiteReadsIt, readDocument, writeDocument } from '../../src/editor/save/yaml-style.ts';
import { keysWithoutField, serialisedEntry } from '../support/keystatic-model.ts';

const reader = createReader(process.cwd(), config);

interface Item {
  collection: ModelCollection;
  slug: string;
  file: string;
  read: () => Promise<Record<string, unknown>>;
}

/** Every item of content/, with the file its facts are in and Keystatic's reading of it. */
async function allItems(): Promise<Item[]> {
  const items: Item[] = [];
  for (const collection of COLLECTIONS) {
    const { dir, layout } = COLLECTION_LAYOUTS[collection];
    if (layout === 'single') {
      items.push({ collection, slug: 'site', file: `content/${dir}/site.yaml`, read: () => reader.singletons[collection]!.readOrThrow() as Promise<Record<string, unknown>> });
      continue;
    }
    for (const slug of await reader.collections[collection]!.list()) {
      const file = layout === 'folder' ? `content/${dir}/${slug}/index.yaml` : `content/${dir}/${slug}.yaml`;
      items.push({ collection, slug, file, read: () => reader.collections[collection]!.readOrThrow(slug) as Promise<Record<string, unknown>> });
    }
  }
  return items;
}

const items = await allItems();
const slugFieldOf = (collection: ModelCollection) => (COLLECTION_LAYOUTS[collection].layout === 'single' ? undefined : 'slug');

describe('the CMS and the content model', () => {
  it('has a Keystatic collection for every collection of src/content.config.ts', () => {
    const source = readFileSync('src/content.config.ts', 'utf8');
    const declared = [.../export const collections = \{([^}]*)\}/.exec(source)![1]!.matchAll(/^\s*(\w+)[,:]/gm)].map((m) => m[1]!);
    const inCms = new Set([...Object.keys(config.collections ?? {}), ...Object.keys(config.singletons ?? {})]);
    expect(declared.length).toBeGreaterThan(10);
    for (const name of declared) {
      // The bodies collections are the Markdown files of their item's `body` field.
      const bodiesOf = /^(\w+)Bodies$/.exec(name)?.[1];
      if (bodiesOf) expect(COLLECTION_LAYOUTS[bodiesOf as ModelCollection]?.bodies, name).toBe(true);
      else expect(inCms.has(name), `${name} has no Keystatic collection`).toBe(true);
    }
  });

  it('keeps each collection where the editorial paths (item-paths.ts) look for it', () => {
    const layouts = Object.values(COLLECTION_LAYOUTS);
    expect(layouts.filter((l) => l.layout === 'folder').map((l) => l.dir).sort()).toEqual([...FOLDER_COLLECTIONS].sort());
    expect(layouts.filter((l) => l.layout !== 'folder').map((l) => l.dir).sort()).toEqual([...FILE_COLLECTIONS].sort());
  });

  it('finds items in every collection', () => {
    expect(items.length).toBeGreaterThan(150);
    for (const collection of COLLECTIONS) expect(items.some((i) => i.collection === collection), collection).toBe(true);
  });

  it('has a Keystatic field for every key of every item in content/', () => {
    const missing = items.flatMap((item) => keysWithoutField(fieldsOf(item.collection), load(readFileSync(item.file, 'utf8'))).map((key) => `${item.file}: ${key}`));
    expect(missing).toEqual([]);
  });

  it('would notice a key the CMS has no field for', () => {
    const news = items.find((i) => i.collection === 'news')!;
    const { zh, ...rest } = fieldsOf('news');
    const withoutTitle = { ...rest, zh: ks.object({ ...(zh as { fields: Record<string, ComponentSchema> }).fields, title: undefined! }) };
    delete (withoutTitle.zh as { fields: Record<string, unknown> }).fields.title;
    expect(keysWithoutField(withoutTitle, load(readFileSync(news.file, 'utf8')))).toEqual(['zh.title']);
  });

  it('reads every item with Keystatic’s reader, and saving it unchanged rewrites nothing and parses as zod parses the file', async () => {
    for (const item of items) {
      const text = readFileSync(item.file, 'utf8');
      const entry = await item.read().catch((e: unknown) => {
        throw new Error(`${item.file}: Keystatic cannot read it: ${e instanceof Error ? e.message : String(e)}`);
      });
      // What the CMS would post on save, through the server's canonical writer.
      const posted = dump(serialisedEntry(fieldsOf(item.collection), entry, slugFieldOf(item.collection)));
      const schema = model[item.collection];
      const saved = canonicalItem({ posted, onDisk: text, schema });
      expect(saved.text, item.file).toBe(text);
      // The values themselves, apart from how the file writes them.
      expect(schema.parse(asSiteReadsIt(saved.value)), item.file).toEqual(schema.parse(load(text)));
    }
  });

  it('keeps every YAML file of content/ in the canonical form the CMS writes', () => {
    for (const item of items) {
      const text = readFileSync(item.file, 'utf8');
      expect(writeDocument(readDocument(text)), item.file).toBe(text);
    }
  });

  it('refuses to map a schema it does not know', () => {
    expect(() => fieldFor(z.object({ when: z.map(z.string(), z.string()) }), { path: 'x', required: true, uyghur: false })).toThrow(UnmappableSchema);
  });
});
