/**
 * Checks what a citizen sent against a service's form definition. The input is what a form
 * POST gives: text values by field name (a string, or several for checkboxes) and, for file
 * fields, descriptors of the uploaded files whose `type` the server sniffed from their bytes.
 * The answer is either the typed values or one problem code per field; the route turns codes
 * into messages in the reader's language (`services.problem.<code>`). Fields the definition
 * does not name are ignored, so the route may post its own.
 */
import type { FieldOfType, FileKind, FormDefinition, FormField } from './form-definition.ts';
import { isCalendarDate } from './form-definition.ts';
import { isCreditCode, isIdCardNumber } from './identity-numbers.ts';

/** An uploaded file as the route describes it: its name, the kind its bytes showed (null: none we know), its size. */
export interface SubmittedFile {
  name: string;
  type: FileKind | string | null;
  size: number;
}

export type SubmittedValues = Readonly<Record<string, string | readonly string[] | undefined>>;
export type SubmittedFiles = Readonly<Record<string, readonly SubmittedFile[] | undefined>>;

export const PROBLEMS = [
  'required', 'notSingle', 'encoding',
  'tooShort', 'tooLong', 'invalid',
  'notNumber', 'tooPrecise', 'tooSmall', 'tooLarge',
  'notDate', 'tooEarly', 'tooLate',
  'unknownOption', 'tooFewChoices', 'tooManyChoices',
  'fileType', 'fileTooLarge', 'fileEmpty', 'tooManyFiles',
] as const;
/** What is wrong with a field: a code, never a message. */
export type FieldProblem = (typeof PROBLEMS)[number];

/**
 * A field's value after checking: text, a number, a `YYYY-MM-DD` day, the chosen option value(s),
 * the files. A field left empty is null (files and multiple choices: an empty list).
 */
export type TypedValue = string | number | readonly string[] | readonly SubmittedFile[] | null;

export interface CheckOptions {
  /** Today in Beijing time, `YYYY-MM-DD`: date limits written as `today` mean this day. */
  today: string;
}

export type SubmissionResult =
  | { ok: true; values: Record<string, TypedValue>; echo: Record<string, string | string[]> }
  | { ok: false; problems: Record<string, FieldProblem>; echo: Record<string, string | string[]> };

// ---- cleaning ----------------------------------------------------------------------------

// Control characters other than tab and newline have no place in a form value.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const clean = (s: string) => s.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '');
const oneLine = (s: string) => clean(s).replace(/\s+/g, ' ').trim();
/** Characters as a reader counts them: code points, not UTF-16 units. */
const charCount = (s: string) => [...s].length;
// The decoder puts U+FFFD where the bytes were not UTF-8: what arrived is not what was typed.
const garbled = (s: string) => s.includes('\uFFFD');

/**
 * Digits as typed on any keyboard the portal's readers use: Arabic-Indic (٠–٩, Arabic keyboards),
 * extended Arabic-Indic (۰–۹, Persian and some Uyghur keyboards) and fullwidth (０–９, Chinese IMEs).
 */
export function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/g, (c) => {
    const code = c.charCodeAt(0);
    const zero = code >= 0xff10 ? 0xff10 : code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(code - zero);
  });
}

const PHONE = /^\+?[0-9()\-\s]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// ---- one field -----------------------------------------------------------------------------

type Checked = { value: TypedValue; echo: string | string[] } | { problem: FieldProblem; echo: string | string[] };

/** The single value of a one-valued field; several values for one field is a tampered form. */
function single(raw: string | readonly string[] | undefined): string | { several: string[] } {
  if (raw === undefined) return '';
  if (typeof raw === 'string') return raw;
  if (raw.length <= 1) return raw[0] ?? '';
  return { several: [...raw] };
}

function checkText(f: FieldOfType<'text'>, raw: string): Checked {
  let value = f.multiline ? clean(raw).trim() : oneLine(raw);
  if (f.format !== 'plain') value = asciiDigits(value);
  if (f.format === 'idCard' || f.format === 'creditCode') value = value.replace(/\s/g, '').toUpperCase();
  const echo = value;
  if (value === '') return f.required ? { problem: 'required', echo } : { value: null, echo };
  if (garbled(value)) return { problem: 'encoding', echo };
  if (f.minLength !== undefined && charCount(value) < f.minLength) return { problem: 'tooShort', echo };
  if (charCount(value) > f.maxLength) return { problem: 'tooLong', echo };
  if (!formatOk(f.format, value)) return { problem: 'invalid', echo };
  return { value, echo };
}

function formatOk(format: FieldOfType<'text'>['format'], value: string): boolean {
  switch (format) {
    case 'plain':
      return true;
    case 'phone': {
      const digits = value.replace(/\D/g, '').length;
      return PHONE.test(value) && digits >= 7 && digits <= 15;
    }
    case 'email':
      return EMAIL.test(value);
    case 'idCard':
      return isIdCardNumber(value);
    case 'creditCode':
      return isCreditCode(value);
  }
}

