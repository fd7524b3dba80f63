import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { limitVars } from '../../src/components/letters/messages.ts';
import { locales, type Locale } from '../../src/i18n/locales.ts';
import { useTranslations, type UiKey } from '../../src/i18n/translate.ts';
import { normalizeTrackingCode } from '../../src/lib/cases/tracking-code.ts';
import { LETTER_KINDS, LETTER_REQUEST_MAX_BYTES, STATUS_REQUEST_MAX_BYTES, type LetterKind } from '../../src/server/cases/letter-settings.ts';
import {
  asParsed, bytesOf, crossSiteFormPost, expectExercised, expectPageIn, expectWrittenIn, fieldName, fileBytes, fuzzFile, fuzzOrigin, fuzzRoute, fuzzStream, fuzzText,
  hostileText, MULTIPART_BOUNDARY, multipartBody, originHeader, plainText, record, textAsRead, urlencodedBody,
  type Answer, type FuzzFile, type FuzzRequest, type FuzzText, type Origin, type Part,
} from '../support/fuzz.ts';
import { inSummaryOrder, modelFiles, modelLetter, TEXT_FIELDS, type Field, type Problem, type Values } from '../support/letters-model.ts';
import { codeForms, lookUpJson, validPhone, pinForms, sendLetterJson, trackingCodeArb, typeCode, typePin, type CodeForm, type PinForm } from '../support/letters.ts';

/**
 * The two letter forms fuzzed over HTTP against the built server (FUZZ_RUNS each, default 1,000):
 * any field set, length, encoding, file and origin. Whatever is sent, the answer is a documented
 * status and a whole page in the route's language; a refused letter comes back as the form with
 * an error summary naming exactly the fields the rules refuse and with what was typed kept; and a
 * letter that is acknowledged with a code and PIN can be looked up with them, as it was typed.
 */

type Encoding = 'multipart' | 'urlencoded';
type BodyType = 'form' | 'form-upper' | 'text/plain' | 'application/json' | 'none' | 'no-boundary';
interface Transport { origin: Origin; type: BodyType; cut?: number; pad?: number; stream?: true }
interface Extra { name: string; value: FuzzText; first: boolean }

/** Padding that takes a body to just around its limit, or well past it (a client still sending when the server has answered). */
const overLimit = (limit: number) => fc.oneof(fc.integer({ min: limit - 2048, max: limit + 4096 }), fc.integer({ min: limit + 4096, max: limit + 1024 * 1024 }));

const transport = (limit: number): fc.Arbitrary<Transport> =>
  fc.tuple(
    fc.oneof(
      { weight: 16, arbitrary: fc.constant<Transport>({ origin: 'same', type: 'form' }) },
      { weight: 1, arbitrary: record({ origin: fuzzOrigin(1), type: fc.constantFrom<BodyType>('form', 'form-upper', 'text/plain', 'application/json', 'none', 'no-boundary') }) },
      { weight: 1, arbitrary: record({ origin: fc.constant<Origin>('same'), type: fc.constant<BodyType>('form'), cut: fc.nat() }) },
      { weight: 1, arbitrary: record({ origin: fc.constant<Origin>('same'), type: fc.constant<BodyType>('form'), pad: overLimit(limit) }) },
    ),
    fuzzStream,
  ).map(([t, stream]) => (stream ? { ...t, stream } : t));

const extras = (known: readonly string[]): fc.Arbitrary<Extra[]> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constant<Extra[]>([]) },
    { weight: 1, arbitrary: fc.array(record({ name: fieldName(known), value: fuzzText(hostileText(), [], 1), first: fc.boolean() }), { minLength: 1, maxLength: 4 }) },
  );

function contentType(encoding: Encoding, type: BodyType): string | undefined {
  const form = encoding === 'multipart' ? `multipart/form-data; boundary=${MULTIPART_BOUNDARY}` : 'application/x-www-form-urlencoded';
  switch (type) {
    case 'form': return form;
    case 'form-upper': return form.replace(/^[^;]+/, (s) => s.toUpperCase());
    case 'no-boundary': return encoding === 'multipart' ? 'multipart/form-data' : form;
    case 'none': return undefined;
    default: return type;
  }
}

