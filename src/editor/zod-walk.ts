/**
 * Reading the content model's zod schemas from the outside: what kind of value a schema takes,
 * what wraps it, and the editor hints it carries. Shared by the Keystatic mapper and the save
 * tidier, which must agree on how a schema is seen through its wrappers.
 */
import { z } from 'astro/zod';
import type { FieldMeta } from '../content/model/helpers.ts';

/** The editor hints of a schema itself (zod merges a clone's hints with its parent's). */
export const hintsOf = (schema: z.ZodType): FieldMeta => (z.globalRegistry.get(schema) as FieldMeta | undefined) ?? {};

/** The schema's kind as zod names it (`string`, `object`, `optional`, `pipe`…). */
export const kindOf = (schema: z.ZodType): string => schema.def.type;

export interface Unwrapped {
  /** The schema inside any optional, default and pipe wrappers. */
  inner: z.ZodType;
  /** Whether a missing value is accepted (optional, or filled in by a default). */
  optional: boolean;
  /** The default zod fills in, when there is one. */
  defaultValue?: unknown;
  /** The hints of the wrappers and the inner schema; the outermost wins (it is the use site). */
  hints: FieldMeta;
  /** Inside a Uyghur edition: `z.preprocess(normalise, …)` marked `lang: 'ug'`. */
  uyghur: boolean;
}

/**
 * Looks through `optional`, `default` and the two pipes the model uses: `z.preprocess(fn, X)`
 * (a transform into X: X is what is stored) and `X.transform(fn)` (a reference: X is stored).
 */
export function unwrap(schema: z.ZodType): Unwrapped {
  let inner = schema;
  let optional = false;
  let defaultValue: unknown;
  const layers: FieldMeta[] = [];
  for (;;) {
    layers.push(hintsOf(inner));
    if (inner instanceof z.ZodOptional) {
      optional = true;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodDefault) {
      optional = true;
      defaultValue ??= structuredClone(inner.def.defaultValue);
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodPipe && inner.in instanceof z.ZodTransform) {
      inner = inner.out as z.ZodType;
    } else if (inner instanceof z.ZodPipe && inner.out instanceof z.ZodTransform) {
      inner = inner.in as z.ZodType;
    } else {
      break;
    }
  }
  const hints = Object.assign({}, ...layers.reverse()) as FieldMeta;
  return { inner, optional, defaultValue, hints, uyghur: layers.some((h) => h.lang === 'ug') };
}

/** The fields of an object, or of a union of objects seen as one object with every key of every variant. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  if (schema instanceof z.ZodUnion) {
    const variants = (schema.options as z.ZodType[]).map(objectShape);
    if (variants.some((v) => v === null)) return null;
    const merged: Record<string, z.ZodType> = {};
    for (const variant of variants) for (const [key, field] of Object.entries(variant!)) merged[key] ??= field;
    // The keys that tell the variants apart first (a holiday's `date`, or `from` and `to`), then the shared ones.
    const everywhere = keysInEveryVariant(schema);
    return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => Number(everywhere.has(a)) - Number(everywhere.has(b))));
  }
  return null;
}

/** For a union of objects: the keys every variant has. */
export function keysInEveryVariant(schema: z.ZodUnion): Set<string> {
  const shapes = (schema.options as z.ZodType[]).map((o) => Object.keys(objectShape(o) ?? {}));
  return new Set(shapes[0]!.filter((key) => shapes.every((s) => s.includes(key))));
}
