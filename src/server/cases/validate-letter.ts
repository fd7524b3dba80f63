/**
 * Checks the text fields of a letter against LETTER_LIMITS. Returns the cleaned values (always,
 * so the form can be shown again with what the citizen typed) and a problem per field.
 */
import { LETTER_LIMITS } from './letter-settings.ts';
import { textField } from '../forms/read-form.ts';

/** The form's fields in the order it shows them; `verification` is the proof of work (PROOF_OF_WORK). */
export const LETTER_FIELDS = ['title', 'body', 'name', 'phone', 'email', 'publish', 'attachments', 'verification'] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];
export type FieldProblem =
  | 'required' | 'tooShort' | 'tooLong' | 'invalid' | 'encoding'
  | 'fileTooLarge' | 'fileType' | 'tooManyFiles'
  | 'expired' | 'used';
export type LetterProblems = Partial<Record<LetterField, FieldProblem>>;

export interface LetterValues {
  title: string;
  body: string;
  name: string;
  phone: string;
  email: string;
  /** The citizen's answer to "may we publish it?": '' until chosen. */
  publish: '' | 'yes' | 'no';
}

export const emptyLetter: LetterValues = { title: '', body: '', name: '', phone: '', email: '', publish: '' };

const length = (s: string) => [...s].length;
// Control characters other than tab and newline have no place in a letter; drop them.
const clean = (s: string) => s.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
const oneLine = (s: string) => clean(s).replace(/\s+/g, ' ').trim();
// The decoder puts U+FFFD where the bytes were not UTF-8: the text we got is not what was typed.
const garbled = (s: string) => s.includes('\uFFFD');

function textProblem(value: string, limits: { min?: number; max: number }, required = true): FieldProblem | undefined {
  if (value === '') return required ? 'required' : undefined;
  if (garbled(value)) return 'encoding';
  if (limits.min !== undefined && length(value) < limits.min) return 'tooShort';
  if (length(value) > limits.max) return 'tooLong';
  return undefined;
}

const PHONE = /^\+?[0-9()\-\s]+$/;
// Deliberately loose (one @, a dot in the domain, no spaces): the department replies by phone anyway.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The letter's text fields, cleaned, and what is wrong with them. */
export function validateLetterFields(form: FormData): { values: LetterValues; problems: LetterProblems } {
  const publish = textField(form, 'publish');
  const values: LetterValues = {
    title: oneLine(textField(form, 'title')),
    body: clean(textField(form, 'body')).trim(),
    name: oneLine(textField(form, 'name')),
    phone: oneLine(textField(form, 'phone')),
    email: oneLine(textField(form, 'email')),
    publish: publish === 'yes' || publish === 'no' ? publish : '',
  };
  const problems: LetterProblems = {};
  const set = (field: LetterField, problem: FieldProblem | undefined) => { if (problem) problems[field] = problem; };
  set('title', textProblem(values.title, LETTER_LIMITS.title));
  set('body', textProblem(values.body, LETTER_LIMITS.body));
  set('name', textProblem(values.name, LETTER_LIMITS.name));
  const digits = values.phone.replace(/\D/g, '').length;
  const { minDigits, maxDigits } = LETTER_LIMITS.phone;
  set('phone', values.phone === '' ? 'required' : !PHONE.test(values.phone) || digits < minDigits || digits > maxDigits ? 'invalid' : undefined);
  set('email', values.email !== '' && (garbled(values.email) || values.email.length > LETTER_LIMITS.email.max || !EMAIL.test(values.email)) ? 'invalid' : undefined);
  set('publish', values.publish === '' ? 'required' : undefined);
  return { values, problems };
}
