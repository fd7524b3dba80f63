import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { normalizeUyghur } from '../uyghur-normalize.ts';
import { stringsIn, type ContentSet, type Finding } from './types.ts';

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Where a text first differs from its normal form: the character there and its code point. */
export function firstOffence(text: string): string | undefined {
  const normal = normalizeUyghur(text);
  if (normal === text) return undefined;
  let i = 0;
  while (i < text.length && text[i] === normal[i]) i++;
  const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
  const should = normal.slice(i, i + 1);
  return `"${char}" (${codePoint(char)}) at character ${i + 1}${should ? `, should be "${should}" (${codePoint(should)})` : ''}`;
}

/** Every Uyghur string of an item: anything under a `ug` key, at any depth (editions, labels, attachment titles). */
export function* uyghurStrings(value: unknown, prefix = ''): Generator<[string, string]> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* uyghurStrings(v, `${prefix}${i}.`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'ug') yield* stringsIn(v, `${prefix}ug`);
      else yield* uyghurStrings(v, `${prefix}${k}.`);
    }
  }
}

/**
 * Uyghur is normalised (STANDARDS.md §7): every Uyghur string and body/ug.md equals
 * normalizeUyghur of itself. The build normalises anyway; stored text that is not normal
 * means search, diffs and the CMS see another spelling than the page does.
 */
export function checkUyghur(set: ContentSet): Finding[] {
  const findings: Finding[] = [];
  for (const item of set.items) {
    for (const [field, text] of uyghurStrings(item.data)) {
      const offence = firstOffence(text);
      if (offence) findings.push({ file: item.file, field, message: `not normalised Uyghur: ${offence} (npm run check:content -- --fix-uyghur)` });
    }
    for (const body of item.bodies.filter((b) => b.lang === 'ug')) {
      for (const [n, line] of body.text.split('\n').entries()) {
        const offence = firstOffence(line);
        if (offence) findings.push({ file: body.file, field: `line ${n + 1}`, message: `not normalised Uyghur: ${offence} (npm run check:content -- --fix-uyghur)` });
      }
    }
  }
  return findings;
}

/**
 * The YAML source with every Uyghur scalar normalised in place: only the characters inside
 * those scalars change, so formatting, comments and the rest of the file stay as they were.
 * Normalisation touches Arabic-script letters, tatweel and Arabic-Indic digits only, never YAML
 * syntax, so a scalar's source normalises to its normalised value; the result is parsed again to
 * make sure of it.
 */
export function fixUyghurYaml(source: string): string {
  const doc = parseDocument(source);
  const ranges: [number, number][] = [];
  const collect = (node: unknown, underUg: boolean) => {
    if (isScalar(node)) {
      if (underUg && typeof node.value === 'string' && node.range && normalizeUyghur(node.value) !== node.value) ranges.push([node.range[0], node.range[1]]);
    } else if (isMap(node)) {
      for (const pair of node.items) if (isPair(pair)) collect(pair.value, underUg || (isScalar(pair.key) && pair.key.value === 'ug'));
    } else if (isSeq(node)) {
      for (const child of node.items) collect(child, underUg);
    }
  };
  collect(doc.contents as Node, false);
  let fixed = source;
  for (const [start, end] of ranges.sort((a, b) => b[0] - a[0])) fixed = fixed.slice(0, start) + normalizeUyghur(fixed.slice(start, end)) + fixed.slice(end);
  const expected = JSON.stringify(normalizeDeep(doc.toJS()));
  if (JSON.stringify(parseDocument(fixed).toJS()) !== expected) throw new Error('normalising in place changed more than the Uyghur text');
  return fixed;
}

function normalizeDeep(value: unknown, underUg = false): unknown {
  if (typeof value === 'string') return underUg ? normalizeUyghur(value) : value;
  if (Array.isArray(value)) return value.map((v) => normalizeDeep(v, underUg));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeDeep(v, underUg || k === 'ug')]));
  return value;
}
