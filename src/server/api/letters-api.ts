/**
 * Letters over JSON (POST /api/v1/cases and /api/v1/cases/lookup). The JSON is checked for its
 * shape and types here, then turned into the form the page posts and handed to the same actions
 * (submitLetter, lookUpLetter), so the rules, the rate limits and the Store writes are the
 * page's own. Every POST that passes the origin check counts once against the same limit as
 * the page: in the action when it gets that far, here when the request is refused earlier.
 */
import { getCollection } from 'astro:content';
import { fieldMessage } from '../../components/letters/messages.ts';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { localeHref } from '../../i18n/paths.ts';
import { dictionaries, useTranslations, type UiKey } from '../../i18n/translate.ts';
import { formatTrackingCode } from '../../lib/cases/tracking-code.ts';
import { chooseEdition } from '../../lib/editions.ts';
import { clientAddress } from '../client-address.ts';
import { callerOf, INTEGRATION_LIMITS } from './integration-clients.ts';
import { statusOf } from '../cases/http-status.ts';
import { isLetterKind, RATE_LIMITS, type LetterKind } from '../cases/letter-settings.ts';
import type { LetterView } from '../cases/letter-view.ts';
import { lookUpLetter } from '../cases/look-up-letter.ts';
import { overLimit } from '../cases/rate-limit.ts';
import { submitLetter } from '../cases/submit-letter.ts';
import { LETTER_FIELDS, validateLetterFields, type LetterProblems } from '../cases/validate-letter.ts';
import { getCalendar, getStore } from '../store-instance.ts';
import { API_LETTER_MAX_BYTES, API_LOOKUP_MAX_BYTES, answerLocale, apiMessage, foreignOrigin, isObject, jsonResponse, readJson } from './json-api.ts';


type Fields = Record<string, string>;
interface Context { request: Request; url: URL; address: string | undefined }

const retryAfter = (windowMs: number) => ({ 'Retry-After': String(Math.ceil(windowMs / 1000)) });
const rateLimited = (locale: Locale, windowMs: number) =>
  jsonResponse(429, { error: useTranslations(locale)('letters.problem.rateLimited.text') }, retryAfter(windowMs));
const invalid = (locale: Locale, fields: Fields) => jsonResponse(400, { error: apiMessage('invalid', locale), fields });

/** The answer to a body that could not be read as a JSON object. */
function unreadable(error: 'UnsupportedType' | 'TooLarge' | 'Malformed' | 'NotObject', locale: Locale, limit: number): Response {
  switch (error) {
    case 'UnsupportedType': return jsonResponse(415, { error: apiMessage('unsupportedType', locale) }, { Accept: 'application/json' });
    // Not a byte more is kept; the connection stays open and Node drops the rest of the body, since
    // closing it under a client that is still sending resets it, and the client loses this answer.
    case 'TooLarge': return jsonResponse(413, { error: apiMessage('tooLarge', locale, { limit }) });
    case 'Malformed': return jsonResponse(400, { error: apiMessage('malformed', locale), fields: {} });
    case 'NotObject': return jsonResponse(400, { error: apiMessage('notObject', locale), fields: {} });
  }
}

const badKey = (request: Request) => jsonResponse(401, { error: apiMessage('badKey', answerLocale(undefined, request)) }, { 'WWW-Authenticate': 'Bearer' });
const forbidden = (request: Request) => jsonResponse(403, { error: apiMessage('foreignOrigin', answerLocale(undefined, request)) });

/** A string field: missing or null is '', any other type is a problem. */
function text(body: Record<string, unknown>, key: string): { value: string; wrongType: boolean } {
  const v = body[key];
  if (v === undefined || v === null) return { value: '', wrongType: false };
  return typeof v === 'string' ? { value: v, wrongType: false } : { value: '', wrongType: true };
}

type ParsedLetter =
  | { ok: true; kind: LetterKind; locale: Locale; form: FormData }
  | { ok: false; response: Response };