function checkNumber(f: FieldOfType<'number'>, raw: string): Checked {
  const value = asciiDigits(oneLine(raw)).replace(/\s/g, '');
  const echo = value;
  if (value === '') return f.required ? { problem: 'required', echo } : { value: null, echo };
  const m = /^([+-]?)(\d{1,15})(?:[.,](\d{1,15}))?$/.exec(value);
  if (!m) return { problem: 'notNumber', echo };
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  if (fraction.length > f.decimals) return { problem: 'tooPrecise', echo };
  const n = Number(`${m[1]}${m[2]}${fraction ? `.${fraction}` : ''}`);
  if (f.min !== undefined && n < f.min) return { problem: 'tooSmall', echo };
  if (f.max !== undefined && n > f.max) return { problem: 'tooLarge', echo };
  // -0 reads as 0 to every reader.
  return { value: n === 0 ? 0 : n, echo };
}

function checkDate(f: FieldOfType<'date'>, raw: string, options: CheckOptions): Checked {
  const value = asciiDigits(oneLine(raw));
  const echo = value;
  if (value === '') return f.required ? { problem: 'required', echo } : { value: null, echo };
  if (!isCalendarDate(value)) return { problem: 'notDate', echo };
  const day = (bound: string) => (bound === 'today' ? options.today : bound);
  // ISO days compare as strings.
  if (f.min && value < day(f.min)) return { problem: 'tooEarly', echo };
  if (f.max && value > day(f.max)) return { problem: 'tooLate', echo };
  return { value, echo };
}

function checkChoice(f: FieldOfType<'choice'>, raw: string | readonly string[] | undefined): Checked {
  const given = (raw === undefined ? [] : typeof raw === 'string' ? [raw] : [...raw]).map(oneLine).filter((v) => v !== '');
  const chosen = [...new Set(given)];
  const known = new Set(f.options.map((o) => o.value));
  if (!f.multiple) {
    const echo = chosen[0] ?? '';
    if (chosen.length === 0) return f.required ? { problem: 'required', echo } : { value: null, echo };
    if (chosen.length > 1) return { problem: 'notSingle', echo };
    return known.has(echo) ? { value: echo, echo } : { problem: 'unknownOption', echo };
  }
  const echo = chosen;
  if (chosen.length === 0) return f.required ? { problem: 'required', echo } : { value: [], echo };
  if (chosen.some((v) => !known.has(v))) return { problem: 'unknownOption', echo };
  if (f.minChoices !== undefined && chosen.length < f.minChoices) return { problem: 'tooFewChoices', echo };
  if (f.maxChoices !== undefined && chosen.length > f.maxChoices) return { problem: 'tooManyChoices', echo };
  // In the order of the definition, whatever order the browser sent them in.
  return { value: f.options.map((o) => o.value).filter((v) => chosen.includes(v)), echo };
}

function checkFiles(f: FieldOfType<'file'>, files: readonly SubmittedFile[] | undefined): Checked {
  // A browser sends one empty, nameless part for a file input left empty.
  const chosen = (files ?? []).filter((file) => !(file.size === 0 && file.name === ''));
  const echo: string[] = [];
  if (chosen.length === 0) return f.required ? { problem: 'required', echo } : { value: [], echo };
  if (chosen.length > f.maxFiles) return { problem: 'tooManyFiles', echo };
  for (const file of chosen) {
    if (file.size === 0) return { problem: 'fileEmpty', echo };
    if (file.size > f.maxBytes) return { problem: 'fileTooLarge', echo };
    if (!(f.accept as readonly (string | null)[]).includes(file.type)) return { problem: 'fileType', echo };
  }
  return { value: chosen, echo };
}

// Own properties only: a field named `constructor` must not read Object.prototype's.
const own = <T>(record: Readonly<Record<string, T | undefined>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

function checkField(f: FormField, values: SubmittedValues, files: SubmittedFiles, options: CheckOptions): Checked {
  if (f.type === 'file') return checkFiles(f, own(files, f.id));
  if (f.type === 'choice') return checkChoice(f, own(values, f.id));
  const raw = single(own(values, f.id));
  if (typeof raw !== 'string') return { problem: 'notSingle', echo: raw.several };
  switch (f.type) {
    case 'text':
      return checkText(f, raw);
    case 'number':
      return checkNumber(f, raw);
    case 'date':
      return checkDate(f, raw, options);
  }
}

// ---- the whole form --------------------------------------------------------------------------

/**
 * Checks a submission field by field. Always returns `echo`, the cleaned text of every field as
 * the form shows it again (files must be chosen again, so their echo is empty).
 */
export function validateSubmission(form: FormDefinition, values: SubmittedValues, files: SubmittedFiles, options: CheckOptions): SubmissionResult {
  const typed: Record<string, TypedValue> = {};
  const problems: Record<string, FieldProblem> = {};
  const echo: Record<string, string | string[]> = {};
  for (const field of form.fields) {
    const checked = checkField(field, values, files, options);
    echo[field.id] = checked.echo;
    if ('problem' in checked) problems[field.id] = checked.problem;
    else typed[field.id] = checked.value;
  }
  return Object.keys(problems).length ? { ok: false, problems, echo } : { ok: true, values: typed, echo };
}
