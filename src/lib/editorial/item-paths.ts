/**
 * Which content item a file belongs to. Editors change items, never loose files: every path the
 * CMS writes, every diff the reviewer reads and every commit the publisher makes is grouped by
 * item. Two layouts exist (see src/content.config.ts):
 *   content/<collection>/<item>/index.yaml (+ body/<lang>.md, files/…, images)   folder items
 *   content/<collection>/<item>.yaml                                            file items
 */

export interface ItemRef {
  collection: string;
  item: string;
}

/** Collections kept as one folder per item. */
export const FOLDER_COLLECTIONS = ['news', 'notices', 'pages', 'policies', 'interpretations', 'leaders', 'services'] as const;
/** Collections kept as one YAML file per item. */
export const FILE_COLLECTIONS = ['settings', 'departments', 'topics', 'genres', 'reports', 'calendar', 'life-events'] as const;
export const COLLECTIONS = [...FOLDER_COLLECTIONS, ...FILE_COLLECTIONS] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/**
 * Collections whose items name their department (`department:` in the YAML): a department's
 * editor may change these when the item is theirs. The others are the site's shared frame
 * (settings, departments, leaders, topics, genres, the calendar, life events), kept by the centre.
 */
export const DEPARTMENT_COLLECTIONS: readonly CollectionName[] = ['news', 'notices', 'pages', 'policies', 'interpretations', 'services', 'reports'];

const isFolderCollection = (c: string) => (FOLDER_COLLECTIONS as readonly string[]).includes(c);
const isFileCollection = (c: string) => (FILE_COLLECTIONS as readonly string[]).includes(c);
export const isCollection = (c: string): c is CollectionName => isFolderCollection(c) || isFileCollection(c);

/** Item names are folder or file names we make: lower-case letters, digits and hyphens. */
const ITEM = /^[a-z0-9][a-z0-9-]{0,99}$/;
export const isItemName = (name: string) => ITEM.test(name);

/**
 * The item a repository path (`content/…`, forward slashes) belongs to, or null for a path
 * outside any item: outside content/, an unknown collection, `..` or an odd name.
 */
export function itemOfPath(path: string): ItemRef | null {
  const parts = path.split('/');
  if (parts[0] !== 'content' || parts.length < 3 || parts.some((p) => p === '' || p === '.' || p === '..')) return null;
  const collection = parts[1]!;
  if (isFolderCollection(collection)) {
    if (parts.length < 4 || !isItemName(parts[2]!)) return null;
    return { collection, item: parts[2]! };
  }
  if (isFileCollection(collection)) {
    if (parts.length !== 3 || !parts[2]!.endsWith('.yaml')) return null;
    const item = parts[2]!.slice(0, -'.yaml'.length);
    return isItemName(item) ? { collection, item } : null;
  }
  return null;
}

/** The path of the item's folder (folder items) or file (file items), from the content root's parent. */
export function pathOfItem(ref: ItemRef): string {
  return isFolderCollection(ref.collection) ? `content/${ref.collection}/${ref.item}` : `content/${ref.collection}/${ref.item}.yaml`;
}

/** The item's YAML file: where its department and texts are. */
export function yamlOfItem(ref: ItemRef): string {
  return isFolderCollection(ref.collection) ? `content/${ref.collection}/${ref.item}/index.yaml` : `content/${ref.collection}/${ref.item}.yaml`;
}

export const itemKey = (ref: ItemRef) => `${ref.collection}/${ref.item}`;

/** The `department:` of an item's YAML text, read without a YAML parser: it is a top-level scalar. */
export function departmentInYaml(yaml: string): string | null {
  const m = /^department:[ \t]*['"]?([a-z0-9-]+)['"]?[ \t]*(?:#.*)?$/m.exec(yaml);
  return m ? m[1]! : null;
}
