/**
 * Keystatic fields derived from the content model's zod schemas (src/content/model/), so that
 * the CMS edits exactly what the build accepts. Keystatic drops every key its schema does not
 * know when it saves, so a schema it cannot express must not pass unnoticed: anything this
 * mapper does not know throws, naming the field.
 *
 *   string                      text (multiline by hint; `min(1)` required; `regex` pattern)
 *   string with `ref` hint      relationship; an array of them: multiRelationship
 *   string with image/attachment hint   the relative image / attachment fields
 *   number (int)                integer / number
 *   boolean                     checkbox
 *   date                        date; with the `beijingDateTime` hint the Beijing date-time field
 *   enum                        select (optional without default: select with "not set");
 *                               an array of them: multiselect
 *   array / object              array / object
 *   union of objects            one object with every key of every variant (zod tells them apart)
 *   `structured` hint           the structure as YAML text, checked by its schema
 *   Uyghur edition              every text inside edited right to left and stored normalised
 *
 * Inside an optional object nothing is required: Keystatic has no optional objects, so an item
 * without its Uyghur edition could not even be opened; the server drops empty editions on save.
 */
import { fields, type ComponentSchema } from '@keystatic/core';
import { z } from 'astro/zod';
import type { FieldMeta } from '../content/model/helpers.ts';
import { dictionaries } from '../i18n/translate.ts';
import { beijingDateTime } from './fields/beijing-date-time.ts';
import { optionalSelect } from './fields/optional-select.ts';
import { attachmentFile, relativeImage } from './fields/relative-assets.ts';
import { uyghurText } from './fields/right-to-left.ts';
import { structuredYaml } from './fields/structured-yaml.ts';
import { keysInEveryVariant, objectShape, unwrap } from './zod-walk.ts';

interface Place {
  /** Where the field is, for error messages (`zh.keywords[]`). */
  path: string;
  /** False inside an optional object: see above. */
  required: boolean;
  /** Inside a Uyghur edition. */
  uyghur: boolean;
  /** The name to show when the schema has none (an array's elements take the array's). */
  label?: string;
}

export class UnmappableSchema extends Error {
  override name = 'UnmappableSchema';
}

/** The Keystatic field for one schema. */
export function fieldFor(schema: z.ZodType, place: Place): ComponentSchema {
  const { inner, optional, defaultValue, hints, uyghur } = unwrap(schema);
  const required = place.required && !optional;
  const inUyghur = place.uyghur || uyghur;
  const label = hints.label ?? place.label ?? place.path.split('.').at(-1)!;
  const common = { label, ...(hints.description ? { description: hints.description } : {}) };
  const child = (key: string, s: z.ZodType, childRequired: boolean) => fieldFor(s, { path: `${place.path}.${key}`, required: childRequired, uyghur: inUyghur });

  if (hints.kind === 'structured') return structuredYaml({ ...common, isRequired: required, schema: inner });

  if (inner instanceof z.ZodString || inner instanceof z.ZodStringFormat) {
    if (hints.ref) return fields.relationship({ ...common, collection: hints.ref, validation: { isRequired: required } });
    if (hints.kind === 'image') return relativeImage({ ...common, isRequired: required });
    if (hints.kind === 'attachment') return attachmentFile({ ...common, isRequired: required });
    const text = fields.text({ ...common, multiline: hints.multiline ?? false, validation: { isRequired: required && minLength(inner) > 0, ...patternOf(inner, required) } });
    return inUyghur ? uyghurText(text) : text;
  }
  if (inner instanceof z.ZodNumber) {
    const validation = { isRequired: required, ...bounds(inner) };
    const withDefault = typeof defaultValue === 'number' ? { defaultValue } : {};
    return inner.isInt ? fields.integer({ ...common, ...withDefault, validation }) : fields.number({ ...common, ...withDefault, validation });
  }
  if (inner instanceof z.ZodBoolean) return fields.checkbox({ ...common, defaultValue: defaultValue === true });
  if (inner instanceof z.ZodDate) {
    return hints.kind === 'beijingDateTime' ? beijingDateTime({ ...common, isRequired: required }) : fields.date({ ...common, validation: { isRequired: required } });
  }
  if (inner instanceof z.ZodEnum) {
    const options = optionsOf(inner, hints);
    if (optional && defaultValue === undefined) return optionalSelect({ ...common, options });
    return fields.select({ ...common, options, defaultValue: typeof defaultValue === 'string' ? defaultValue : options[0]!.value });
  }
  if (inner instanceof z.ZodArray) return arrayField(inner, common, required, place, inUyghur);
  if (inner instanceof z.ZodObject) {
    const shape = inner.shape as Record<string, z.ZodType>;
    return fields.object(Object.fromEntries(Object.entries(shape).map(([key, s]) => [key, child(key, s, required)])), common);
  }
  if (inner instanceof z.ZodUnion && objectShape(inner)) {
    const everywhere = keysInEveryVariant(inner);
    const keys = Object.entries(objectShape(inner)!);
    return fields.object(Object.fromEntries(keys.map(([key, s]) => [key, child(key, s, required && everywhere.has(key))])), common);
  }
  throw new UnmappableSchema(`no Keystatic field for the zod ${inner.def.type} at ${place.path}: add a case to src/editor/fields-from-zod.ts or a hint to the model`);
}

