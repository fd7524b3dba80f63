/**
 * What Keystatic writes, brought back to how our files say things. Keystatic has no optional
 * objects and writes every default: a new item gets `featured: false`, `attachments: []`, an
 * empty `ug: { keywords: [] }` edition and `copies: 0` on every material. Guided by the content
 * model, this leaves out what zod would fill in anyway:
 * - a value that is empty (`''`, `[]`, or an object left with nothing in it) where the schema
 *   lets it be missing: an edition nobody wrote is no edition;
 * - a default value the file did not already say (what the file says stays said).
 */
import { z } from 'astro/zod';
import { isDeepStrictEqual } from 'node:util';
import { objectShape, unwrap } from '../zod-walk.ts';
import { Stamp } from './yaml-style.ts';

/** `2024-05-09T10:30:00+08:00` */
const beijingText = (instant: Date) => `${new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Stamp) && !(v instanceof Date);
const rank = (keys: string[], key: string) => (keys.includes(key) ? keys.indexOf(key) : keys.length);
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isRecord(v) && Object.keys(v).length === 0);

/**
 * The posted value as it should be stored, or undefined when it should be left out.
 * `before` is the item's value in the file on disk (undefined for a new item or key).
 */
export function tidy(schema: z.ZodType, posted: unknown, before: unknown): unknown {
  const { inner, optional, defaultValue, hints } = unwrap(schema);
  let value = posted;
  // Publish times are kept in Beijing time, whatever zone they were sent in.
  if (inner instanceof z.ZodDate && hints.kind === 'beijingDateTime' && posted instanceof Stamp) value = new Stamp(beijingText(posted.toDate()));
  const shape = objectShape(inner);
  if (shape && isRecord(posted)) {
    const out: Record<string, unknown> = {};
    // In the model's order, so that a key new to the file is placed where the model has it.
    const known = Object.keys(shape);
    const keys = Object.keys(posted).sort((a, b) => rank(known, a) - rank(known, b));
    for (const key of keys) {
      const v = posted[key];
      // A key the model does not know is kept for zod to judge, never dropped silently.
      const tidied = key in shape ? tidy(shape[key]!, v, isRecord(before) ? before[key] : undefined) : v;
      if (tidied !== undefined) out[key] = tidied;
    }
    value = out;
  } else if (Array.isArray(posted) && inner instanceof z.ZodArray) {
    const element = inner.element as z.ZodType;
    value = posted.map((v, i) => tidy(element, v, Array.isArray(before) ? before[i] : undefined) ?? null);
  }
  if (optional && isEmpty(value)) return undefined;
  if (defaultValue !== undefined && before === undefined && isDeepStrictEqual(value, defaultValue)) return undefined;
  return value;
}

/** Paths of keys the model does not know (zod would drop them without a word). */
export function unknownKeys(schema: z.ZodType, value: unknown, path = ''): string[] {
  const { inner } = unwrap(schema);
  const shape = objectShape(inner);
  if (shape && isRecord(value)) {
    return Object.entries(value).flatMap(([key, v]) => (key in shape ? unknownKeys(shape[key]!, v, `${path}${key}.`) : [`${path}${key}`]));
  }
  if (Array.isArray(value) && inner instanceof z.ZodArray) return value.flatMap((v, i) => unknownKeys(inner.element as z.ZodType, v, `${path}${i}.`));
  return [];
}
