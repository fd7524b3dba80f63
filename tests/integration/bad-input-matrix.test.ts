import { request as httpRequest } from 'node:http';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { limitVars } from '../../src/components/letters/messages.ts';
import { formatList } from '../../src/i18n/format.ts';
import { locales, type Locale } from '../../src/i18n/locales.ts';
import { useTranslations, type UiKey } from '../../src/i18n/translate.ts';
import { generateTrackingCode } from '../../src/lib/cases/tracking-code.ts';
import { API_LETTER_MAX_BYTES, API_LOOKUP_MAX_BYTES, apiMessage } from '../../src/server/api/json-api.ts';
import { LETTER_REQUEST_MAX_BYTES, STATUS_REQUEST_MAX_BYTES } from '../../src/server/cases/letter-settings.ts';
import { expectJsonError, expectPageIn, expectWrittenIn, multipartBody, MULTIPART_BOUNDARY, send, type Answer, type FuzzRequest, type Part } from '../support/fuzz.ts';
import { goodLetter } from '../support/letters.ts';

/**
 * Bad input of every kind, on every form and API route that exists, in every language: missing
 * fields, too long, wrong types, bad files, bytes that are not UTF-8, bodies over the limit, and
 * posts from another site. Each row names the status and the message the reader gets, in the
 * reader's language: the route's locale for pages, the body's `locale` (else Accept-Language) for
 * the API. The fuzz tests (fuzz-*.test.ts) look for what these rows do not think of.
 *
 * Not applicable, and so not here: files on the routes that take none (the status form, whose
 * "wrong type" row sends one anyway; the JSON API refuses an `attachments` member by name), and
 * bodies on the GET routes (a cross-site POST to the search pages is refused like any other).
 * A URL longer than Node's header limit (16 KB) is refused by Node itself with a bare 431.
 */

type Category = 'missing fields' | 'too long' | 'wrong types' | 'bad files' | 'bad UTF-8' | 'huge body' | 'forged Origin' | 'wrong method';
interface Row {
  category: Category;
  case: string;
  request: (locale: Locale) => FuzzRequest | Promise<FuzzRequest>;
  expect: (answer: Answer, locale: Locale) => void;
}

const base = () => inject('baseURL');
const acceptLanguage = { zh: 'zh-CN,zh;q=0.9', ug: 'ug-CN', en: 'en-GB,en;q=0.8' } as const;
const same = () => ({ Origin: base() });
const utf8 = (s: string) => new TextEncoder().encode(s);
/** The letter's fields as parts; a field given as bytes is sent with a byte that is not UTF-8 in front. */
const letterParts = (fields: Record<string, string | Uint8Array> = goodLetter): Part[] =>
  Object.entries(fields).map(([name, value]) => ({ name, value: typeof value === 'string' ? value : { before: '', bad: 'ff', after: Buffer.from(value).toString() } }));
const multipart = (path: string, parts: Part[], headers: Record<string, string> = same()): FuzzRequest => ({
  method: 'POST', path, headers: { ...headers, 'Content-Type': `multipart/form-data; boundary=${MULTIPART_BOUNDARY}` }, body: multipartBody(parts),
});
const urlencoded = (path: string, body: string, headers: Record<string, string> = same()): FuzzRequest => ({
  method: 'POST', path, headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' }, body,
});
const json = (path: string, body: string | Uint8Array, locale: Locale, headers: Record<string, string> = {}): FuzzRequest => ({
  method: 'POST', path, headers: { 'Content-Type': 'application/json', 'Accept-Language': acceptLanguage[locale], ...headers }, body,
});
/** JSON text with raw bytes in place of a marker (bytes a JSON string cannot say). */
const withBytes = (text: string, marker: string, bytes: number[]) => {
  const [before, after] = text.split(marker);
  return Buffer.concat([utf8(before!), Uint8Array.from(bytes), utf8(after!)]);
};
const file = (name: string, type: string, bytes: Uint8Array): Part => ({ name: 'attachments', filename: name, type, bytes });

// ————— what the reader gets —————

/** The letter form again, its error summary naming these problems in the reader's language. */
const formAgain = (status: number, problems: [string, string][]) => (answer: Answer, locale: Locale) => {
  const t = useTranslations(locale);
  expect(answer.status).toBe(status);
  expectPageIn(answer, locale);
  const summary = answer.$('.error-summary li a').map((_, a) => answer.$(a).text()).get();
  expect(summary).toEqual(problems.map(([f, p]) => t(`letters.error.${f}.${p}` as UiKey, limitVars(locale))));
};

