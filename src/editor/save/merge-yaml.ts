/**
 * Writes an item's new values into its file on disk rather than writing a new file: what did not
 * change keeps its comments, blank lines, quoting, flow or block style and key order, so a save's
 * diff is the editor's change and nothing else. New keys go after the key they follow in the
 * posted item; new entries take our usual style (flow lists of keywords and the like, flow maps
 * of counts, a blank line before each language's block).
 */
import { isMap, isScalar, isSeq, Pair, Scalar, visit, type Document, type Node } from 'yaml';
import { Stamp } from './yaml-style.ts';

/** Lists written on one line (`keywords: [a, b]`), as in our files. */
const FLOW_LISTS = new Set(['keywords', 'audience', 'lifeEvents', 'related', 'accept']);
/** Top-level blocks that start after a blank line, in files that use blank lines. */
const SPACED_KEYS = new Set(['zh', 'ug', 'en']);

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Stamp);

function sameScalar(a: unknown, b: unknown): boolean {
  // The same instant written another way is no change (the file keeps its own writing).
  if (a instanceof Stamp && b instanceof Stamp) return a.text === b.text || a.toDate().getTime() === b.toDate().getTime();
  return a === b;
}

/** Replaces the document's content with `value`, reusing every node whose value is unchanged. */
export function mergeIntoDocument(doc: Document, value: Record<string, unknown>): void {
  doc.contents = merge(doc, doc.contents as Node | null, value, 0) as typeof doc.contents;
}

function merge(doc: Document, node: Node | null, value: unknown, depth: number): Node {
  if (isRecord(value) && isMap(node)) {
    const wanted = Object.keys(value);
    node.items = node.items.filter((pair) => wanted.includes(keyOf(pair)));
    wanted.forEach((key, i) => {
      const at = node.items.findIndex((pair) => keyOf(pair) === key);
      if (at >= 0) {
        const pair = node.items[at]!;
        pair.value = merge(doc, pair.value as Node | null, value[key], depth + 1);
        return;
      }
      const pair = newPair(doc, key, value[key], depth, node.items);
      // After the key it follows in the posted item, or first.
      const previous = i === 0 ? -1 : node.items.findIndex((p) => keyOf(p) === wanted[i - 1]);
      node.items.splice(previous + 1, 0, pair);
    });
    return node;
  }
  if (Array.isArray(value) && isSeq(node)) {
    node.items = value.map((v, i) => merge(doc, (node.items[i] as Node | undefined) ?? null, v, depth + 1));
    return node;
  }
  if (!isRecord(value) && !Array.isArray(value) && isScalar(node)) {
    if (!sameScalar(node.value, value)) {
      node.value = value;
      // The scalar keeps its quoting; a block scalar (`|-`) stays one only for text that still has lines.
      const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      if (typeof value !== 'string' || (block && !value.includes('\n'))) node.type = undefined;
      node.tag = undefined;
    }
    return node;
  }
  return newNode(doc, value);
}

const keyOf = (pair: Pair) => String(isScalar(pair.key) ? pair.key.value : pair.key);

function newPair(doc: Document, key: string, value: unknown, depth: number, siblings: Pair[]): Pair {
  const keyNode = new Scalar(key);
  // A blank line before a language's block, as the file does it (a new file does).
  const blocks = siblings.filter((p) => SPACED_KEYS.has(keyOf(p)));
  if (depth === 0 && SPACED_KEYS.has(key)) keyNode.spaceBefore = blocks.length === 0 || blocks.some((p) => isScalar(p.key) && p.key.spaceBefore === true);
  return new Pair(keyNode, newNode(doc, value, key));
}

function newNode(doc: Document, value: unknown, key?: string): Node {
  const node = doc.createNode(value) as Node;
  const flowIfUsual = (k: string | undefined, n: unknown) => {
    if (isSeq(n) && k && FLOW_LISTS.has(k) && n.items.every(isScalar)) n.flow = true;
    // A row of counts (the annual report's tables) is one line.
    if (isMap(n) && n.items.length > 0 && n.items.every((p) => isScalar(p.value) && typeof p.value.value === 'number')) n.flow = true;
  };
  flowIfUsual(key, node);
  visit(node, { Pair: (_, pair) => flowIfUsual(keyOf(pair), pair.value) });
  return node;
}
