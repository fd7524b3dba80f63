/**
 * Uyghur text is stored in normal form (STANDARDS.md §7): every string under a `ug` key, at any
 * depth (editions, and the `ug` of a name or an attachment title), and the Uyghur body.
 */
import { normalizeUyghur } from '../../lib/uyghur-normalize.ts';

function normalizeAll(value: unknown): unknown {
  if (typeof value === 'string') return normalizeUyghur(value);
  if (Array.isArray(value)) return value.map(normalizeAll);
  if (value && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeAll(v)]));
  }
  return value;
}

/** The value with the text of every `ug` entry normalised. */
export function normalizeUyghurEditions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeUyghurEditions);
  if (value && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'ug' ? normalizeAll(v) : normalizeUyghurEditions(v)]));
  }
  return value;
}