/** A page that says why the form was refused, in the reader's language. */
const problemPage = (status: number, problem: 'tooLarge' | 'unreadable') => (answer: Answer, locale: Locale) => {
  const t = useTranslations(locale);
  expect(answer.status).toBe(status);
  expectPageIn(answer, locale);
  expect(answer.$('h1').text()).toBe(t(`letters.problem.${problem}.title`));
  expectWrittenIn(answer.$('.notice').text(), locale);
};

/** The page refusing a post from another site, in the route's language. */
const forbiddenPage = (answer: Answer, locale: Locale) => {
  expect(answer.status).toBe(403);
  expectPageIn(answer, locale);
  expectWrittenIn(answer.$('h1').text(), locale, 'the heading');
  expectWrittenIn(answer.$('main p').first().text(), locale, 'the explanation');
};

/** A JSON refusal in the reader's language: its error, and the members it names with their messages. */
const jsonRefusal = (status: number, error?: (locale: Locale) => string, fields?: Record<string, ((locale: Locale) => string) | true>) => (answer: Answer, locale: Locale) => {
  expect(answer.status).toBe(status);
  const body = expectJsonError(answer, locale);
  if (error) expect(body.error).toBe(error(locale));
  if (fields) {
    expect(Object.keys(body.fields ?? {}).sort()).toEqual(Object.keys(fields).sort());
    for (const [f, message] of Object.entries(fields)) if (message !== true) expect(body.fields![f]).toBe(message(locale));
  }
};
const fieldMessage = (field: string, problem: string) => (locale: Locale) => useTranslations(locale)(`letters.error.${field}.${problem}` as UiKey, limitVars(locale));

/** A page of the route's locale with a notice that says, in that language, what was ignored. */
const ignoredNotice = (key: 'search.invalid' | 'filter.invalid', labels: UiKey[]) => (answer: Answer, locale: Locale) => {
  const t = useTranslations(locale);
  expect(answer.status).toBe(200);
  expectPageIn(answer, locale);
  const message = t(key, { fields: formatList(labels.map((l) => t(l)), locale) });
  expect(answer.$('.notice').map((_, e) => answer.$(e).text()).get()).toContain(message);
};

/** A 405 in JSON, in the Accept-Language choice, naming the methods the route takes in its message and in Allow. */
const wrongMethod = (methods: string, allow: string) => (answer: Answer, locale: Locale) => {
  jsonRefusal(405, (l) => apiMessage('methodNotAllowed', l, { methods }))(answer, locale);
  expect(answer.headers.get('allow')).toBe(allow);
};
/** A request with a method the route does not take, from the portal's own pages. */
const withMethod = (method: string, path: string, locale: Locale): FuzzRequest => ({ method, path, headers: { Origin: base(), 'Accept-Language': acceptLanguage[locale], 'Content-Type': 'application/json' }, body: '{}' });

// ————— the rows —————