function arrayField(array: z.ZodArray, common: { label: string; description?: string }, required: boolean, place: Place, inUyghur: boolean): ComponentSchema {
  const element = unwrap(array.element as z.ZodType);
  const min = required ? minLength(array) : 0;
  if (element.hints.ref) return fields.multiRelationship({ ...common, collection: element.hints.ref, validation: { length: { min } } });
  if (element.inner instanceof z.ZodEnum) return fields.multiselect({ ...common, options: optionsOf(element.inner, element.hints) });
  // An element exists once added, so what it needs is required whatever the array's place.
  const item = fieldFor(array.element as z.ZodType, { path: `${place.path}[]`, required: true, uyghur: inUyghur, label: common.label });
  return fields.array(item, { ...common, itemLabel: (props: unknown) => firstText(props) ?? common.label, ...(min > 0 ? { validation: { length: { min } } } : {}) });
}

/** The first text filled in inside an array element: its name in the list. */
function firstText(props: unknown): string | undefined {
  if (!props || typeof props !== 'object') return undefined;
  const { value, fields: inner } = props as { value?: unknown; fields?: Record<string, unknown> };
  if (typeof value === 'string' && value !== '') return value;
  for (const f of Object.values(inner ?? {})) {
    const text = firstText(f);
    if (text) return text;
  }
  return undefined;
}

const checksOf = (schema: z.ZodType) => (schema.def.checks ?? []).map((c) => c._zod.def as { check: string; minimum?: number; format?: string; pattern?: RegExp; error?: (issue: object) => unknown });

const minLength = (schema: z.ZodType) => Math.max(0, ...checksOf(schema).filter((c) => c.check === 'min_length').map((c) => c.minimum ?? 0));

/** The string's regex as a Keystatic pattern; an optional field also accepts being empty. */
function patternOf(schema: z.ZodString | z.ZodStringFormat, required: boolean): { pattern?: { regex: RegExp; message: string } } {
  const own = (schema.def as { format?: string; pattern?: RegExp }).pattern;
  const check = checksOf(schema).find((c) => c.check === 'string_format' && c.pattern);
  const regex = check?.pattern ?? own;
  if (!regex) return {};
  const said = check?.error?.({});
  const message = `格式不正确${typeof said === 'string' ? `（${said}）` : ''}`;
  return { pattern: { regex: required ? regex : new RegExp(`^$|${regex.source}`, regex.flags), message } };
}

function bounds(schema: z.ZodNumber): { min?: number; max?: number } {
  return {
    ...(Number.isFinite(schema.minValue) ? { min: schema.minValue! } : {}),
    ...(Number.isFinite(schema.maxValue) ? { max: schema.maxValue! } : {}),
  };
}

/** Each value of an enum with its name from the hint: a dictionary prefix or the names themselves. */
function optionsOf(schema: z.ZodEnum, hints: FieldMeta): { label: string; value: string }[] {
  const names = hints.options;
  return (schema.options as string[]).map((value) => ({
    value,
    label: (typeof names === 'string' ? dictionaries.zh[`${names}.${value}`] : names?.[value]) ?? value,
  }));
}
