import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { LANGS, type Body, type ContentSet, type Item } from './types.ts';

/** Every file below a folder, as paths relative to it with `/`. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

function readItem(root: string, collection: string, slug: string, file: string, folder?: string): Item {
  const source = readFileSync(file, 'utf8');
  let data: Record<string, unknown> = {};
  try {
    // The YAML 1.2 core schema keeps dates as the strings the editor wrote.
    const parsed = parse(source);
    if (parsed && typeof parsed === 'object') data = parsed;
  } catch {
    // A file that is not YAML at all is the schema step's to report.
  }
  const bodies: Body[] = [];
  if (folder) {
    for (const lang of LANGS) {
      const bodyFile = join(folder, 'body', `${lang}.md`);
      if (existsSync(bodyFile)) bodies.push({ lang, file: bodyFile, text: readFileSync(bodyFile, 'utf8') });
    }
  }
  return { collection, slug, file, source, data, bodies, files: new Set(folder ? filesBelow(folder) : []) };
}

/**
 * Reads a content folder: `<collection>/<slug>/index.yaml` with its bodies and files, and
 * `<collection>/<slug>.yaml` for single-file collections. Paths in findings start with `root`
 * as given, so `content` gives `content/news/…/index.yaml`.
 */
export function loadContent(root: string): ContentSet {
  const items: Item[] = [];
  for (const collection of readdirSync(root).sort()) {
    const dir = join(root, collection);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        const index = join(path, 'index.yaml');
        if (existsSync(index)) items.push(readItem(root, collection, name, index, path));
      } else if (name.endsWith('.yaml')) {
        items.push(readItem(root, collection, name.replace(/\.yaml$/, ''), path));
      }
    }
  }
  return { root, items };
}
