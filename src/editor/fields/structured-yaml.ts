/**
 * A nested structure Keystatic's fields cannot express (the online application form of a
 * service: a list of fields of five kinds, each with its own keys) edited as YAML text and
 * checked against its zod schema before it can be saved. The item's file keeps the structure
 * itself, not a string.
 */
import { fields, type FormFieldStoredValue, type SlugFormField } from '@keystatic/core';
import type { z } from 'astro/zod';
import { parse, stringify } from 'yaml';

/** The first few problems zod finds, one a line, with the path of each. */
function problemsOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '（整体）'}: ${issue.message}`)
    .join('\n');
}

export function structuredYaml(options: { label: string; description?: string; isRequired: boolean; schema: z.ZodType }): SlugFormField<string, string, string, null> {
  const base = fields.text({ label: options.label, description: options.description, multiline: true });
  const check = (text: string): string => {
    if (text.trim() === '') {
      if (options.isRequired) throw new Error(`${options.label}：不能为空`);
      return text;
    }
    let value: unknown;
    try {
      value = parse(text);
    } catch (e) {
      throw new Error(`${options.label}：不是有效的 YAML（${e instanceof Error ? e.message : String(e)}）`);
    }
    const result = options.schema.safeParse(value);
    if (!result.success) throw new Error(`${options.label}：\n${problemsOf(result.error)}`);
    return text;
  };
  const toText = (stored: unknown) => (stored === undefined || stored === null ? '' : stringify(stored, { lineWidth: 0 }));
  return {
    ...base,
    parse: (stored) => toText(stored),
    serialize: (text) => ({ value: text.trim() === '' ? undefined : (parse(text) as FormFieldStoredValue) }),
    validate: (text) => check(text),
    reader: { parse: (stored) => check(toText(stored)), parseWithSlug: () => null },
  };
}
