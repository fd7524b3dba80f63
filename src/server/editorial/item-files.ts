/** An item's files in the drafts or the published tree, and what the back office shows of them. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { departmentInYaml, pathOfItem, yamlOfItem, type ItemRef } from '../../lib/editorial/item-paths.ts';

export const itemExists = (root: string, ref: ItemRef): boolean => existsSync(join(root, yamlOfItem(ref)));

export function readItemYaml(root: string, ref: ItemRef): string | undefined {
  const file = join(root, yamlOfItem(ref));
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export const itemDepartment = (root: string, ref: ItemRef): string | null => departmentInYaml(readItemYaml(root, ref) ?? '');

/** Every file of the item, as paths relative to the tree's root, sorted. */
export function itemFiles(root: string, ref: ItemRef): string[] {
  const base = pathOfItem(ref);
  const full = join(root, base);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [base];
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(path);
    }
  };
  walk(base);
  return found.sort();
}

const pick = (block: unknown, ...keys: string[]): string | undefined => {
  if (!block || typeof block !== 'object') return undefined;
  for (const k of keys) {
    const v = (block as Record<string, unknown>)[k];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return undefined;
};

/** The item's name in `locale`, falling back to Chinese, then to its file name. */
export function itemTitle(yaml: string | undefined, ref: ItemRef, locale: string): string {
  let data: unknown;
  try {
    data = yaml ? parse(yaml) : undefined;
  } catch {
    return ref.item;
  }
  const d = (data ?? {}) as Record<string, unknown>;
  for (const lang of [locale, 'zh']) {
    const text = pick(d[lang], 'title', 'name', 'siteName') ?? pick(d.name, lang);
    if (text) return text;
  }
  return ref.item;
}

/**
 * Which editions the item has: a non-empty `<lang>:` block in its YAML and, for items with
 * bodies, its `body/<lang>.md` (the translation report's rule).
 */
export function itemEditions(root: string, ref: ItemRef): Record<'zh' | 'ug' | 'en', boolean> {
  let data: Record<string, unknown> = {};
  try {
    data = (parse(readItemYaml(root, ref) ?? '') ?? {}) as Record<string, unknown>;
  } catch {
    /* an unreadable draft has no editions to show */
  }
  const bodies = join(root, pathOfItem(ref), 'body');
  const hasBodies = existsSync(bodies) && statSync(bodies).isDirectory();
  const has = (lang: 'zh' | 'ug' | 'en') => {
    const block = data[lang];
    const filled = !!block && typeof block === 'object' && Object.values(block).some((v) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
    return filled && (!hasBodies || existsSync(join(bodies, `${lang}.md`)));
  };
  return { zh: has('zh'), ug: has('ug'), en: has('en') };
}