/** Whether the server can read a body of this type as a form (the two encodings browsers send, multipart with its boundary). */
const readableType = (type: string | undefined) => type !== undefined && /^(multipart\/form-data;\s*boundary=|application\/x-www-form-urlencoded\s*(;|$))/i.test(type);

interface Built { request: FuzzRequest; parts: Part[]; attached: { bytes: Uint8Array; content: FuzzFile['content']; filename: string }[] }

/** The parts in the order sent: extras meant to come first, files sent in text fields, the form's own fields, attachments, the rest. */
async function build(input: { locale: Locale; encoding: Encoding; transport: Transport }, path: string, own: Part[], files: FuzzFile[], extra: Extra[]): Promise<Built> {
  const multipart = input.encoding === 'multipart';
  const fileParts = multipart ? await Promise.all(files.map(async (f) => ({ f, part: { name: f.field, filename: f.filename, type: f.type, bytes: await fileBytes(f.content) } }))) : [];
  const parts: Part[] = [
    ...extra.filter((e) => e.first),
    ...fileParts.filter(({ f }) => f.field !== 'attachments').map(({ part }) => part),
    ...own,
    ...fileParts.filter(({ f }) => f.field === 'attachments').map(({ part }) => part),
    ...extra.filter((e) => !e.first),
    ...(input.transport.pad ? [{ name: 'padding', value: { repeat: 'x', times: input.transport.pad } }] : []),
  ];
  let body = multipart ? multipartBody(parts) : bytesOf(urlencodedBody(parts))!;
  if (input.transport.cut !== undefined && body.length > 0) body = body.subarray(0, input.transport.cut % body.length);
  const type = contentType(input.encoding, input.transport.type);
  const request = { method: 'POST', path, headers: { ...originHeader(input.transport.origin), ...(type ? { 'Content-Type': type } : {}) }, body, stream: input.transport.stream ?? false };
  // Chosen files: a browser sends an empty, nameless file when none is chosen; that one is not an attachment.
  const attached = fileParts.filter(({ f, part }) => f.field === 'attachments' && (part.bytes.length > 0 || part.filename !== '')).map(({ f, part }) => ({ bytes: part.bytes, content: f.content, filename: f.filename }));
  return { request, parts, attached };
}

/** A field's value as the form reads it: the first part of that name; a file there is no text. */
function firstValue(parts: readonly Part[], name: string, encoding: Encoding): string | undefined {
  const part = parts.find((p) => p.name === name);
  if (!part) return undefined;
  return 'bytes' in part ? '' : textAsRead(part.value, { stripBom: encoding === 'multipart' });
}

// ————— what must hold of an answer —————

function expectProblemPage(answer: Answer, locale: Locale, status: number, problem: 'tooLarge' | 'unreadable'): void {
  const t = useTranslations(locale);
  expect(answer.status).toBe(status);
  expectPageIn(answer, locale);
  expect(answer.$('h1').text()).toBe(t(`letters.problem.${problem}.title`));
  expectWrittenIn(answer.$('.notice[role=alert]').text(), locale);
}

/** A cross-site post is refused with a page of the route's language that says why. */
function expectForbidden(answer: Answer, locale: Locale): void {
  expect(answer.status).toBe(403);
  expectPageIn(answer, locale);
  expectWrittenIn(answer.$('h1').text(), locale, 'the heading');
  expectWrittenIn(answer.$('main p').first().text(), locale, 'the explanation');
}

function expectSummary(answer: Answer, locale: Locale, problems: Partial<Record<string, string>>, order: readonly string[]): void {
  const t = useTranslations(locale);
  const $ = answer.$;
  expect($('title').text().startsWith(t('letters.errorPrefix')), 'the page title says there is an error').toBe(true);
  const items = $('.error-summary li a').map((_, a) => `${$(a).attr('href')} ${$(a).text()}`).get();
  const wanted = order.filter((f) => problems[f]).map((f) => `#field-${f} ${problems[f]}`);
  expect(items, 'the error summary').toEqual(wanted);
  for (const item of items) expect($(item.split(' ')[0]!).length, `${item.split(' ')[0]} is on the page`).toBe(1);
}

const acknowledged: { code: string; pin: string; title: string; locale: Locale }[] = [];

