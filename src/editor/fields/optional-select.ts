/**
 * A choice that may be left out (an optional enum without a default). Keystatic's select always
 * writes one of its options; this one offers "not set" too and then writes nothing.
 */
import { fields, type BasicFormField } from '@keystatic/core';

const UNSET = '';

export function optionalSelect(options: { label: string; description?: string; options: { label: string; value: string }[] }): BasicFormField<string> {
  const base = fields.select({ label: options.label, description: options.description, defaultValue: UNSET, options: [{ label: '（不填）', value: UNSET }, ...options.options] });
  return {
    ...base,
    serialize: (value) => ({ value: value === UNSET ? undefined : value }),
    reader: { parse: (value) => base.reader.parse(value) },
  };
}