const write = (l: Locale) => `/${l}/letters/write/complaint/`;
const status = (l: Locale) => `/${l}/letters/status/`;
const { title: _title, ...noTitle } = goodLetter;
let truncatedPng: Uint8Array | undefined;
const pngCutShort = async () => (truncatedPng ??= new Uint8Array(await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c33' } }).png().toBuffer()).subarray(0, 60));
const oneMbPdf = () => { const b = new Uint8Array(1024 * 1024 + 1); b.set(utf8('%PDF-1.7\n')); return b; };
const pdf = utf8('%PDF-1.4\n%%EOF\n');

const letterRows: Row[] = [
  { category: 'missing fields', case: 'nothing at all (multipart)', request: (l) => multipart(write(l), []), expect: formAgain(400, [['title', 'required'], ['body', 'required'], ['name', 'required'], ['phone', 'required'], ['publish', 'required']]) },
  { category: 'missing fields', case: 'no title (urlencoded)', request: (l) => urlencoded(write(l), new URLSearchParams(noTitle).toString()), expect: formAgain(400, [['title', 'required']]) },
  { category: 'too long', case: 'a title of 26 characters', request: (l) => multipart(write(l), letterParts({ ...goodLetter, title: '长'.repeat(26) })), expect: formAgain(400, [['title', 'tooLong']]) },
  { category: 'too long', case: 'a letter of 601 characters and a name of 51', request: (l) => multipart(write(l), letterParts({ ...goodLetter, body: 'ئ'.repeat(601), name: 'x'.repeat(51) })), expect: formAgain(400, [['body', 'tooLong'], ['name', 'tooLong']]) },
  { category: 'wrong types', case: 'a file in the title field', request: (l) => multipart(write(l), [{ name: 'title', filename: 'title.txt', type: 'text/plain', bytes: utf8(goodLetter.title) }, ...letterParts(noTitle)]), expect: formAgain(400, [['title', 'required']]) },
  { category: 'wrong types', case: 'publish neither yes nor no, a phone of letters', request: (l) => urlencoded(write(l), new URLSearchParams({ ...goodLetter, publish: 'true', phone: 'one three nine' }).toString()), expect: formAgain(400, [['phone', 'invalid'], ['publish', 'required']]) },
  { category: 'bad files', case: 'an executable named .pdf', request: (l) => multipart(write(l), [...letterParts(), file('letter.pdf', 'application/pdf', utf8('MZ\u0090\u0000 program'))]), expect: formAgain(400, [['attachments', 'fileType']]) },
  { category: 'bad files', case: 'a PNG cut short (it does not decode)', request: async (l) => multipart(write(l), [...letterParts(), file('scan.png', 'image/png', await pngCutShort())]), expect: formAgain(400, [['attachments', 'fileType']]) },
  { category: 'bad files', case: 'an empty file with a name', request: (l) => multipart(write(l), [...letterParts(), file('empty.pdf', 'application/pdf', new Uint8Array(0))]), expect: formAgain(400, [['attachments', 'fileType']]) },
  { category: 'bad files', case: 'four files', request: (l) => multipart(write(l), [...letterParts(), ...[1, 2, 3, 4].map((n) => file(`${n}.pdf`, 'application/pdf', pdf))]), expect: formAgain(400, [['attachments', 'tooManyFiles']]) },
  { category: 'bad files', case: 'a file over 1 MB', request: (l) => multipart(write(l), [...letterParts(), file('big.pdf', 'application/pdf', oneMbPdf())]), expect: formAgain(413, [['attachments', 'fileTooLarge']]) },
  { category: 'bad UTF-8', case: 'a title that is not UTF-8 (multipart)', request: (l) => multipart(write(l), letterParts({ ...goodLetter, title: utf8('路灯损坏已经一周了请修') })), expect: formAgain(400, [['title', 'encoding']]) },
  { category: 'bad UTF-8', case: 'a letter that is not UTF-8 (urlencoded)', request: (l) => urlencoded(write(l), `${new URLSearchParams({ ...goodLetter, body: '' }).toString().replace('body=', 'body=%FF%FE%E5%8C%BB')}`), expect: formAgain(400, [['body', 'encoding']]) },
  { category: 'bad UTF-8', case: 'a body that is not a form at all', request: (l) => ({ method: 'POST', path: write(l), headers: { ...same(), 'Content-Type': `multipart/form-data; boundary=${MULTIPART_BOUNDARY}` }, body: Uint8Array.from([0xff, 0xfe, 0x00, 0x41]) }), expect: problemPage(400, 'unreadable') },
  { category: 'forged Origin', case: 'another site', request: (l) => multipart(write(l), letterParts(), { Origin: 'https://evil.example' }), expect: forbiddenPage },
  { category: 'forged Origin', case: 'an opaque origin (Origin: null)', request: (l) => multipart(write(l), letterParts(), { Origin: 'null' }), expect: forbiddenPage },
  { category: 'forged Origin', case: 'no Origin (urlencoded)', request: (l) => urlencoded(write(l), new URLSearchParams(goodLetter).toString(), {}), expect: forbiddenPage },
];

const statusRows: Row[] = [
  { category: 'missing fields', case: 'neither code nor PIN', request: (l) => urlencoded(status(l), ''), expect: formAgain(400, [['code', 'required'], ['pin', 'required']]) },
  { category: 'too long', case: 'a code of 60 characters and a PIN of 7 digits', request: (l) => urlencoded(status(l), new URLSearchParams({ code: 'K'.repeat(60), pin: '1234567' }).toString()), expect: formAgain(400, [['code', 'invalid'], ['pin', 'invalid']]) },
  { category: 'wrong types', case: 'the code sent as a file', request: (l) => multipart(status(l), [{ name: 'code', filename: 'code.txt', type: 'text/plain', bytes: utf8(generateTrackingCode()) }, { name: 'pin', value: '123456' }]), expect: formAgain(400, [['code', 'required']]) },
  { category: 'wrong types', case: 'a PIN of letters', request: (l) => urlencoded(status(l), new URLSearchParams({ code: generateTrackingCode(), pin: 'abcdef' }).toString()), expect: formAgain(400, [['pin', 'invalid']]) },
  { category: 'bad UTF-8', case: 'a code that is not UTF-8', request: (l) => urlencoded(status(l), 'code=K7MXC%FF4HT9A&pin=123456'), expect: formAgain(400, [['code', 'invalid']]) },
  { category: 'huge body', case: '9 KB (over the 8 KB a lookup may be)', request: (l) => urlencoded(status(l), `code=${'x'.repeat(9 * 1024)}&pin=123456`), expect: problemPage(413, 'unreadable') },
  { category: 'forged Origin', case: 'another site', request: (l) => urlencoded(status(l), 'code=x&pin=1', { Origin: 'https://evil.example' }), expect: forbiddenPage },
  { category: 'forged Origin', case: 'no Origin (multipart)', request: (l) => multipart(status(l), [{ name: 'code', value: 'x' }], {}), expect: forbiddenPage },
];

const apiLetter = (l: Locale, extra: Record<string, unknown> = {}) => JSON.stringify({ ...goodLetter, kind: 'complaint', locale: l, publish: false, ...extra });
const casesRows: Row[] = [
  { category: 'wrong method', case: 'PUT', request: (l) => withMethod('PUT', '/api/v1/cases', l), expect: wrongMethod('POST', 'POST') },
  { category: 'wrong method', case: 'DELETE', request: (l) => withMethod('DELETE', '/api/v1/cases', l), expect: wrongMethod('POST', 'POST') },
  { category: 'missing fields', case: 'only kind and locale', request: (l) => json('/api/v1/cases', JSON.stringify({ kind: 'mailbox', locale: l }), l), expect: jsonRefusal(400, (l) => apiMessage('invalid', l), { title: fieldMessage('title', 'required'), body: fieldMessage('body', 'required'), name: fieldMessage('name', 'required'), phone: fieldMessage('phone', 'required'), publish: fieldMessage('publish', 'required') }) },
  { category: 'missing fields', case: 'an empty body', request: (l) => json('/api/v1/cases', '', l), expect: jsonRefusal(400, (l) => apiMessage('malformed', l), {}) },
  { category: 'too long', case: 'a title of 26 characters', request: (l) => json('/api/v1/cases', apiLetter(l, { title: '𠀀'.repeat(26) }), l), expect: jsonRefusal(400, undefined, { title: fieldMessage('title', 'tooLong') }) },
  { category: 'wrong types', case: 'a number for the title, a string for publish', request: (l) => json('/api/v1/cases', apiLetter(l, { title: 12345678901, publish: 'yes' }), l), expect: jsonRefusal(400, undefined, { title: fieldMessage('title', 'required'), publish: fieldMessage('publish', 'required') }) },
  { category: 'wrong types', case: 'an unknown kind', request: (l) => json('/api/v1/cases', apiLetter(l, { kind: 'praise' }), l), expect: jsonRefusal(400, undefined, { kind: (l) => apiMessage('kind', l) }) },
  { category: 'wrong types', case: 'a form instead of JSON', request: (l) => json('/api/v1/cases', new URLSearchParams(goodLetter).toString(), l, { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base() }), expect: jsonRefusal(415, (l) => apiMessage('unsupportedType', l)) },
  { category: 'bad files', case: 'an attachment', request: (l) => json('/api/v1/cases', apiLetter(l, { attachments: [{ name: 'a.pdf', data: 'JVBERi0=' }] }), l), expect: jsonRefusal(400, undefined, { attachments: (l) => apiMessage('noAttachments', l) }) },
  { category: 'bad UTF-8', case: 'a name that is not UTF-8', request: (l) => json('/api/v1/cases', withBytes(apiLetter(l, { name: '李@@明' }), '@@', [0xff, 0xfe]), l), expect: jsonRefusal(400, undefined, { name: fieldMessage('name', 'encoding') }) },
  { category: 'bad UTF-8', case: 'a lone surrogate in the letter', request: (l) => json('/api/v1/cases', apiLetter(l).replace('幸福路', '\\udc00幸福路'), l), expect: jsonRefusal(400, undefined, { body: fieldMessage('body', 'encoding') }) },
  { category: 'huge body', case: '100 KB (over 64 KB)', request: (l) => json('/api/v1/cases', apiLetter(l, { body: 'x'.repeat(100 * 1024) }), l), expect: jsonRefusal(413, (l) => apiMessage('tooLarge', l, { limit: 64 * 1024 })) },
  { category: 'forged Origin', case: 'another site', request: (l) => json('/api/v1/cases', apiLetter(l), l, { Origin: 'https://evil.example' }), expect: jsonRefusal(403, (l) => apiMessage('foreignOrigin', l)) },
  { category: 'forged Origin', case: 'a form type from no origin', request: (l) => json('/api/v1/cases', apiLetter(l), l, { 'Content-Type': 'text/plain' }), expect: jsonRefusal(403, (l) => apiMessage('foreignOrigin', l)) },
];

const lookupBody = (l: Locale, extra: Record<string, unknown> = {}) => JSON.stringify({ trackingCode: generateTrackingCode(), pin: '123456', locale: l, ...extra });
const lookupRows: Row[] = [
  { category: 'wrong method', case: 'GET', request: (l) => ({ ...withMethod('GET', '/api/v1/cases/lookup', l), body: undefined }), expect: wrongMethod('POST', 'POST') },
  { category: 'missing fields', case: 'an empty object', request: (l) => json('/api/v1/cases/lookup', '{}', l), expect: jsonRefusal(400, (l) => apiMessage('invalid', l), { locale: true }) },
  { category: 'missing fields', case: 'only the locale', request: (l) => json('/api/v1/cases/lookup', JSON.stringify({ locale: l }), l), expect: jsonRefusal(400, undefined, { trackingCode: fieldMessage('code', 'required'), pin: fieldMessage('pin', 'required') }) },
  { category: 'too long', case: 'a code of 2,000 characters', request: (l) => json('/api/v1/cases/lookup', lookupBody(l, { trackingCode: 'K'.repeat(2000) }), l), expect: jsonRefusal(400, undefined, { trackingCode: fieldMessage('code', 'invalid') }) },
  { category: 'wrong types', case: 'a number for the PIN, an array for the code', request: (l) => json('/api/v1/cases/lookup', lookupBody(l, { pin: 123456, trackingCode: ['K7MXC'] }), l), expect: jsonRefusal(400, undefined, { trackingCode: fieldMessage('code', 'invalid'), pin: fieldMessage('pin', 'invalid') }) },
  { category: 'wrong types', case: 'JSON that is not an object', request: (l) => json('/api/v1/cases/lookup', '["K7MXC-4HT9A", "123456"]', l), expect: jsonRefusal(400, (l) => apiMessage('notObject', l), {}) },
  { category: 'bad UTF-8', case: 'a code that is not UTF-8', request: (l) => json('/api/v1/cases/lookup', Buffer.concat([utf8(`{"locale":"${l}","pin":"123456","trackingCode":"K7MXC`), Uint8Array.from([0xc0, 0xaf]), utf8('4HT9"}')]), l), expect: jsonRefusal(400, undefined, { trackingCode: fieldMessage('code', 'invalid') }) },
  { category: 'huge body', case: '9 KB (over 8 KB)', request: (l) => json('/api/v1/cases/lookup', lookupBody(l, { note: 'x'.repeat(9 * 1024) }), l), expect: jsonRefusal(413, (l) => apiMessage('tooLarge', l, { limit: 8 * 1024 })) },
  { category: 'forged Origin', case: 'another site', request: (l) => json('/api/v1/cases/lookup', lookupBody(l), l, { Origin: 'https://evil.example' }), expect: jsonRefusal(403, (l) => apiMessage('foreignOrigin', l)) },
  { category: 'forged Origin', case: 'a form type from no origin', request: (l) => json('/api/v1/cases/lookup', lookupBody(l), l, { 'Content-Type': 'multipart/form-data; boundary=x' }), expect: jsonRefusal(403, (l) => apiMessage('foreignOrigin', l)) },
];

const get = (path: string, locale?: Locale): FuzzRequest => ({ method: 'GET', path, headers: locale ? { 'Accept-Language': acceptLanguage[locale] } : {} });
const searchApiRows: Row[] = [
  { category: 'wrong method', case: 'POST', request: (l) => withMethod('POST', `/api/v1/search?q=x&locale=${l}`, l), expect: wrongMethod('GET', 'GET, HEAD') },
  { category: 'missing fields', case: 'no q', request: (l) => get(`/api/v1/search?locale=${l}`), expect: jsonRefusal(400, (l) => apiMessage('query', l)) },
  { category: 'missing fields', case: 'no locale (the message follows Accept-Language)', request: (l) => get('/api/v1/search?q=region', l), expect: jsonRefusal(400, (l) => apiMessage('locale', l)) },
  { category: 'too long', case: 'q of 1,000 characters: cut to 100', request: (l) => get(`/api/v1/search?locale=${l}&q=${'长'.repeat(1000)}`), expect: (a) => { expect(a.status).toBe(200); expect(a.json().query).toBe('长'.repeat(100)); } },
  { category: 'wrong types', case: 'an unknown locale', request: (l) => get('/api/v1/search?q=region&locale=fr', l), expect: jsonRefusal(400, (l) => apiMessage('locale', l)) },
  { category: 'bad UTF-8', case: 'a locale that is not UTF-8', request: (l) => get(`/api/v1/search?q=x&locale=${l}%FF`, l), expect: jsonRefusal(400, (l) => apiMessage('locale', l)) },
  { category: 'bad UTF-8', case: 'q that is not UTF-8: searched as read', request: (l) => get(`/api/v1/search?locale=${l}&q=%E5%8C%BB%FF`), expect: (a) => { expect(a.status).toBe(200); expect(a.json().query).toBe('医\uFFFD'); } },
];

const searchPage = (l: Locale) => `/${l}/search/`;
const filterPage = (l: Locale) => `/${l}/policies/filter/`;
const pageRows: Row[] = [
  { category: 'missing fields', case: 'search without q: the page and its hint', request: (l) => get(searchPage(l)), expect: (a, l) => { expect(a.status).toBe(200); expectPageIn(a, l); expect(a.$('[data-testid=search-status]').text().trim()).toBe(useTranslations(l)('search.hint')); } },
  { category: 'too long', case: 'search for 1,000 characters: cut to 100', request: (l) => get(`${searchPage(l)}?q=${'长'.repeat(1000)}`), expect: (a, l) => { expect(a.status).toBe(200); expectPageIn(a, l); expect(a.$('#search-q').val()).toBe('长'.repeat(100)); } },
  { category: 'wrong types', case: 'search page=two, year=二〇二五', request: (l) => get(`${searchPage(l)}?q=x&page=two&year=${encodeURIComponent('二〇二五')}`), expect: ignoredNotice('search.invalid', ['filter.year', 'pagination.page']) },
  { category: 'bad UTF-8', case: 'search for bytes that are not UTF-8', request: (l) => get(`${searchPage(l)}?q=%E5%8C%BB%FF&type=%ED%A0%80`), expect: (a, l) => { ignoredNotice('search.invalid', ['search.type'])(a, l); expect(a.$('#search-q').val()).toBe('医\uFFFD'); } },
  { category: 'bad UTF-8', case: 'search with a % that starts no escape', request: (l) => get(`${searchPage(l)}?q=50%`), expect: (a, l) => { expect(a.status).toBe(200); expectPageIn(a, l); expect(a.$('#search-q').val()).toBe('50%'); } },
  { category: 'forged Origin', case: 'a cross-site post to the search page', request: (l) => urlencoded(searchPage(l), 'q=x', { Origin: 'https://evil.example' }), expect: forbiddenPage },
  { category: 'too long', case: 'a publisher of 5,000 characters', request: (l) => get(`${filterPage(l)}?department=${'x'.repeat(5000)}`), expect: ignoredNotice('filter.invalid', ['filter.department']) },
  { category: 'wrong types', case: 'year=abc and page=-1', request: (l) => get(`${filterPage(l)}?year=abc&page=-1`), expect: ignoredNotice('filter.invalid', ['filter.year', 'pagination.page']) },
  { category: 'bad UTF-8', case: 'a sort that is not UTF-8', request: (l) => get(`${filterPage(l)}?sort=%FF%FE%`), expect: ignoredNotice('filter.invalid', ['filter.sort']) },
  { category: 'forged Origin', case: 'a cross-site post to the filter', request: (l) => urlencoded(filterPage(l), 'year=2025', {}), expect: forbiddenPage },
];

const pathRows: Row[] = [
  { category: 'bad UTF-8', case: 'a path that is not UTF-8: the language\'s "page not found"', request: (l) => get(`/${l}/news/%E5%8C%BB%FF/`), expect: (a, l) => { expect(a.status).toBe(404); expectPageIn(a, l); expectWrittenIn(a.$('h1').text(), l, 'the heading'); } },
  { category: 'bad UTF-8', case: 'a path with a % that starts no escape', request: (l) => get(`/${l}/policies/50%/?q=1`), expect: (a, l) => { expect(a.status).toBe(404); expectPageIn(a, l); } },
];

const routes: [string, Row[]][] = [
  ['POST /{locale}/letters/write/{kind}/', letterRows],
  ['POST /{locale}/letters/status/', statusRows],
  ['POST /api/v1/cases', casesRows],
  ['POST /api/v1/cases/lookup', lookupRows],
  ['GET /api/v1/search', searchApiRows],
  ['GET /{locale}/search/ and /{locale}/policies/filter/', pageRows],
  ['GET /{locale}/…, any page', pathRows],
];

describe.each(routes)('%s', (_, rows) => {
  it.each(rows.flatMap((row) => locales.map((locale) => [row.category, row.case, locale, row] as const)))('%s: %s (%s)', async (_c, _n, locale, row) => {
    row.expect(await send(await row.request(locale)), locale);
  });
});

// ————— bodies over the limit, refused without being read —————

/**
 * Posts a body over a route's limit without ever finishing it: either 64 MB declared in
 * Content-Length and not one byte sent, or sent chunked up to one byte past the limit and never
 * ended. Either way the server can only answer by deciding at the limit, before the body is all
 * there. (The chunked body stops at the limit's next byte so that the server has read all that
 * was sent when it closes the connection: bytes left unread would make it reset the connection,
 * and a reset can lose the answer on its way to the client.)
 */
function unfinishedPost(path: string, headers: Record<string, string>, mode: 'declared' | 'chunked', limit: number): Promise<{ status: number; text: string }> {
  const url = new URL(path, base());
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
      headers: { 'X-Forwarded-For': `198.18.0.${Math.floor(Math.random() * 250)}-${Date.now()}`, ...headers, ...(mode === 'declared' ? { 'Content-Length': String(64 * 1024 * 1024) } : {}) },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        resolve({ status: res.statusCode!, text });
        req.destroy();
      });
    });
    req.on('error', reject);
    if (mode === 'declared') return void req.flushHeaders();
    for (let sent = 0; sent <= limit; sent += 16 * 1024) req.write(Buffer.alloc(Math.min(16 * 1024, limit + 1 - sent), 0x78));
  });
}

describe('a body over the limit is answered 413, in the reader\'s language, before it is all sent', () => {
  const limits = [
    ['/ug/letters/write/mailbox/', 'multipart/form-data; boundary=x', 'ug', LETTER_REQUEST_MAX_BYTES],
    ['/en/letters/status/', 'application/x-www-form-urlencoded', 'en', STATUS_REQUEST_MAX_BYTES],
    ['/api/v1/cases', 'application/json', 'ug', API_LETTER_MAX_BYTES],
    ['/api/v1/cases/lookup', 'application/json', 'zh', API_LOOKUP_MAX_BYTES],
  ] as const;
  it.each(limits.flatMap(([path, type, locale, limit]) => (['declared', 'chunked'] as const).map((mode) => [path, mode, type, locale, limit] as const)))('%s, %s', async (path, mode, type, locale, limit) => {
    const res = await unfinishedPost(path, { Origin: base(), 'Content-Type': type, 'Accept-Language': acceptLanguage[locale] }, mode, limit);
    expect(res.status).toBe(413);
    const message = path.startsWith('/api/') ? (JSON.parse(res.text) as { error: string }).error : /<h1>([^<]*)<\/h1>/.exec(res.text)?.[1];
    expectWrittenIn(message, locale);
  });
});
