/**
 * How the portal writes its YAML: the `yaml` package's output with no line folding, flow maps
 * padded (`{ zh: 元旦, en: New Year's Day }`) and flow lists not (`[春耕, 农业生产]`). Every file in
 * content/ is in this form (a unit test checks it), so a file written back unchanged is
 * byte-identical and a save's diff shows only what the editor changed.
 *
 * Timestamps are read as `Stamp`s that keep their text: `published: 2024-05-09T10:30:00+08:00`
 * is written back exactly so, and a date-like string (`'2025-01-01'` in the calendar) stays
 * quoted, as the site's YAML reader would otherwise turn it into a date.
 */
import { parseDocument, type Document, type ScalarTag } from 'yaml';

/** A YAML timestamp, kept as written. */
export class Stamp {
  constructor(readonly text: string) {}
  /** The instant, as the site's YAML reader (js-yaml) gives it. */
  toDate = () => new Date(/^\d{4}-\d{2}-\d{2}$/.test(this.text) ? `${this.text}T00:00:00Z` : this.text);
}

// YAML 1.1's timestamp form, which js-yaml (Keystatic's and Astro's reader) also resolves.
const TIMESTAMP = /^(?:\d{4}-\d\d?-\d\d?|\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d+)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)$/;

const timestamp: ScalarTag = {
  tag: 'tag:yaml.org,2002:timestamp',
  default: true,
  identify: (value) => value instanceof Stamp,
  test: TIMESTAMP,
  resolve: (text) => new Stamp(text),
  stringify: ({ value }) => (value as Stamp).text,
};

export const YAML_OPTIONS = { customTags: [timestamp] };

/** Parses a YAML file into a document that keeps comments, blank lines and styles. */
export function readDocument(text: string): Document {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length > 0) throw new SyntaxError(doc.errors[0]!.message);
  return doc;
}

/** The document's text in the portal's form. */
export function writeDocument(doc: Document): string {
  // `yaml` pads flow lists and flow maps alike; our files pad only maps.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true }).replace(/^(\s*(?:- )*[^\s:#][^:\n]*: )\[ (.*) \]$/gm, '$1[$2]');
}

/** The value as the site reads it: timestamps become dates. */
export function asSiteReadsIt(value: unknown): unknown {
  if (value instanceof Stamp) return value.toDate();
  if (Array.isArray(value)) return value.map(asSiteReadsIt);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asSiteReadsIt(v)]));
  return value;
}