/** Checks a letter's JSON; every field's problem is named at once, in the requested language. */
function parseLetter(value: unknown, request: Request): ParsedLetter {
  if (!isObject(value)) return { ok: false, response: unreadable('NotObject', answerLocale(undefined, request), API_LETTER_MAX_BYTES) };
  const locale = answerLocale(value.locale, request);
  const t = useTranslations(locale);
  const fields: Fields = {};
  if (!isLetterKind(value.kind)) fields.kind = apiMessage('kind', locale);
  if (!isLocale(value.locale)) fields.locale = apiMessage('locale', locale);

  const form = new FormData();
  // A wrong type is answered with the field's own message: 'required' for the text fields
  // (there is no text), 'invalid' where the form has that message.
  const typeProblems: LetterProblems = {};
  for (const key of ['title', 'body', 'name', 'phone', 'email'] as const) {
    const { value: v, wrongType } = text(value, key);
    form.append(key, v);
    if (wrongType) typeProblems[key] = key === 'phone' || key === 'email' ? 'invalid' : 'required';
  }
  if (typeof value.publish === 'boolean') form.append('publish', value.publish ? 'yes' : 'no');
  else if (value.publish !== undefined && value.publish !== null) typeProblems.publish = 'required';

  const { problems } = validateLetterFields(form);
  const all: LetterProblems = { ...problems, ...typeProblems };
  for (const field of LETTER_FIELDS) if (all[field]) fields[field] = fieldMessage(t, locale, field, all[field]);
  if (value.attachments !== undefined) fields.attachments = apiMessage('noAttachments', locale);

  if (Object.keys(fields).length > 0) return { ok: false, response: invalid(locale, fields) };
  return { ok: true, kind: value.kind as LetterKind, locale: value.locale as Locale, form };
}

/** POST /api/v1/cases */
export async function postLetter({ request, url, address }: Context): Promise<Response> {
  if (foreignOrigin(request, url)) return forbidden(request);
  const caller = callerOf(request);
  if (caller.kind === 'refused') return badKey(request);
  const integration = caller.kind === 'integration' ? caller.name : undefined;
  const client = integration ? `integration:${integration}` : clientAddress(request, address);
  const submitLimit = integration ? INTEGRATION_LIMITS.submit : RATE_LIMITS.submit;
  const read = await readJson(request, API_LETTER_MAX_BYTES);
  const parsed = read.ok ? parseLetter(read.value, request) : undefined;
  const [store, calendar] = await Promise.all([getStore(), getCalendar()]);

  if (!parsed?.ok) {
    const locale = answerLocale(read.ok && isObject(read.value) ? read.value.locale : undefined, request);
    if (await overLimit(store, `letter-submit:${client}`, submitLimit)) return rateLimited(locale, submitLimit.windowMs);
    return parsed ? parsed.response : unreadable((read as { error: 'UnsupportedType' | 'TooLarge' | 'Malformed' }).error, locale, API_LETTER_MAX_BYTES);
  }

  const { kind, locale, form } = parsed;
  const t = useTranslations(locale);
  // No proof of work over JSON: integrations (the 12345 hotline) post for callers and have no
  // browser to solve one; the address's rate limit is what holds them (see the OpenAPI text).
  const outcome = await submitLetter({ store, calendar }, {
    kind, request: new Request(url, { method: 'POST', body: form }), client, channel: 'api',
    ...(integration ? { limit: submitLimit, source: integration } : {}),
  });
  if (outcome.ok) {
    return jsonResponse(201, {
      trackingCode: formatTrackingCode(outcome.code),
      pin: outcome.pin,
      dueDate: outcome.dueOn,
      statusUrl: new URL(localeHref(locale, '/letters/status/'), url).href,
    });
  }
  const { error } = outcome;
  switch (error.name) {
    case 'RateLimited': return rateLimited(locale, submitLimit.windowMs);
    case 'InvalidLetter': {
      const fields: Fields = {};
      for (const field of LETTER_FIELDS) if (error.problems[field]) fields[field] = fieldMessage(t, locale, field, error.problems[field]);
      return invalid(locale, fields);
    }
    case 'CalendarUnavailable': return jsonResponse(503, { error: t('letters.problem.unavailable.text') });
    // The form made here is small and well formed; these would mean a bug, answered as the page does.
    default: return jsonResponse(statusOf(error), { error: apiMessage('malformed', locale), fields: {} });
  }
}

