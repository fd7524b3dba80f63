/**
 * Content checks (`npm run check:content`): the rules the zod schemas cannot express, run over
 * the whole content folder. Every check is a pure function of the loaded content and answers
 * with findings that name the file and the field, so an editor can go straight to the fault.
 */
export interface Finding {
  /** The file, as a path under the content folder the checks were given (`content/news/x/index.yaml`). */
  file: string;
  /** A dotted path into the YAML (`ug.imageAlt`, `attachments.0.file`), or `line N` in a Markdown body. */
  field: string;
  message: string;
}

export const LANGS = ['zh', 'ug', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** One body/<lang>.md of an item. */
export interface Body {
  lang: Lang;
  file: string;
  text: string;
}

/** One content file: a folder item's index.yaml, or a single-file item (departments, reports…). */
export interface Item {
  collection: string;
  /** Folder name, or file name without `.yaml`. */
  slug: string;
  /** Path of the YAML file, as shown in findings. */
  file: string;
  /** The YAML source, for messages that point at a place and for the Uyghur fix. */
  source: string;
  /** The parsed YAML (dates stay strings). */
  data: Record<string, unknown>;
  bodies: Body[];
  /** Paths of every file in the item's folder, relative to it (`cover.jpg`, `files/plan.pdf`); empty for single-file items. */
  files: Set<string>;
}

export interface ContentSet {
  /** The content folder as given (`content`, or a temporary folder in tests). */
  root: string;
  items: Item[];
}

export const formatFinding = (f: Finding) => `${f.file}: ${f.field}: ${f.message}`;

/** The items of one collection. */
export const inCollection = (set: ContentSet, collection: string) => set.items.filter((i) => i.collection === collection);

/** Every string in a value with its dotted path below `prefix`. */
export function* stringsIn(value: unknown, prefix: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [prefix, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* stringsIn(v, `${prefix}.${i}`);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* stringsIn(v, prefix ? `${prefix}.${k}` : k);
}

/** The editions an item has: zh always (the schema requires it), ug and en when their block is there. */
export const editionsOf = (data: Record<string, unknown>): Lang[] =>
  LANGS.filter((lang) => data[lang] && typeof data[lang] === 'object');
