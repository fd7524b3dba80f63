import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { limitVars } from '../../src/components/letters/messages.ts';
import { isLocale, locales, type Locale } from '../../src/i18n/locales.ts';
import { useTranslations, type UiKey } from '../../src/i18n/translate.ts';
import { normalizeTrackingCode } from '../../src/lib/cases/tracking-code.ts';
import { negotiateLocale } from '../../src/lib/negotiate-locale.ts';
import { API_LETTER_MAX_BYTES, API_LOOKUP_MAX_BYTES } from '../../src/server/api/json-api.ts';
import { LETTER_KINDS } from '../../src/server/cases/letter-settings.ts';
import {
  bytesOf, crossSiteFormPost, expectExercised, expectJsonError, fieldName, fuzzAcceptLanguage, fuzzJsonType, fuzzOrigin, fuzzRoute, fuzzStream, jsonAsRead,
  jsonField, jsonObjectBytes, ODD_JSON, originHeader, plainText, record, type Answer, type FuzzRequest, type JsonField, type Origin,
} from '../support/fuzz.ts';
import { modelLetter, type Values } from '../support/letters-model.ts';
import { codeForms, lookUpJson, pinForms, sendLetterJson, trackingCodeArb, typeCode, typePin, validPhone, type CodeForm, type PinForm } from '../support/letters.ts';

/**
 * The letters JSON API fuzzed over HTTP against the built server (FUZZ_RUNS each, default 1,000):
 * any JSON or not-JSON, wrong member types, bytes that are not UTF-8, any Content-Type, Origin and
 * Accept-Language. Every answer is a documented status with valid JSON and, when refused, an error
 * in the reader's language (the body's `locale`, else Accept-Language) naming exactly the members
 * the rules refuse; a 201 receipt's code and PIN find the letter, stored as it was sent.
 */

type Body<Q> =
  | { object: Q; extra: Record<string, unknown>; cut?: number; pad?: number }
  | { odd: string }
  | { any: unknown }
  | { deep: number };

interface JsonInput<Q> { body: Body<Q>; type: string | undefined; origin: Origin; acceptLanguage: string; stream: boolean }

const extraMembers = (known: readonly string[]) =>
  fc.oneof({ weight: 6, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.dictionary(fieldName(known), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3, noNullPrototype: true }) });

function jsonBody<Q extends Record<string, JsonField>>(object: fc.Arbitrary<Q>, known: readonly string[], limit: number): fc.Arbitrary<Body<Q>> {
  return fc.oneof(
    { weight: 24, arbitrary: record({ object, extra: extraMembers(known) }) },
    { weight: 1, arbitrary: record({ object, extra: extraMembers(known), cut: fc.nat() }) },
    { weight: 1, arbitrary: record({ object, extra: fc.constant({}), pad: fc.oneof(fc.integer({ min: limit - 1024, max: limit + 512 }), fc.integer({ min: limit + 512, max: limit + 1024 * 1024 })) }) },
    { weight: 1, arbitrary: fc.constantFrom(...ODD_JSON).map((odd) => ({ odd })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 40_000 }).map((deep) => ({ deep })) },
  );
}

function bodyBytes<Q extends Record<string, JsonField>>(body: Body<Q>): Uint8Array {
  if ('odd' in body) return bytesOf(body.odd)!;
  if ('any' in body) return bytesOf(JSON.stringify(body.any))!;
  if ('deep' in body) return bytesOf('['.repeat(body.deep) + ']'.repeat(body.deep))!;
  const bytes = jsonObjectBytes(body.object, { ...body.extra, ...(body.pad ? { padding: 'x'.repeat(body.pad) } : {}) });
  return body.cut === undefined ? bytes : bytes.subarray(0, body.cut % bytes.length);
}