/** The confirmation page: code and PIN shown, and the letter found with them as it was typed. */
async function expectSent(answer: Answer, locale: Locale, kind: LetterKind, values: Values | undefined): Promise<void> {
  const t = useTranslations(locale);
  expect(answer.status).toBe(200);
  expectPageIn(answer, locale);
  expect(answer.$('h1').first().text()).toBe(t('letters.sent.title'));
  const [code, pin] = answer.$('.letter-sent__value bdi').map((_, e) => answer.$(e).text()).get();
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  expect(pin).toMatch(/^\d{6}$/);
  const found = await lookUpJson(code!, pin!, locale);
  expect(found.status, 'an acknowledged letter is found with its code and PIN').toBe(200);
  expect(found.body.kind).toBe(kind);
  if (values) expect(found.body.title, 'the stored title is the one typed').toBe(values.title);
  acknowledged.push({ code: code!, pin: pin!, title: found.body.title as string, locale });
}

// ————— POST /{locale}/letters/write/{kind}/ —————

interface WriteInput {
  locale: Locale;
  kind: LetterKind;
  encoding: Encoding;
  fields: Partial<Record<(typeof TEXT_FIELDS)[number], FuzzText | undefined>>;
  extras: Extra[];
  files: FuzzFile[];
  transport: Transport;
}

// About one form in twenty-five is a letter the rules accept: enough to check that every acknowledged
// letter is stored as typed, few enough that hashing PINs does not dominate the run.
const VALID = 9;
const present = <T>(a: fc.Arbitrary<T>) => fc.option(a, { freq: 25, nil: undefined });

const writeInput: fc.Arbitrary<WriteInput> = record({
  locale: fc.constantFrom(...locales),
  kind: fc.constantFrom(...LETTER_KINDS),
  encoding: fc.constantFrom<Encoding>('multipart', 'urlencoded'),
  fields: record({
    title: present(fuzzText(plainText(10, 25), [10, 25], VALID)),
    body: present(fuzzText(plainText(10, 600), [10, 600], VALID)),
    name: present(fuzzText(plainText(1, 50), [50], VALID)),
    phone: present(fuzzText(validPhone, [7, 15], VALID)),
    email: present(fuzzText(fc.oneof(fc.constant(''), fc.emailAddress()), [254], VALID)),
    publish: present(fuzzText(fc.constantFrom('yes', 'no'), [], VALID)),
  }),
  extras: extras([...TEXT_FIELDS, 'attachments']),
  files: fc.oneof({ weight: 6, arbitrary: fc.constant<FuzzFile[]>([]) }, { weight: 2, arbitrary: fc.array(fuzzFile(['attachments', 'title', 'body', 'phone']), { minLength: 1, maxLength: 4 }) }),
  transport: transport(LETTER_REQUEST_MAX_BYTES),
});

const writeBuilt = new WeakMap<WriteInput, Built>();

type WriteExpectation =
  | { view: 'forbidden' }
  | { view: 'problem'; status: 400 | 413; problem: 'tooLarge' | 'unreadable' }
  | { view: 'form'; status: 400 | 413; values: Values; problems: Partial<Record<Field, Problem>>; filesDropped: boolean }
  | { view: 'sent'; values: Values; imagesUndecided: boolean; filesDropped: boolean }
  | { view: 'any' };

function expectedWrite(input: WriteInput, built: Built): WriteExpectation {
  const type = built.request.headers?.['Content-Type'];
  if (crossSiteFormPost(input.transport.origin, type)) return { view: 'forbidden' };
  if (bytesOf(built.request.body)!.length > LETTER_REQUEST_MAX_BYTES) return { view: 'problem', status: 413, problem: 'tooLarge' };
  if (!readableType(type)) return { view: 'problem', status: 400, problem: 'unreadable' };
  if (input.transport.cut !== undefined) return { view: 'any' };
  const raw = Object.fromEntries(TEXT_FIELDS.map((f) => [f, firstValue(built.parts, f, input.encoding)]));
  const { values, problems } = modelLetter(raw);
  const files = modelFiles(built.attached);
  if (files.problem) problems.attachments = files.problem;
  const filesDropped = built.attached.length > 0;
  if (Object.keys(problems).length > 0) return { view: 'form', status: problems.attachments === 'fileTooLarge' ? 413 : 400, values, problems, filesDropped };
  return { view: 'sent', values, imagesUndecided: files.undecided, filesDropped };
}

