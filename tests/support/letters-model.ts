import { magicType, type FileContent } from './fuzz.ts';

/**
 * The letter rules as STANDARDS.md §4 and the form's hints state them, written out here apart from
 * src/server so that the fuzz tests hold the server to them: what a field becomes once cleaned (and
 * so what the form must show again, and what must be stored), and which problem each field has.
 */
export const TEXT_FIELDS = ['title', 'body', 'name', 'phone', 'email', 'publish'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
/** The order the form lists its fields in, and so its error summary. */
export const SUMMARY_ORDER = ['title', 'body', 'name', 'phone', 'email', 'publish', 'attachments'] as const;
export type Field = (typeof SUMMARY_ORDER)[number];
export type Problem = 'required' | 'tooShort' | 'tooLong' | 'invalid' | 'encoding' | 'fileTooLarge' | 'fileType' | 'tooManyFiles';
export type Values = Record<TextField, string>;

export const LIMITS = { title: [10, 25], body: [10, 600], name: 50, phoneDigits: [7, 15], email: 254, files: 3, fileBytes: 1024 * 1024 } as const;

// Control characters other than tab and newline are dropped; line ends become \n; text is NFC.
const clean = (s: string) => s.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
const oneLine = (s: string) => clean(s).replace(/\s+/g, ' ').trim();
const codePoints = (s: string) => [...s].length;
const garbled = (s: string) => s.includes('\uFFFD');

function textProblem(value: string, min: number, max: number): Problem | undefined {
  if (value === '') return 'required';
  if (garbled(value)) return 'encoding';
  if (codePoints(value) < min) return 'tooShort';
  if (codePoints(value) > max) return 'tooLong';
  return undefined;
}

/** The cleaned values of a letter and its problems, from the text each field was read as. */
export function modelLetter(raw: Partial<Record<TextField, string>>): { values: Values; problems: Partial<Record<Field, Problem>> } {
  const publish = raw.publish ?? '';
  const values: Values = {
    title: oneLine(raw.title ?? ''),
    body: clean(raw.body ?? '').trim(),
    name: oneLine(raw.name ?? ''),
    phone: oneLine(raw.phone ?? ''),
    email: oneLine(raw.email ?? ''),
    publish: publish === 'yes' || publish === 'no' ? publish : '',
  };
  const problems: Partial<Record<Field, Problem>> = {};
  const set = (f: Field, p: Problem | undefined) => { if (p) problems[f] = p; };
  set('title', textProblem(values.title, LIMITS.title[0], LIMITS.title[1]));
  set('body', textProblem(values.body, LIMITS.body[0], LIMITS.body[1]));
  set('name', textProblem(values.name, 1, LIMITS.name));
  const digits = values.phone.replace(/\D/g, '').length;
  set('phone', values.phone === '' ? 'required' : !/^\+?[0-9()\-\s]+$/.test(values.phone) || digits < LIMITS.phoneDigits[0] || digits > LIMITS.phoneDigits[1] ? 'invalid' : undefined);
  set('email', values.email !== '' && (garbled(values.email) || values.email.length > LIMITS.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) ? 'invalid' : undefined);
  set('publish', values.publish === '' ? 'required' : undefined);
  return { values, problems };
}

/**
 * What the attachment checks make of the chosen files: a problem found by count, size or type
 * (certain), or `undecided` when an image must be decoded to know (a cut or noisy PNG or JPEG may
 * or may not decode; it is only tried once everything else is right).
 */
export function modelFiles(files: readonly { bytes: Uint8Array; content: FileContent }[]): { problem?: Problem; undecided: boolean } {
  if (files.length > LIMITS.files) return { problem: 'tooManyFiles', undecided: false };
  let undecided = false;
  for (const f of files) {
    if (f.bytes.length > LIMITS.fileBytes) return { problem: 'fileTooLarge', undecided: false };
    const type = magicType(f.bytes);
    if (!type) return { problem: 'fileType', undecided: false };
    const intactSample = f.content.kind !== 'noise' && f.content.kind !== 'oversize' && f.content.cut === undefined;
    if ((type === 'png' || type === 'jpeg') && !intactSample) undecided = true;
  }
  return { undecided };
}

/** The problems in the order the error summary lists them. */
export const inSummaryOrder = (problems: Partial<Record<Field, Problem>>) => SUMMARY_ORDER.filter((f) => problems[f]).map((f) => [f, problems[f]!] as const);
