/**
 * The online application form of a service, as its guide defines it in content
 * (`form:` in content/services/<code>/index.yaml). The content schema checks a definition
 * with `formDefinition`; the application route checks what a citizen sent against it with
 * `validateSubmission` (form-values.ts). Zod comes through `astro/zod` so that the content
 * schema and this one are the same Zod; nothing else of Astro is used.
 */
import { z } from 'astro/zod';
import { normalizeUyghur } from '../uyghur-normalize.ts';

/** File kinds a form may accept, named as the server's magic-byte sniffer names them. */
export const FILE_KINDS = ['pdf', 'jpeg', 'png', 'docx'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** The bounds every definition stays within, so any form fits one request the server reads. */
export const FORM_LIMITS = {
  maxFields: 30,
  maxOptions: 50,
  /** Longest text a field may ask for, in characters (code points after NFC). */
  maxTextLength: 5000,
  maxFileBytes: 10 * 1024 * 1024,
  maxFilesPerField: 5,
  /** All file fields filled to their limits: below the server's 16 MiB request limit. */
  maxUploadBytes: 15 * 1024 * 1024,
} as const;

/** Text formats with a rule of their own beyond length. */
export const TEXT_FORMATS = ['plain', 'phone', 'email', 'idCard', 'creditCode'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

const text = z.string().trim().min(1);
/** A label or help text in all three languages: a form is filled in whichever the reader reads. */
export const formText = z.object({
  zh: text,
  ug: z.preprocess((v) => (typeof v === 'string' ? normalizeUyghur(v) : v), text),
  en: text,
});
export type FormText = z.infer<typeof formText>;

/** A field name in the posted form: lower camel case, so it never collides with the route's own `_…` fields. */
const fieldId = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'must be lowerCamelCase letters and digits, at most 40');
const optionValue = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and hyphens');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isCalendarDate, 'must be a real date');
/** A date limit: a fixed day, or `today` (the day the form is sent, Beijing time). */
const dateBound = z.union([z.literal('today'), isoDay]);
const length = z.number().int().min(1).max(FORM_LIMITS.maxTextLength);

const common = { id: fieldId, required: z.boolean(), label: formText, help: formText.optional() };

export const textField = z
  .object({
    ...common,
    type: z.literal('text'),
    format: z.enum(TEXT_FORMATS).default('plain'),
    multiline: z.boolean().default(false),
    minLength: length.optional(),
    maxLength: length,
  })
  .refine((f) => f.minLength === undefined || f.minLength <= f.maxLength, { message: 'minLength is above maxLength', path: ['minLength'] })
  .refine((f) => !f.multiline || f.format === 'plain', { message: 'only plain text can be multiline', path: ['multiline'] });

export const numberField = z
  .object({
    ...common,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    /** Digits allowed after the decimal point; 0 for whole numbers. */
    decimals: z.number().int().min(0).max(4).default(0),
    unit: formText.optional(),
  })
  .refine((f) => f.min === undefined || f.max === undefined || f.min <= f.max, { message: 'min is above max', path: ['min'] });

export const dateField = z
  .object({ ...common, type: z.literal('date'), min: dateBound.optional(), max: dateBound.optional() })
  .refine((f) => !f.min || !f.max || f.min === 'today' || f.max === 'today' || f.min <= f.max, { message: 'min is after max', path: ['min'] });

export const choiceField = z
  .object({
    ...common,
    type: z.literal('choice'),
    multiple: z.boolean().default(false),
    options: z.array(z.object({ value: optionValue, label: formText })).min(2).max(FORM_LIMITS.maxOptions),
    minChoices: z.number().int().min(1).optional(),
    maxChoices: z.number().int().min(1).optional(),
  })
  .refine((f) => new Set(f.options.map((o) => o.value)).size === f.options.length, { message: 'option values must be unique', path: ['options'] })
  .refine((f) => f.multiple || (f.minChoices === undefined && f.maxChoices === undefined), { message: 'minChoices and maxChoices need multiple: true', path: ['multiple'] })
  .refine((f) => (f.maxChoices ?? f.options.length) <= f.options.length && (f.minChoices ?? 1) <= (f.maxChoices ?? f.options.length), {
    message: 'minChoices ≤ maxChoices ≤ the number of options',
    path: ['maxChoices'],
  });

export const fileField = z
  .object({
    ...common,
    type: z.literal('file'),
    accept: z.array(z.enum(FILE_KINDS)).min(1),
    maxBytes: z.number().int().min(1024).max(FORM_LIMITS.maxFileBytes),
    maxFiles: z.number().int().min(1).max(FORM_LIMITS.maxFilesPerField).default(1),
  })
  .refine((f) => new Set(f.accept).size === f.accept.length, { message: 'a file kind is listed twice', path: ['accept'] });

export const formField = z.discriminatedUnion('type', [textField, numberField, dateField, choiceField, fileField]);
export type FormField = z.infer<typeof formField>;
export type FieldOfType<T extends FormField['type']> = Extract<FormField, { type: T }>;

/** A service's online application form. */
export const formDefinition = z
  .object({ fields: z.array(formField).min(1).max(FORM_LIMITS.maxFields) })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.fields.forEach((f, i) => {
      if (seen.has(f.id)) ctx.addIssue({ code: 'custom', message: `field id "${f.id}" is used twice`, path: ['fields', i, 'id'] });
      seen.add(f.id);
    });
    const upload = uploadBytes(form.fields);
    if (upload > FORM_LIMITS.maxUploadBytes) {
      ctx.addIssue({ code: 'custom', message: `the file fields together allow ${upload} bytes, more than ${FORM_LIMITS.maxUploadBytes} fit one request`, path: ['fields'] });
    }
  });
export type FormDefinition = z.infer<typeof formDefinition>;

/** The most bytes a filled form's files can reach: what the route's request limit must allow. */
export function uploadBytes(fields: readonly FormField[]): number {
  return fields.reduce((sum, f) => (f.type === 'file' ? sum + f.maxBytes * f.maxFiles : sum), 0);
}

/** True for `YYYY-MM-DD` strings that name a day of the Gregorian calendar. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