function expectLetterForm(answer: Answer, locale: Locale, e: { values: Values; problems: Partial<Record<Field, Problem>>; filesDropped: boolean }): void {
  const t = useTranslations(locale);
  const $ = answer.$;
  expectPageIn(answer, locale);
  const messages = Object.fromEntries(inSummaryOrder(e.problems).map(([f, p]) => [f, t(`letters.error.${f}.${p}` as UiKey, limitVars(locale))]));
  expectSummary(answer, locale, messages, ['title', 'body', 'name', 'phone', 'email', 'publish', 'attachments']);
  for (const f of ['title', 'name', 'phone', 'email'] as const) expect($(`#field-${f}`).val() ?? '', `the ${f} typed is kept`).toBe(asParsed(e.values[f]));
  expect($('#field-body').text(), 'the letter typed is kept').toBe(asParsed(e.values.body));
  expect($('input[name=publish][checked]').map((_, i) => $(i).attr('value')).get(), 'the publish choice is kept').toEqual(e.values.publish ? [e.values.publish] : []);
  expect($('.error-summary').text().includes(t('letters.filesDropped')), 'says files must be chosen again').toBe(e.filesDropped);
}

describe('fuzzing POST /{locale}/letters/write/{kind}/', () => {
  it(`answers any form, multipart or urlencoded, with a documented status and a page in the reader's language`, { timeout: 300_000 }, async () => {
    await fuzzRoute({
      name: 'POST /{locale}/letters/write/{kind}/',
      input: writeInput,
      async request(input) {
        const own = TEXT_FIELDS.flatMap((f) => (input.fields[f] === undefined ? [] : [{ name: f, value: input.fields[f]! }]));
        const built = await build(input, `/${input.locale}/letters/write/${input.kind}/`, own, input.files, input.extras);
        writeBuilt.set(input, built);
        return built.request;
      },
      // 429 and 503 are documented too, but cannot happen here: each request comes from its own address, and the calendar is there.
      statuses: [200, 400, 403, 413],
      async check(answer, input) {
        const e = expectedWrite(input, writeBuilt.get(input)!);
        switch (e.view) {
          case 'forbidden': return expectForbidden(answer, input.locale);
          case 'problem': return expectProblemPage(answer, input.locale, e.status, e.problem);
          case 'form':
            expect(answer.status).toBe(e.status);
            return expectLetterForm(answer, input.locale, e);
          case 'sent':
            // A cut or noisy image may decode or not; only then may a letter the rules accept be refused, naming the file.
            if (e.imagesUndecided && answer.status === 400) return expectLetterForm(answer, input.locale, { ...e, problems: { attachments: 'fileType' } });
            return expectSent(answer, input.locale, input.kind, e.values);
          case 'any':
            expectPageIn(answer, input.locale);
            if (answer.status === 200) await expectSent(answer, input.locale, input.kind, undefined);
        }
      },
    });
    expectExercised(acknowledged.length, 'letters accepted, so that their lookups were tried');
  });
});

// ————— POST /{locale}/letters/status/ —————

interface StatusInput {
  locale: Locale;
  encoding: Encoding;
  code: FuzzText | undefined;
  pin: FuzzText | undefined;
  extras: Extra[];
  /** Look up a letter sent just before, its code and PIN typed this way. */
  real: { code: CodeForm; pin: PinForm } | undefined;
  transport: Transport;
}

const statusInput: fc.Arbitrary<StatusInput> = record({
  locale: fc.constantFrom(...locales),
  encoding: fc.oneof({ weight: 3, arbitrary: fc.constant<Encoding>('urlencoded') }, { weight: 1, arbitrary: fc.constant<Encoding>('multipart') }),
  code: present(fuzzText(trackingCodeArb, [10, 40], 2)),
  pin: present(fuzzText(fc.array(fc.constantFrom(...'0123456789'), { minLength: 6, maxLength: 6 }).map((d) => d.join('')), [6], 2)),
  extras: extras(['code', 'pin']),
  real: fc.oneof({ weight: 40, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: record({ code: fc.constantFrom(...codeForms), pin: fc.constantFrom(...pinForms) }) }),
  transport: transport(STATUS_REQUEST_MAX_BYTES),
});

