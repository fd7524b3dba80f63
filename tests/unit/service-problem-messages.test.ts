import { describe, expect, it } from 'vitest';
import { formDefinition, type FormField } from '../../src/lib/services/form-definition.ts';
import { PROBLEMS } from '../../src/lib/services/form-values.ts';
import { problemMessage } from '../../src/components/services/problem-message.ts';
import { locales } from '../../src/i18n/locales.ts';

const label = { zh: '出生日期', ug: 'تۇغۇلغان ۋاقتى', en: 'Date of birth' };
const { fields } = formDefinition.parse({
  fields: [
    { id: 'born', type: 'date', required: true, label, min: '1900-01-01', max: 'today' },
    { id: 'proof', type: 'file', required: true, label: { zh: '证明', ug: 'ئىسپات', en: 'Proof' }, accept: ['pdf', 'jpeg'], maxBytes: 2097152, maxFiles: 2 },
    { id: 'name', type: 'text', required: true, label: { zh: '姓名', ug: 'ئىسمى', en: 'Name' }, minLength: 2, maxLength: 30 },
    { id: 'members', type: 'number', required: true, label: { zh: '人数', ug: 'سانى', en: 'Members' }, min: 1, max: 20, decimals: 0 },
    { id: 'kinds', type: 'choice', multiple: true, required: true, label: { zh: '类别', ug: 'تۈرى', en: 'Kinds' }, minChoices: 1, maxChoices: 2, options: [{ value: 'a', label }, { value: 'b', label }, { value: 'c', label }] },
  ],
});
const [born, proof, name, members, kinds] = fields as NonNullable<(typeof fields)[number]>[] as [FormField, FormField, FormField, FormField, FormField];
/** Each problem with a field of the kind that can have it. */
const fieldFor = (code: string): FormField =>
  ['notNumber', 'tooPrecise', 'tooSmall', 'tooLarge'].includes(code) ? members
  : ['notDate', 'tooEarly', 'tooLate'].includes(code) ? born
  : ['unknownOption', 'tooFewChoices', 'tooManyChoices'].includes(code) ? kinds
  : ['fileType', 'fileTooLarge', 'fileEmpty', 'tooManyFiles'].includes(code) ? proof
  : name;

describe('messages for problems in an online form', () => {
  it.each(locales)('every problem code has a message in %s naming the field, with no placeholder left', (locale) => {
    for (const code of PROBLEMS) {
      const message = problemMessage(fieldFor(code), code, locale, '2026-11-20');
      expect(message, code).not.toMatch(/\{\{/);
      expect(message, code).toContain(fieldFor(code).label[locale]);
    }
  });

  it('names the limits in the reader’s language: dates, sizes, kinds', () => {
    expect(problemMessage(born, 'tooLate', 'zh', '2026-11-20')).toBe('“出生日期”不能晚于2026年11月20日。');
    expect(problemMessage(born, 'tooLate', 'ug', '2026-11-20')).toContain('2026-يىلى 11-ئاينىڭ 20-كۈنى');
    expect(problemMessage(proof, 'fileType', 'en', '2026-11-20')).toBe('“Proof” must be a file of these kinds: PDF and JPEG.');
    expect(problemMessage(proof, 'fileTooLarge', 'en', '2026-11-20')).toBe('Each file for “Proof” must be 2 MB or smaller.');
  });
});
