import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FILE_KINDS, FORM_LIMITS, formDefinition, uploadBytes, type FormDefinition, type FormField } from '../../src/lib/services/form-definition.ts';
import { asciiDigits, PROBLEMS, validateSubmission, type SubmittedFile } from '../../src/lib/services/form-values.ts';
import { creditCodeCheck, idCardCheck, isCreditCode, isIdCardNumber } from '../../src/lib/services/identity-numbers.ts';

const today = '2026-11-20';
const text = (zh: string) => ({ zh, ug: 'ئىسىم', en: zh });
const define = (...fields: unknown[]) => formDefinition.parse({ fields });
const check = (form: FormDefinition, values: Record<string, string | string[]>, files: Record<string, SubmittedFile[]> = {}) => validateSubmission(form, values, files, { today });
const problemOf = (form: FormDefinition, values: Record<string, string | string[]>, files: Record<string, SubmittedFile[]> = {}) => {
  const r = check(form, values, files);
  return r.ok ? undefined : Object.values(r.problems)[0];
};
const pdf = (size = 2000, name = 'proof.pdf'): SubmittedFile => ({ name, type: 'pdf', size });

// A valid identity card number and credit code, made with their check characters.
const idCard = (first17 = '65990019900307123') => first17 + idCardCheck(first17);
const credit = (first17 = '92659900MA0000001') => first17 + creditCodeCheck(first17);

describe('identity numbers', () => {
  it('accepts numbers with the right check character and refuses a typo', () => {
    expect(isIdCardNumber(idCard())).toBe(true);
    expect(isIdCardNumber(idCard().slice(0, 16) + '9' + idCard().slice(17))).toBe(false);
    expect(isIdCardNumber('659900199002301234')).toBe(false); // 30 February
    expect(isCreditCode(credit())).toBe(true);
    expect(isCreditCode(credit().replace('MA', 'MB'))).toBe(false);
    expect(isCreditCode('92659900IA000000X1')).toBe(false); // I is not in the alphabet
  });

  it('computes the published example of GB 11643 (11010519491231002X)', () => {
    expect(idCardCheck('11010519491231002')).toBe('X');
  });
});

describe('text fields', () => {
  const form = define(
    { id: 'name', type: 'text', required: true, label: text('姓名'), minLength: 2, maxLength: 5 },
    { id: 'note', type: 'text', multiline: true, required: false, label: text('备注'), maxLength: 50 },
  );

  it('cleans what was typed: one line, spaces collapsed, control characters dropped', () => {
    const r = check(form, { name: '  王\u0007  小明 ', note: 'a\r\nb\u0000 ' });
    expect(r).toMatchObject({ ok: true, values: { name: '王 小明', note: 'a\nb' } });
  });

  it('counts characters as readers do, not UTF-16 units', () => {
    expect(check(form, { name: '𠀀𠀀𠀀𠀀𠀀' }).ok).toBe(true);
    expect(problemOf(form, { name: '𠀀𠀀𠀀𠀀𠀀𠀀' })).toBe('tooLong');
  });

  it.each([
    [{}, 'required'],
    [{ name: '   ' }, 'required'],
    [{ name: '王' }, 'tooShort'],
    [{ name: '王小明王小明' }, 'tooLong'],
    [{ name: '王\uFFFD明' }, 'encoding'],
    [{ name: ['王小明', '李四'] }, 'notSingle'],
  ])('%j → %s', (values, problem) => {
    expect(problemOf(form, values as Record<string, string | string[]>)).toBe(problem);
  });

  it('leaves an optional field empty as null', () => {
    expect(check(form, { name: '王小明' })).toMatchObject({ ok: true, values: { note: null } });
  });

  it.each([
    ['phone', '0990-555 1234', true],
    ['phone', '+86 139 0000 0000', true],
    ['phone', '١٣٩٠٠٠٠٠٠٠٠', true],
    ['phone', '12345', false],
    ['phone', 'call me', false],
    ['email', 'a.b@tianshan.example', true],
    ['email', 'a.b@', false],
    ['idCard', idCard(), true],
    ['idCard', idCard().toLowerCase(), true],
    ['idCard', `${idCard().slice(0, 6)} ${idCard().slice(6)}`, true],
    ['idCard', '659900199003071234', idCard() === '659900199003071234'],
    ['creditCode', credit().toLowerCase(), true],
    ['creditCode', '92659900MA00000010', credit() === '92659900MA00000010'],
  ])('format %s: %s valid: %s', (format, value, valid) => {
    const f = define({ id: 'v', type: 'text', format, required: true, label: text('值'), maxLength: 30 });
    expect(problemOf(f, { v: value })).toBe(valid ? undefined : 'invalid');
  });

  it('reads Arabic-Indic, extended and fullwidth digits as 0–9', () => {
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ０１２３４５６７８９')).toBe('0123456789 0123456789 0123456789');
  });
});