function jsonRequest<Q extends Record<string, JsonField>>(path: string, input: JsonInput<Q>, body: Body<Q> = input.body): FuzzRequest {
  return {
    method: 'POST',
    path,
    headers: { ...originHeader(input.origin), 'Accept-Language': input.acceptLanguage, ...(input.type === undefined ? {} : { 'Content-Type': input.type }) },
    body: bodyBytes(body),
    stream: input.stream,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What a JSON endpoint answers before it looks at the members: 403 for another site (Astro's form
 * rule, or the API's own Origin check), 415 for a body that is not JSON, 413 over the limit, 400 for
 * a body that is not a JSON object. All of these are in the Accept-Language choice.
 */
function refusedUnread(input: JsonInput<unknown>, request: FuzzRequest, limit: number): { status: number; locale: Locale } | { object: Record<string, unknown> } {
  const locale = negotiateLocale(input.acceptLanguage);
  if (input.origin === 'foreign' || input.origin === 'null' || crossSiteFormPost(input.origin, input.type)) return { status: 403, locale };
  if (!/^application\/json\s*(;|$)/i.test(input.type ?? '')) return { status: 415, locale };
  const bytes = bytesOf(request.body)!;
  if (bytes.length > limit) return { status: 413, locale };
  const read = jsonAsRead(bytes);
  if (!read.ok || !isObject(read.value)) return { status: 400, locale };
  return { object: read.value };
}

function expectRefusal(answer: Answer, status: number, locale: Locale, fields: Record<string, string | true>): void {
  expect(answer.status).toBe(status);
  const body = expectJsonError(answer, locale);
  if (status === 400) {
    expect(Object.keys(body.fields ?? {}).sort(), 'the members named').toEqual(Object.keys(fields).sort());
    for (const [f, message] of Object.entries(fields)) if (message !== true) expect(body.fields![f], `fields.${f}`).toBe(message);
  }
}

// ————— POST /api/v1/cases —————

const LETTER_KEYS = ['kind', 'locale', 'title', 'body', 'name', 'phone', 'email', 'publish', 'attachments'] as const;
type LetterJson = Record<(typeof LETTER_KEYS)[number], JsonField>;

// About one body in twenty is a letter the rules accept: enough to check that every receipt finds
// its letter as sent, few enough that hashing PINs does not dominate the run.
const VALID = 11;
const letterJson: fc.Arbitrary<LetterJson> = record({
  kind: jsonField(fc.constantFrom(...LETTER_KINDS), [], 40),
  locale: jsonField(fc.constantFrom(...locales), [], 40),
  title: jsonField(plainText(10, 25), [10, 25], VALID),
  body: jsonField(plainText(10, 600), [10, 600], VALID),
  name: jsonField(plainText(1, 50), [50], VALID),
  phone: jsonField(validPhone, [7, 15], VALID),
  email: jsonField(fc.emailAddress(), [254], VALID),
  publish: fc.oneof({ weight: 20, arbitrary: fc.boolean().map((value) => ({ value })) }, { weight: 1, arbitrary: jsonField(fc.constantFrom('yes', 'no')) }),
  attachments: fc.oneof({ weight: 30, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom<JsonField>(null, { value: ['aGVsbG8='] }, { value: [] }) }),
});

/** The members the API refuses, each with its message (or `true`: any message in the locale), and the letter it would store. */
function modelApiLetter(v: Record<string, unknown>, fallback: Locale): { locale: Locale; named: Record<string, string | true>; values: Values } {
  const locale = isLocale(v.locale) ? v.locale : fallback;
  const t = useTranslations(locale);
  const named: Record<string, string | true> = {};
  if (!(LETTER_KINDS as readonly unknown[]).includes(v.kind)) named.kind = true;
  if (!isLocale(v.locale)) named.locale = true;
  const raw: Record<string, string> = {};
  const wrongType: Record<string, string> = {};
  for (const key of ['title', 'body', 'name', 'phone', 'email'] as const) {
    const x = v[key];
    // Strings reach the letter's checks as a form would carry them: a lone surrogate is U+FFFD.
    if (typeof x === 'string') raw[key] = x.toWellFormed();
    else if (x !== undefined && x !== null) wrongType[key] = key === 'phone' || key === 'email' ? 'invalid' : 'required';
  }
  if (typeof v.publish === 'boolean') raw.publish = v.publish ? 'yes' : 'no';
  else if (v.publish !== undefined && v.publish !== null) wrongType.publish = 'required';
  const { values, problems } = modelLetter(raw);
  for (const [f, p] of Object.entries({ ...problems, ...wrongType })) named[f] = t(`letters.error.${f}.${p}` as UiKey, limitVars(locale));
  if (v.attachments !== undefined) named.attachments = true;
  return { locale, named, values };
}

const caseInput: fc.Arbitrary<JsonInput<LetterJson>> = record({
  body: jsonBody(letterJson, LETTER_KEYS, API_LETTER_MAX_BYTES),
  type: fuzzJsonType,
  origin: fuzzOrigin(),
  acceptLanguage: fuzzAcceptLanguage,
  stream: fuzzStream,
});

describe('fuzzing POST /api/v1/cases', () => {
  it('answers any body with a documented status and JSON in the reader\'s language; every receipt finds its letter', { timeout: 300_000 }, async () => {
    let received = 0;
    await fuzzRoute({
      name: 'POST /api/v1/cases',
      input: caseInput,
      request: (input) => jsonRequest('/api/v1/cases', input),
      // 429 and 503 are documented too, but cannot happen here: each request comes from its own address, and the calendar is there.
      statuses: [201, 400, 403, 413, 415],
      async check(answer, input, request) {
        expect(answer.headers.get('cache-control'), 'letter answers are never cached').toBe('no-store');
        const unread = refusedUnread(input, request, API_LETTER_MAX_BYTES);
        if ('status' in unread) return expectRefusal(answer, unread.status, unread.locale, {});
        const m = modelApiLetter(unread.object, negotiateLocale(input.acceptLanguage));
        if (Object.keys(m.named).length > 0) return expectRefusal(answer, 400, m.locale, m.named);

        expect(answer.status, 'a letter the rules accept is received').toBe(201);
        const receipt = answer.json<{ trackingCode: string; pin: string; dueDate: string; statusUrl: string }>();
        expect(receipt.trackingCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
        expect(receipt.pin).toMatch(/^\d{6}$/);
        expect(receipt.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(receipt.statusUrl).toBe(`${inject('baseURL')}/${m.locale}/letters/status/`);
        const found = await lookUpJson(receipt.trackingCode, receipt.pin, m.locale);
        expect(found.status, 'a received letter is found with its code and PIN').toBe(200);
        expect(found.body).toMatchObject({ trackingCode: receipt.trackingCode, kind: unread.object.kind, title: m.values.title, state: 'submitted' });
        received++;
      },
    });
    expectExercised(received, 'letters received, so that their lookups were tried');
  });
});

// ————— POST /api/v1/cases/lookup —————

type QueryJson = Record<'trackingCode' | 'pin' | 'locale', JsonField>;
interface LookupInput extends JsonInput<QueryJson> { real: { code: CodeForm; pin: PinForm } | undefined }

const lookupInput: fc.Arbitrary<LookupInput> = record({
  body: jsonBody(
    record({
      trackingCode: jsonField(trackingCodeArb, [10, 40], 2),
      pin: jsonField(fc.array(fc.constantFrom(...'0123456789'), { minLength: 6, maxLength: 6 }).map((d) => d.join('')), [6], 2),
      locale: jsonField(fc.constantFrom(...locales), [], 40),
    }),
    ['trackingCode', 'pin', 'locale'],
    API_LOOKUP_MAX_BYTES,
  ),
  real: fc.oneof({ weight: 40, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: record({ code: fc.constantFrom(...codeForms), pin: fc.constantFrom(...pinForms) }) }),
  type: fuzzJsonType,
  origin: fuzzOrigin(),
  acceptLanguage: fuzzAcceptLanguage,
  stream: fuzzStream,
});

const realLetter = { kind: 'suggestion', locale: 'ug', title: 'مەكتەپ يولى بۇزۇلدى', body: 'مەكتەپ ئالدىدىكى يول بۇزۇلۇپ كەتتى، بالىلار ماڭالمايدۇ.', name: 'ئەركىن', phone: '0991-1234567', publish: true };
const sentLetters = new WeakMap<LookupInput, { code: string; pin: string }>();

describe('fuzzing POST /api/v1/cases/lookup', () => {
  it('answers any query with a documented status and JSON in the reader\'s language; a letter is found by its code and PIN however typed', { timeout: 300_000 }, async () => {
    let found = 0;
    await fuzzRoute({
      name: 'POST /api/v1/cases/lookup',
      input: lookupInput,
      async request(input) {
        if (!input.real || !('object' in input.body)) return jsonRequest('/api/v1/cases/lookup', input);
        const sent = await sendLetterJson(realLetter);
        expect(sent.status, 'the letter to look up is sent').toBe(201);
        sentLetters.set(input, { code: sent.trackingCode.replace('-', ''), pin: sent.pin });
        const object = { ...input.body.object, trackingCode: { text: typeCode(sent.trackingCode, input.real.code) }, pin: { text: typePin(sent.pin, input.real.pin) } };
        return jsonRequest('/api/v1/cases/lookup', input, { ...input.body, object });
      },
      statuses: [200, 400, 403, 404, 413, 415],
      check(answer, input, request) {
        expect(answer.headers.get('cache-control'), 'letter answers are never cached').toBe('no-store');
        const unread = refusedUnread(input, request, API_LOOKUP_MAX_BYTES);
        if ('status' in unread) return expectRefusal(answer, unread.status, unread.locale, {});
        const v = unread.object;
        const locale = isLocale(v.locale) ? v.locale : negotiateLocale(input.acceptLanguage);
        const t = useTranslations(locale);
        const typeProblems: Record<string, string | true> = {};
        if (!isLocale(v.locale)) typeProblems.locale = true;
        const wrongType = (x: unknown) => x !== undefined && x !== null && typeof x !== 'string';
        if (wrongType(v.trackingCode)) typeProblems.trackingCode = t('letters.error.code.invalid');
        if (wrongType(v.pin)) typeProblems.pin = t('letters.error.pin.invalid');
        if (Object.keys(typeProblems).length > 0) return expectRefusal(answer, 400, locale, typeProblems);

        const typed = (typeof v.trackingCode === 'string' ? v.trackingCode.toWellFormed() : '').trim().slice(0, 40);
        const pin = (typeof v.pin === 'string' ? v.pin.toWellFormed() : '').normalize('NFKC').replace(/\s/g, '');
        const code = normalizeTrackingCode(typed);
        const problems: Record<string, string> = {};
        if (!code.ok) problems.trackingCode = t(`letters.error.code.${code.problem === 'empty' ? 'required' : 'invalid'}`);
        if (!/^\d{6}$/.test(pin)) problems.pin = t(`letters.error.pin.${pin === '' ? 'required' : 'invalid'}`);
        if (Object.keys(problems).length > 0) return expectRefusal(answer, 400, locale, problems);

        const real = sentLetters.get(input);
        if (code.ok && code.code === real?.code && pin === real.pin) {
          expect(answer.status, 'the letter is found with its code and PIN').toBe(200);
          expect(answer.json()).toMatchObject({ kind: realLetter.kind, title: realLetter.title, state: 'submitted' });
          found++;
          return;
        }
        expect(answer.status).toBe(404);
        expect(expectJsonError(answer, locale).error).toBe(t('letters.status.noMatch'));
      },
    });
    expectExercised(found, 'real letters looked up');
  });
});
