import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { parse } from 'yaml';
import { formDefinition, type FormDefinition, type FormField } from '../../src/lib/services/form-definition.ts';
import { creditCodeCheck, idCardCheck } from '../../src/lib/services/identity-numbers.ts';

/**
 * Filling a service's online form as an applicant would, from the definition in its guide:
 * a valid value for every field (real check digits, dates within bounds, real file bytes).
 */
export const ONLINE_SERVICES = ['010300101000', '011000101000', '050600101000', '051100201000', '051100401000', '200400401000'] as const;

export function definitionOf(code: string): FormDefinition {
  const guide = parse(readFileSync(`content/services/${code}/index.yaml`, 'utf8')) as { form: unknown };
  return formDefinition.parse(guide.form);
}

export const departmentOf = (code: string): string => (parse(readFileSync(`content/services/${code}/index.yaml`, 'utf8')) as { department: string }).department;

/** A minimal well-formed PDF. */
export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const idNumber = () => { const first = '65010219900101123'; return first + idCardCheck(first); };
const creditCode = () => { const first = '91650100MA7751234'; return first + creditCodeCheck(first); };

function textValue(f: Extract<FormField, { type: 'text' }>): string {
  switch (f.format) {
    case 'phone': return '13912345678';
    case 'email': return 'applicant@example.com';
    case 'idCard': return idNumber();
    case 'creditCode': return creditCode();
    default: return '测试申请内容'.repeat(Math.ceil((f.minLength ?? 1) / 6)).slice(0, Math.max(f.minLength ?? 1, Math.min(12, f.maxLength)));
  }
}

function dateValue(f: Extract<FormField, { type: 'date' }>): string {
  const day = (b: string | undefined) => (b === 'today' ? today() : b);
  const min = day(f.min);
  const max = day(f.max);
  if (min && max) return min;
  return min ?? max ?? today();
}

let images: Promise<{ jpeg: Uint8Array; png: Uint8Array }> | undefined;
const pictures = () => (images ??= (async () => {
  const base = () => sharp({ create: { width: 16, height: 16, channels: 3, background: '#c8102e' } });
  return { jpeg: new Uint8Array(await base().jpeg().toBuffer()), png: new Uint8Array(await base().png().toBuffer()) };
})());

/** A file the field accepts, by the first kind it lists. */
export async function fileFor(f: Extract<FormField, { type: 'file' }>): Promise<{ bytes: Uint8Array; type: string; name: string }> {
  const kind = f.accept[0]!;
  if (kind === 'jpeg') return { bytes: (await pictures()).jpeg, type: 'image/jpeg', name: `${f.id}.jpg` };
  if (kind === 'png') return { bytes: (await pictures()).png, type: 'image/png', name: `${f.id}.png` };
  return { bytes: PDF, type: 'application/pdf', name: `${f.id}.pdf` };
}

/** A value that passes a text, number or date field; the option values to choose for a choice field. */
export function validValue(f: Exclude<FormField, { type: 'file' }>): string | string[] {
  switch (f.type) {
    case 'text': return textValue(f);
    case 'number': return String(f.min ?? (f.max !== undefined ? Math.min(1, f.max) : 1));
    case 'date': return dateValue(f);
    case 'choice': return f.options.slice(0, f.multiple ? f.minChoices ?? 1 : 1).map((o) => o.value);
  }
}

/** A form that passes every check of the definition. */
export async function validApplication(definition: FormDefinition): Promise<FormData> {
  const form = new FormData();
  for (const f of definition.fields) {
    switch (f.type) {
      case 'text':
      case 'number':
      case 'date':
        form.append(f.id, validValue(f) as string);
        break;
      case 'choice': for (const v of validValue(f)) form.append(f.id, v); break;
      case 'file': {
        const file = await fileFor(f);
        form.append(f.id, new Blob([file.bytes as BlobPart], { type: file.type }), file.name);
        break;
      }
    }
  }
  return form;
}

/** The definition's required fields, in order. */
export const requiredFields = (definition: FormDefinition) => definition.fields.filter((f) => f.required);