describe('number fields', () => {
  const form = define(
    { id: 'members', type: 'number', required: true, label: text('人数'), min: 1, max: 12 },
    { id: 'income', type: 'number', required: false, label: text('收入'), min: 0, decimals: 2 },
  );
  it.each([
    [{ members: '3' }, 3],
    [{ members: ' ３ ' }, 3],
    [{ members: '٣' }, 3],
    [{ members: '3.0' }, 3],
  ])('%j is the number %d', (values, n) => {
    expect(check(form, values)).toMatchObject({ ok: true, values: { members: n, income: null } });
  });
  it('takes a decimal comma and keeps the decimals allowed', () => {
    expect(check(form, { members: '1', income: '1234,50' })).toMatchObject({ ok: true, values: { income: 1234.5 } });
  });
  it.each([
    [{ members: '' }, 'required'],
    [{ members: 'three' }, 'notNumber'],
    [{ members: '1e3' }, 'notNumber'],
    [{ members: '2.5' }, 'tooPrecise'],
    [{ members: '0' }, 'tooSmall'],
    [{ members: '13' }, 'tooLarge'],
    [{ members: '1', income: '10.005' }, 'tooPrecise'],
    [{ members: '1', income: '-1' }, 'tooSmall'],
  ])('%j → %s', (values, problem) => {
    expect(problemOf(form, values)).toBe(problem);
  });
});

describe('date fields', () => {
  const form = define({ id: 'born', type: 'date', required: true, label: text('出生日期'), min: '1900-01-01', max: 'today' });
  it('gives the day as YYYY-MM-DD', () => {
    expect(check(form, { born: '1990-03-07' })).toMatchObject({ ok: true, values: { born: '1990-03-07' } });
    expect(check(form, { born: today }).ok).toBe(true);
  });
  it.each([
    ['', 'required'],
    ['07/03/1990', 'notDate'],
    ['1990-02-29', 'notDate'],
    ['1899-12-31', 'tooEarly'],
    ['2026-11-21', 'tooLate'],
  ])('%s → %s', (born, problem) => {
    expect(problemOf(form, { born })).toBe(problem);
  });
});

describe('choice fields', () => {
  const options = ['a', 'b', 'c', 'd'].map((value) => ({ value, label: text(value) }));
  const single = define({ id: 'kind', type: 'choice', required: true, label: text('类别'), options });
  const several = define({ id: 'kinds', type: 'choice', multiple: true, required: true, label: text('类别'), options, minChoices: 2, maxChoices: 3 });

  it('gives the chosen value, or the values in the order of the definition', () => {
    expect(check(single, { kind: 'b' })).toMatchObject({ ok: true, values: { kind: 'b' } });
    expect(check(several, { kinds: ['c', 'a', 'c'] })).toMatchObject({ ok: true, values: { kinds: ['a', 'c'] } });
  });
  it.each([
    [single, {}, 'required'],
    [single, { kind: 'z' }, 'unknownOption'],
    [single, { kind: ['a', 'b'] }, 'notSingle'],
    [several, {}, 'required'],
    [several, { kinds: 'a' }, 'tooFewChoices'],
    [several, { kinds: ['a', 'b', 'c', 'd'] }, 'tooManyChoices'],
    [several, { kinds: ['a', 'x'] }, 'unknownOption'],
  ])('%#: %j → %s', (form, values, problem) => {
    expect(problemOf(form, values)).toBe(problem);
  });
});

describe('file fields', () => {
  const form = define({ id: 'proof', type: 'file', required: true, label: text('证明'), accept: ['pdf', 'jpeg'], maxBytes: 4096, maxFiles: 2 });
  it('gives the files, without the empty part a browser sends for an empty input', () => {
    const r = check(form, {}, { proof: [pdf(), { name: '', type: null, size: 0 }] });
    expect(r).toMatchObject({ ok: true, values: { proof: [pdf()] } });
  });
  it.each([
    [[], 'required'],
    [[{ name: '', type: null, size: 0 }], 'required'],
    [[pdf(), pdf(), pdf()], 'tooManyFiles'],
    [[pdf(5000)], 'fileTooLarge'],
    [[pdf(0)], 'fileEmpty'],
    [[{ name: 'photo.png', type: 'png', size: 100 }], 'fileType'],
    [[{ name: 'proof.pdf', type: null, size: 100 }], 'fileType'],
  ])('%j → %s', (files, problem) => {
    expect(problemOf(form, {}, { proof: files as SubmittedFile[] })).toBe(problem);
  });
});

