/**
 * The item's YAML as it is stored: Keystatic's text, with Uyghur normalised, empty editions and
 * unsaid defaults left out (tidy.ts), merged into the file on disk in our style (merge-yaml.ts).
 */
import type { z } from 'astro/zod';
import { Document } from 'yaml';
import { mergeIntoDocument } from './merge-yaml.ts';
import { tidy } from './tidy.ts';
import { normalizeUyghurEditions } from './uyghur-text.ts';
import { readDocument, writeDocument, YAML_OPTIONS } from './yaml-style.ts';

export interface CanonicalItem {
  text: string;
  /** The stored values (timestamps as Stamps). */
  value: Record<string, unknown>;
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function canonicalItem(input: { posted: string; onDisk: string | null; schema: z.ZodType }): CanonicalItem {
  const posted = asRecord(readDocument(input.posted).toJS());
  // Keystatic writes `body: {}` for the bodies, which live in body/<lang>.md.
  if (JSON.stringify(posted.body) === '{}') delete posted.body;
  const before = input.onDisk === null ? undefined : readDocument(input.onDisk).toJS();
  const value = asRecord(tidy(input.schema, normalizeUyghurEditions(posted), before));
  const doc = input.onDisk === null ? new Document({}, YAML_OPTIONS) : readDocument(input.onDisk);
  mergeIntoDocument(doc, value);
  return { text: writeDocument(doc), value };
}
