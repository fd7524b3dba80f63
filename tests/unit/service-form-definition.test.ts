import { describe, expect, it } from 'vitest';
import { FORM_LIMITS, formDefinition, uploadBytes } from '../../src/lib/services/form-definition.ts';

const text = (zh: string) => ({ zh, ug: 'ئىسىم', en: zh });
const name = { id: 'applicantName', type: 'text', required: true, label: text('姓名'), maxLength: 30 };
const form = (...fields: unknown[]) => ({ fields });
const problems = (value: unknown) => {
  const r = formDefinition.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('a form definition', () => {
  it('accepts every kind of field with its limits, and fills in the defaults', () => {
    const r = formDefinition.parse(
      form(
        name,
        { id: 'phone', type: 'text', format: 'phone', required: true, label: text('联系电话'), maxLength: 20 },
        { id: 'reason', type: 'text', multiline: true, required: false, label: text('理由'), help: text('说明'), minLength: 10, maxLength: 600 },
        { id: 'members', type: 'number', required: true, label: text('人数'), min: 1, max: 20, unit: text('人') },
        { id: 'income', type: 'number', required: true, label: text('月收入'), min: 0, decimals: 2 },
        { id: 'birthDate', type: 'date', required: true, label: text('出生日期'), min: '1900-01-01', max: 'today' },
        { id: 'kind', type: 'choice', required: true, label: text('类别'), options: [{ value: 'a', label: text('甲') }, { value: 'b', label: text('乙') }] },
        { id: 'proof', type: 'file', required: true, label: text('证明'), accept: ['pdf', 'jpeg'], maxBytes: 2 * 1024 * 1024 },
      ),
    );
    expect(r.fields[0]).toMatchObject({ format: 'plain', multiline: false });
    expect(r.fields[4]).toMatchObject({ decimals: 2 });
    expect(r.fields[6]).toMatchObject({ multiple: false });
    expect(r.fields[7]).toMatchObject({ maxFiles: 1 });
  });

  it('normalises the Uyghur labels as all Uyghur content is', () => {
    const r = formDefinition.parse(form({ ...name, label: { zh: '姓名', ug: 'ئىسىم\u06CCى', en: 'Name' } }));
    expect(r.fields[0]!.label.ug).not.toContain('\u06CC');
  });

  it.each([
    ['no field', form(), /fields/],
    ['a label missing its Uyghur', form({ ...name, label: { zh: '姓名', en: 'Name' } }), /fields\.0\.label\.ug/],
    ['a blank English help', form({ ...name, help: { zh: '说明', ug: 'چۈشەندۈرۈش', en: '  ' } }), /fields\.0\.help\.en/],
    ['an id that is not lowerCamelCase', form({ ...name, id: 'Applicant-name' }), /fields\.0\.id/],
    ['the same id twice', form(name, { ...name }), /used twice/],
    ['an unknown type', form({ ...name, type: 'colour' }), /fields\.0\.type/],
    ['a text without maxLength', form({ ...name, maxLength: undefined }), /maxLength/],
    ['minLength above maxLength', form({ ...name, minLength: 40 }), /minLength is above maxLength/],
    ['a text longer than any form allows', form({ ...name, maxLength: FORM_LIMITS.maxTextLength + 1 }), /maxLength/],
    ['a multiline phone number', form({ ...name, format: 'phone', multiline: true }), /multiline/],
    ['a number whose min is above its max', form({ id: 'n', type: 'number', required: true, label: text('数'), min: 5, max: 1 }), /min is above max/],
    ['too many decimals', form({ id: 'n', type: 'number', required: true, label: text('数'), decimals: 7 }), /decimals/],
    ['a date bound that is not a day', form({ id: 'd', type: 'date', required: true, label: text('日'), max: '2025-02-30' }), /real date/],
    ['a date range backwards', form({ id: 'd', type: 'date', required: true, label: text('日'), min: '2025-02-01', max: '2025-01-01' }), /min is after max/],
    ['a choice of one option', form({ id: 'c', type: 'choice', required: true, label: text('选'), options: [{ value: 'a', label: text('甲') }] }), /options/],
    ['the same option twice', form({ id: 'c', type: 'choice', required: true, label: text('选'), options: [{ value: 'a', label: text('甲') }, { value: 'a', label: text('乙') }] }), /unique/],
    ['maxChoices on a single choice', form({ id: 'c', type: 'choice', required: true, label: text('选'), maxChoices: 1, options: [{ value: 'a', label: text('甲') }, { value: 'b', label: text('乙') }] }), /multiple: true/],
    ['more choices than options', form({ id: 'c', type: 'choice', multiple: true, required: true, label: text('选'), maxChoices: 3, options: [{ value: 'a', label: text('甲') }, { value: 'b', label: text('乙') }] }), /maxChoices/],
    ['a file kind we cannot check', form({ id: 'f', type: 'file', required: true, label: text('件'), accept: ['exe'], maxBytes: 4096 }), /accept/],
    ['no file kind', form({ id: 'f', type: 'file', required: true, label: text('件'), accept: [], maxBytes: 4096 }), /accept/],
    ['a file above the per-file limit', form({ id: 'f', type: 'file', required: true, label: text('件'), accept: ['pdf'], maxBytes: FORM_LIMITS.maxFileBytes + 1 }), /maxBytes/],
    ['more files than a field may take', form({ id: 'f', type: 'file', required: true, label: text('件'), accept: ['pdf'], maxBytes: 4096, maxFiles: 6 }), /maxFiles/],
    [
      'file fields that together exceed one request',
      form(
        { id: 'a', type: 'file', required: true, label: text('件'), accept: ['pdf'], maxBytes: FORM_LIMITS.maxFileBytes },
        { id: 'b', type: 'file', required: true, label: text('件'), accept: ['pdf'], maxBytes: FORM_LIMITS.maxFileBytes },
      ),
      /fit one request/,
    ],
  ])('refuses %s', (_, value, message) => {
    expect(problems(value).join('\n')).toMatch(message);
  });

  it('says how many bytes of files a filled form can bring', () => {
    const r = formDefinition.parse(
      form(name, { id: 'a', type: 'file', required: true, label: text('件'), accept: ['pdf'], maxBytes: 2048, maxFiles: 3 }, { id: 'b', type: 'file', required: false, label: text('件'), accept: ['png'], maxBytes: 1024 }),
    );
    expect(uploadBytes(r.fields)).toBe(2048 * 3 + 1024);
  });
});