describe('the whole form', () => {
  const form = define(
    { id: 'name', type: 'text', required: true, label: text('姓名'), maxLength: 10 },
    { id: 'constructor', type: 'text', required: false, label: text('x'), maxLength: 10 },
    { id: 'members', type: 'number', required: true, label: text('人数'), max: 9 },
  );
  it('names every field that has a problem, one code each, and echoes what was sent', () => {
    const r = check(form, { name: '', members: '99' });
    expect(r).toEqual({ ok: false, problems: { name: 'required', members: 'tooLarge' }, echo: { name: '', constructor: '', members: '99' } });
  });
  it('ignores fields it does not define, and never reads inherited properties', () => {
    const r = check(form, { name: '王', members: '2', _csrf: 'x', toString: 'y' });
    expect(r).toMatchObject({ ok: true, values: { name: '王', constructor: null, members: 2 } });
  });
});

// ---- properties ----------------------------------------------------------------------------

const label = fc.constant(text('字段'));
const id = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/);

/** Any field the schema accepts (limits in range, consistent with each other). */
const fieldArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({
    type: fc.constant('text'),
    required: fc.boolean(),
    label,
    maxLength: fc.integer({ min: 1, max: 200 }),
    minLength: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
  }).map((f) => ({ ...f, minLength: f.minLength === undefined ? undefined : Math.min(f.minLength, f.maxLength) })),
  fc.record({
    type: fc.constant('number'),
    required: fc.boolean(),
    label,
    min: fc.integer({ min: -1000, max: 1000 }),
    span: fc.integer({ min: 0, max: 5000 }),
    decimals: fc.integer({ min: 0, max: 4 }),
  }).map(({ span, ...f }) => ({ ...f, max: f.min + span })),
  fc.record({
    type: fc.constant('date'),
    required: fc.boolean(),
    label,
    min: fc.constantFrom('1900-01-01', '2000-02-29', 'today'),
    max: fc.constantFrom('2030-12-31', 'today'),
  }),
  fc.record({
    type: fc.constant('choice'),
    required: fc.boolean(),
    label,
    multiple: fc.boolean(),
    options: fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 2, maxLength: 6 }).map((vs) => vs.map((value) => ({ value, label: text(value) }))),
  }),
  fc.record({
    type: fc.constant('file'),
    required: fc.boolean(),
    label,
    accept: fc.uniqueArray(fc.constantFrom(...FILE_KINDS), { minLength: 1 }),
    maxBytes: fc.integer({ min: 1024, max: 1024 * 1024 }),
    maxFiles: fc.integer({ min: 1, max: 5 }),
  }),
);
const formArb = fc
  .uniqueArray(fc.tuple(id, fieldArb), { minLength: 1, maxLength: 8, selector: ([i]) => i })
  .map((pairs) => ({ fields: pairs.map(([i, f]) => JSON.parse(JSON.stringify({ id: i, ...f }))) }))
  // Within the limits means the whole form too: all file fields filled must fit one request.
  .filter((form) => uploadBytes(form.fields) <= FORM_LIMITS.maxUploadBytes);

/** A value that meets the field's rules, as a form would send it. */
function validInput(f: FormField, seed: number): { value?: string | string[]; files?: SubmittedFile[] } {
  switch (f.type) {
    case 'text': {
      const n = Math.max(f.minLength ?? 1, 1 + (seed % f.maxLength));
      return { value: '天'.repeat(n) };
    }
    case 'number': {
      const lo = f.min ?? 0;
      const hi = f.max ?? lo + 100;
      return { value: String(lo + (seed % (hi - lo + 1))) };
    }
    case 'date':
      return { value: f.min === 'today' || f.max === 'today' ? today : '2020-06-15' };
    case 'choice':
      return { value: f.multiple ? f.options.slice(0, 1 + (seed % f.options.length)).map((o) => o.value) : f.options[seed % f.options.length]!.value };
    case 'file':
      return { files: Array.from({ length: 1 + (seed % f.maxFiles) }, (_, i) => ({ name: `f${i}`, type: f.accept[seed % f.accept.length]!, size: 1 + (seed % f.maxBytes) })) };
  }
}