/** POST /api/v1/cases/lookup */
export async function postLookup({ request, url, address }: Context): Promise<Response> {
  if (foreignOrigin(request, url)) return forbidden(request);
  const caller = callerOf(request);
  if (caller.kind === 'refused') return badKey(request);
  const client = caller.kind === 'integration' ? `integration:${caller.name}` : clientAddress(request, address);
  const lookupLimit = caller.kind === 'integration' ? INTEGRATION_LIMITS.lookup : RATE_LIMITS.lookup;
  const read = await readJson(request, API_LOOKUP_MAX_BYTES);
  const body = read.ok && isObject(read.value) ? read.value : undefined;
  const locale = answerLocale(body?.locale, request);
  const t = useTranslations(locale);
  const store = await getStore();

  let refusal: Response | undefined;
  const code = body ? text(body, 'trackingCode') : undefined;
  const pin = body ? text(body, 'pin') : undefined;
  if (!read.ok) refusal = unreadable(read.error, locale, API_LOOKUP_MAX_BYTES);
  else if (!body) refusal = unreadable('NotObject', locale, API_LOOKUP_MAX_BYTES);
  else {
    const fields: Fields = {};
    if (!isLocale(body.locale)) fields.locale = apiMessage('locale', locale);
    if (code!.wrongType) fields.trackingCode = fieldMessage(t, locale, 'code', 'invalid');
    if (pin!.wrongType) fields.pin = fieldMessage(t, locale, 'pin', 'invalid');
    if (Object.keys(fields).length > 0) refusal = invalid(locale, fields);
  }
  if (refusal) {
    if (await overLimit(store, `letter-lookup:${client}`, lookupLimit)) return rateLimited(locale, lookupLimit.windowMs);
    return refusal;
  }

  const form = new URLSearchParams({ code: code!.value, pin: pin!.value });
  const outcome = await lookUpLetter({ store }, { request: new Request(url, { method: 'POST', body: form }), client, limit: lookupLimit });
  if (outcome.ok) return jsonResponse(200, await letterJson(outcome.letter, locale));
  const { error } = outcome;
  switch (error.name) {
    case 'RateLimited': return rateLimited(locale, RATE_LIMITS.lookup.windowMs);
    // An unknown code and a wrong PIN get the same answer, as on the page.
    case 'NoMatch': return jsonResponse(404, { error: t('letters.status.noMatch') });
    case 'InvalidQuery': {
      const fields: Fields = {};
      if (error.problems.code) fields.trackingCode = fieldMessage(t, locale, 'code', error.problems.code);
      if (error.problems.pin) fields.pin = fieldMessage(t, locale, 'pin', error.problems.pin);
      return invalid(locale, fields);
    }
    default: return jsonResponse(statusOf(error), { error: apiMessage('malformed', locale), fields: {} });
  }
}

/** A letter as the API shows it to the holder of its code and PIN (the page's LetterStatus). */
async function letterJson(letter: LetterView, locale: Locale) {
  const t = useTranslations(locale);
  const label = (key: string, fallback: string) => (key in dictionaries[locale] ? t(key as UiKey) : fallback);
  let departmentName: string | null = null;
  if (letter.reply?.department) {
    const department = (await getCollection('departments')).find((d) => d.id === letter.reply!.department);
    departmentName = department ? chooseEdition(department.data, locale).edition.name : letter.reply.department;
  }
  return {
    trackingCode: formatTrackingCode(letter.code),
    kind: letter.kind,
    title: letter.title,
    state: letter.state,
    stateLabel: label(`letters.state.${letter.state}`, letter.state),
    submittedAt: letter.submittedAt.toISOString(),
    dueDate: letter.dueOn,
    timeline: letter.events.map((e) => ({
      at: e.at.toISOString(),
      type: e.type,
      label: label(`letters.event.${e.type}`, t('letters.event.updated')),
      ...(e.reason ? { reason: e.reason } : {}),
    })),
    ...(letter.reply
      ? { reply: { text: letter.reply.text, department: letter.reply.department, departmentName, at: letter.reply.at.toISOString() } }
      : {}),
  };
}