const statusBuilt = new WeakMap<StatusInput, Built & { letter?: { title: string; code: string; pin: string } }>();
const realLetter = { kind: 'consultation', title: '小区路灯损坏已经一周了', body: '幸福路小区东门的路灯已经坏了一周，晚上出行很不方便。', name: '李明', phone: '13912345678', publish: false };

describe('fuzzing POST /{locale}/letters/status/', () => {
  it(`answers any lookup with a documented status and a page in the reader's language, the code kept and the PIN never shown`, { timeout: 300_000 }, async () => {
    let found = 0;
    await fuzzRoute({
      name: 'POST /{locale}/letters/status/',
      input: statusInput,
      async request(input) {
        let code = input.code;
        let pin = input.pin;
        let letter: { title: string; code: string; pin: string } | undefined;
        if (input.real) {
          const sent = await sendLetterJson({ ...realLetter, locale: input.locale });
          expect(sent.status, 'the letter to look up is sent').toBe(201);
          code = typeCode(sent.trackingCode, input.real.code);
          pin = typePin(sent.pin, input.real.pin);
          letter = { title: realLetter.title, code: sent.trackingCode.replace('-', ''), pin: sent.pin };
        }
        const own = [...(code === undefined ? [] : [{ name: 'code', value: code }]), ...(pin === undefined ? [] : [{ name: 'pin', value: pin }])];
        const built = await build(input, `/${input.locale}/letters/status/`, own, [], input.extras);
        statusBuilt.set(input, { ...built, ...(letter ? { letter } : {}) });
        return built.request;
      },
      statuses: [200, 400, 403, 413],
      check(answer, input) {
        const built = statusBuilt.get(input)!;
        const type = built.request.headers?.['Content-Type'];
        const { locale } = input;
        if (crossSiteFormPost(input.transport.origin, type)) return expectForbidden(answer, locale);
        // Only a forged request can be this large; the page says it could not be read.
        if (bytesOf(built.request.body)!.length > STATUS_REQUEST_MAX_BYTES) return expectProblemPage(answer, locale, 413, 'unreadable');
        if (!readableType(type)) return expectProblemPage(answer, locale, 400, 'unreadable');
        expectPageIn(answer, locale);
        if (input.transport.cut !== undefined) return;

        const typed = (firstValue(built.parts, 'code', input.encoding) ?? '').trim().slice(0, 40);
        const pin = (firstValue(built.parts, 'pin', input.encoding) ?? '').normalize('NFKC').replace(/\s/g, '');
        const t = useTranslations(locale);
        const problems: Record<string, string> = {};
        const code = normalizeTrackingCode(typed);
        if (!code.ok) problems.code = t(`letters.error.code.${code.problem === 'empty' ? 'required' : 'invalid'}`);
        if (!/^\d{6}$/.test(pin)) problems.pin = t(`letters.error.pin.${pin === '' ? 'required' : 'invalid'}`);
        const matches = code.ok && code.code === built.letter?.code && pin === built.letter.pin;
        if (Object.keys(problems).length === 0 && matches) {
          expect(answer.status, 'the letter is found with its code and PIN').toBe(200);
          expect(answer.$('main').text()).toContain(built.letter!.title);
          found++;
          return;
        }
        expect(answer.status).toBe(400);
        if (Object.keys(problems).length === 0) problems.code = t('letters.status.noMatch');
        expectSummary(answer, locale, problems, ['code', 'pin']);
        expect(answer.$('#field-code').val() ?? '', 'the code typed is kept').toBe(asParsed(typed));
        expect(answer.$('#field-pin').val() ?? '', 'the PIN is never shown back').toBe('');
      },
    });
    expectExercised(found, 'real letters looked up');
  });

  it('finds every letter acknowledged while fuzzing, unchanged, after all that input', async () => {
    const sample = fc.sample(fc.shuffledSubarray(acknowledged, { minLength: Math.min(25, acknowledged.length), maxLength: Math.min(25, acknowledged.length) }), 1)[0]!;
    expectExercised(sample.length, 'letters acknowledged to look up again');
    for (const { code, pin, title, locale } of sample) {
      const found = await lookUpJson(code, pin, locale);
      expect(found.status, code).toBe(200);
      expect(found.body.title, code).toBe(title);
    }
  });
});