describe('properties', () => {
  it('every generated definition within the limits is accepted', () => {
    fc.assert(fc.property(formArb, (def) => formDefinition.safeParse(def).success));
  });

  it('values that meet every rule are accepted, and keep their meaning', () => {
    fc.assert(
      fc.property(formArb, fc.nat(), (raw, seed) => {
        const form = formDefinition.parse(raw);
        const values: Record<string, string | string[]> = {};
        const files: Record<string, SubmittedFile[]> = {};
        for (const f of form.fields) {
          const input = validInput(f, seed);
          if (input.value !== undefined) values[f.id] = input.value;
          if (input.files) files[f.id] = input.files;
        }
        const r = validateSubmission(form, values, files, { today });
        expect(r.ok ? [] : r.problems).toEqual([]);
        if (!r.ok) return;
        for (const f of form.fields) {
          if (f.type === 'number') expect(r.values[f.id]).toBe(Number(values[f.id]));
          if (f.type === 'text' || f.type === 'date') expect(r.values[f.id]).toBe(values[f.id]);
          if (f.type === 'file') expect(r.values[f.id]).toEqual(files[f.id]);
        }
      }),
    );
  });

  it('anything at all gets an answer: problems only for defined fields, codes only from the list, ok exactly when none', () => {
    const anyValue = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }));
    const anyFile = fc.record({ name: fc.string({ maxLength: 10 }), type: fc.option(fc.constantFrom(...FILE_KINDS, 'exe', 'gif'), { nil: null }), size: fc.integer({ min: 0, max: 2 * 1024 * 1024 }) });
    // A definition, and for each of its fields perhaps a value and perhaps files, plus stray fields.
    const case_ = formArb.chain((raw) => {
      const n = raw.fields.length;
      return fc.tuple(
        fc.constant(raw),
        fc.array(fc.option(anyValue, { nil: undefined }), { minLength: n, maxLength: n }),
        fc.array(fc.option(fc.array(anyFile, { maxLength: 6 }), { nil: undefined }), { minLength: n, maxLength: n }),
        fc.dictionary(fc.string({ maxLength: 8 }), anyValue, { maxKeys: 3 }),
      );
    });
    fc.assert(
      fc.property(case_, ([raw, fieldValues, fieldFiles, stray]) => {
        const form = formDefinition.parse(raw);
        const values: Record<string, string | string[]> = { ...stray };
        const files: Record<string, SubmittedFile[]> = {};
        form.fields.forEach((f, i) => {
          if (fieldValues[i] !== undefined) values[f.id] = fieldValues[i];
          if (fieldFiles[i] !== undefined) files[f.id] = fieldFiles[i];
        });
        const r = validateSubmission(form, values, files, { today });
        const ids = form.fields.map((f) => f.id).sort();
        expect(Object.keys(r.echo).sort()).toEqual(ids);
        if (r.ok) expect(Object.keys(r.values).sort()).toEqual(ids);
        else {
          expect(Object.keys(r.problems).length).toBeGreaterThan(0);
          for (const [field, code] of Object.entries(r.problems)) {
            expect(ids).toContain(field);
            expect(PROBLEMS).toContain(code);
          }
        }
      }),
    );
  });

  it('checking is idempotent: the echo of a form, sent again, gives the same echo and the same answer', () => {
    fc.assert(
      fc.property(formArb, fc.nat(), fc.constantFrom(' ', '\t', '\u3000', '\r\n'), (raw, seed, space) => {
        const form = formDefinition.parse(raw);
        const values: Record<string, string | string[]> = {};
        for (const f of form.fields) {
          if (f.type === 'file') continue;
          const v = validInput(f, seed).value!;
          values[f.id] = typeof v === 'string' ? `${space}${v}${space}` : v;
        }
        const first = validateSubmission(form, values, {}, { today });
        const again = validateSubmission(form, first.echo, {}, { today });
        expect(again.echo).toEqual(first.echo);
        expect(again.ok).toBe(first.ok);
        if (first.ok && again.ok) expect(again.values).toEqual(first.values);
      }),
    );
  });

  it('a required field left empty is always "required"; a text one character too long always "tooLong"', () => {
    fc.assert(
      fc.property(formArb, (raw) => {
        const form = formDefinition.parse(raw);
        const r = validateSubmission(form, {}, {}, { today });
        for (const f of form.fields) {
          if (f.required) expect(r.ok ? undefined : r.problems[f.id]).toBe('required');
          else expect(r.ok ? undefined : r.problems[f.id]).toBeUndefined();
        }
        for (const f of form.fields.filter((x) => x.type === 'text')) {
          const long = validateSubmission({ fields: [f] }, { [f.id]: 'x'.repeat(f.maxLength + 1) }, {}, { today });
          expect(long.ok ? undefined : long.problems[f.id]).toBe('tooLong');
        }
      }),
    );
  });
});
