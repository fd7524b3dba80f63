/**
 * Looking at items through Keystatic's eyes, for the test that the CMS and the content model
 * agree (tests/unit/keystatic-model.test.ts).
 */
import type { ComponentSchema } from '@keystatic/core';

/**
 * Paths of the keys in a stored item that have no Keystatic field. Keystatic drops such keys
 * without a word when it saves, so every one is data an editor would destroy by saving.
 */
export function keysWithoutField(fields: Record<string, ComponentSchema>, value: unknown, path = ''): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const field = fields[key];
    return field ? keysInside(field, v, `${path}${key}`) : [`${path}${key}`];
  });
}

function keysInside(field: ComponentSchema, value: unknown, path: string): string[] {
  if (field.kind === 'object') return keysWithoutField(field.fields, value, `${path}.`);
  if (field.kind === 'array' && Array.isArray(value)) return value.flatMap((v, i) => keysInside(field.element, v, `${path}.${i}`));
  return [];
}

/**
 * What Keystatic writes for an entry it has read, unchanged: each field's value serialised as
 * the CMS serialises it when saving, without the bodies (their own files) and the slug (the
 * file or folder name).
 */
export function serialisedEntry(fields: Record<string, ComponentSchema>, entry: Record<string, unknown>, slugField?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    if (key === slugField) continue;
    const value = serialised(field, entry[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function serialised(field: ComponentSchema, value: unknown): unknown {
  switch (field.kind) {
    case 'object':
      return serialisedEntry(field.fields, (value ?? {}) as Record<string, unknown>);
    case 'array':
      return (value as unknown[]).map((v) => serialised(field.element, v) ?? null);
    case 'form':
      if (field.formKind === 'content') return undefined;
      // A reader gives an asset's stored path, which is what is written back.
      if (field.formKind === 'asset') return value ?? undefined;
      return (field.serialize as (v: unknown) => { value: unknown })(value).value;
    default:
      throw new Error(`no serialisation for a ${field.kind} field`);
  }
}
