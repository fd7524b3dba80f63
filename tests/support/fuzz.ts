import { load, type CheerioAPI } from 'cheerio';
import fc from 'fast-check';
import sharp from 'sharp';
import { expect, inject } from 'vitest';
import { htmlLang, textDirection, type Locale } from '../../src/i18n/locales.ts';

/**
 * Property-based fuzzing of the server's routes over HTTP (fast-check), for the integration suite.
 *
 * A route is described once as a RouteSpec: how a generated input becomes a request, which statuses
 * the route documents, and what must hold of every answer. fuzzRoute runs it FUZZ_RUNS times
 * (default 1,000) against the built server, a few requests at a time, and shrinks a failure to a
 * small input. Inputs are plain descriptions (`{ repeat: '长', times: 601 }`, `{ before, bad: 'ff',
 * after }`, `{ kind: 'png', cut: 40 }`) turned into bytes only when sent, so a counterexample reads
 * as what was sent rather than as a wall of bytes.
 *
 * The generators (hostile text, text at a length limit, bytes that are not UTF-8, files that lie
 * about their type, raw multipart and urlencoded bodies, query strings, origins, languages) know
 * nothing of letters: the back office and the online services reuse them for their own routes.
 *
 * Environment: FUZZ_RUNS (runs per route), FUZZ_SEED (seed of the first of the parallel runners),
 * FUZZ_PATH (with FUZZ_SEED, replays the one failing run fast-check printed), FUZZ_CONCURRENCY.
 * A failure of the connection itself (a reset) is reported on the request that met it; with
 * connections kept alive that may not be the request that caused it, so a counterexample that
 * does not fail alone is worth a run with FUZZ_CONCURRENCY=1.
 */

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const CONCURRENCY = Math.max(1, Number(process.env.FUZZ_CONCURRENCY ?? 4));

const base = () => inject('baseURL');
const utf8 = new TextEncoder();

// ————— HTTP —————

/** A request as the fuzzer sends it. The body is sent byte for byte; no header is added but the client address. */
export interface FuzzRequest {
  method: string;
  /** Path and query, as typed: `new URL` percent-encodes only what a URL cannot hold, so `%FF` reaches the server. */
  path: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  /** Send the body in chunks as it is written (no Content-Length), as a client streaming an upload does. */
  stream?: boolean;
}

export interface Answer {
  status: number;
  headers: Headers;
  /** The Content-Type, '' when there is none. */
  type: string;
  text: string;
  /** The answer parsed as HTML (parsed on first use). */
  readonly $: CheerioAPI;
  /** The answer parsed as JSON; fails the property (with the text) when it is not JSON. */
  json<T = Record<string, unknown>>(): T;
}

let sent = 0;
/** A client address of its own for each request (the test server trusts X-Forwarded-For), so per-address limits never interfere. */
export const freshAddress = () => `203.0.113.${++sent % 250}-${process.pid}-${sent}`;

export const bytesOf = (body: Uint8Array | string | undefined): Uint8Array | undefined => (typeof body === 'string' ? utf8.encode(body) : body);

/** Sends a request to the test server and reads the whole answer. */
export async function send(request: FuzzRequest): Promise<Answer> {
  // A string body would get a Content-Type from fetch; bytes get none, so the request says only what it means to.
  const bytes = bytesOf(request.body);
  const res = await fetch(`${base()}${request.path}`, {
    method: request.method,
    body: (request.stream && bytes ? chunked(bytes) : bytes) as BodyInit | undefined,
    headers: { 'X-Forwarded-For': freshAddress(), ...request.headers },
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
    ...(request.stream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const text = await res.text();
  let $: CheerioAPI | undefined;
  return {
    status: res.status,
    headers: res.headers,
    type: res.headers.get('content-type') ?? '',
    text,
    get $() { return ($ ??= load(text)); },
    json<T>() {
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new Error(`the answer is not JSON: ${JSON.stringify(text.slice(0, 200))}`);
      }
    },
  };
}

const chunked = (bytes: Uint8Array) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 16 * 1024) controller.enqueue(bytes.slice(i, i + 16 * 1024));
      controller.close();
    },
  });

/** Streamed or not: mostly not, as browsers send forms. */
export const fuzzStream = fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

/** A request in a few readable lines, for failure messages. */
export function describeRequest(request: FuzzRequest): string {
  const headers = Object.entries(request.headers ?? {}).map(([k, v]) => `  ${k}: ${v}`);
  const bytes = bytesOf(request.body);
  // As UTF-8 (bytes that are not UTF-8 show as U+FFFD), JSON-quoted so that controls and bidi marks are visible.
  const body = bytes ? `  body (${bytes.length} bytes): ${JSON.stringify(new TextDecoder().decode(bytes.subarray(0, 600)))}${bytes.length > 600 ? '…' : ''}` : '';
  return [`${request.method} ${request.path}${request.stream ? ' (body streamed)' : ''}`, ...headers, body].filter(Boolean).join('\n');
}

// ————— Running a route —————

/** A route to fuzz: any form or API route of the server. */
export interface RouteSpec<I> {
  /** The route as documented, e.g. `POST /{locale}/letters/status/`. */
  name: string;
  input: fc.Arbitrary<I>;
  request: (input: I) => FuzzRequest | Promise<FuzzRequest>;
  /** The statuses the route documents; any other (and any 5xx) fails the property. */
  statuses: readonly number[];
  /** What must hold of the answer to this input; throws (expect) when it does not. */
  check: (answer: Answer, input: I, request: FuzzRequest) => void | Promise<void>;
}

export interface FuzzReport { runs: number; seconds: number; statuses: Record<number, number> }

/**
 * Runs a route's property FUZZ_RUNS times: CONCURRENCY runners, each with its own seed and its
 * share of the runs, so the server is kept busy while every failure still shrinks. A failure
 * names the request sent, the answer and the command that replays it.
 */
export async function fuzzRoute<I>(spec: RouteSpec<I>, options: { numRuns?: number } = {}): Promise<FuzzReport> {
  const numRuns = options.numRuns ?? FUZZ_RUNS;
  const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 30));
  const path = process.env.FUZZ_PATH;
  const runners = path ? 1 : Math.min(CONCURRENCY, numRuns);
  const perRunner = Math.ceil(numRuns / runners);
  const statuses: Record<number, number> = {};
  const started = performance.now();

  const property = fc.asyncProperty(spec.input, async (input) => {
    const request = await spec.request(input);
    const answer = await send(request);
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    try {
      expect(answer.status, 'a server error').toBeLessThan(500);
      // Every route: an address past Node's 16 KB header limit is refused before any page, in all three languages.
      if (answer.status === 431) {
        expect(Buffer.byteLength(request.path), 'a 431 for an address within the limit').toBeGreaterThan(8 * 1024);
        expect(answer.text).toContain('The address is too long');
        expect(answer.text).toContain('网址过长');
        return;
      }
      expect(spec.statuses, `${answer.status} is not a status ${spec.name} documents`).toContain(answer.status);
      await spec.check(answer, input, request);
    } catch (e) {
      const excerpt = answer.text.replace(/\s+/g, ' ').slice(0, 300);
      throw new Error(`${(e as Error).message}\n--- request ---\n${describeRequest(request)}\n--- answer ---\n${answer.status} ${answer.type}\n${excerpt}`, { cause: e });
    }
  });

  const results = await Promise.allSettled(
    Array.from({ length: runners }, (_, i) =>
      fc.assert(property, { seed: seed + i, numRuns: perRunner, ...(path ? { path } : {}) }).catch((e: Error) => {
        const replay = /seed: (-?\d+), path: "([^"]*)"/.exec(e.message);
        const hint = replay ? `\nReplay this run: FUZZ_SEED=${replay[1]} FUZZ_PATH=${replay[2]} npx vitest run --project integration <this file>` : '';
        throw new Error(`${spec.name}: ${e.message}${hint}`, { cause: e });
      }),
    ),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  const report = { runs: perRunner * runners, seconds: (performance.now() - started) / 1000, statuses };
  const histogram = Object.entries(statuses).map(([s, n]) => `${s}×${n}`).join(' ');
  console.log(`fuzz ${spec.name}: ${report.runs} runs in ${report.seconds.toFixed(1)} s (${histogram})`);
  return report;
}

/** fc.record without null prototypes, so that a counterexample prints as plain object literals. */
export const record = <T extends Record<string, unknown>>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> =>
  fc.record(model, { noNullPrototype: true }) as unknown as fc.Arbitrary<T>;

/**
 * That a property met the inputs it is there for (letters accepted, real letters found) at least
 * once: at the default 1,000 runs they come by the dozen, but a short run (FUZZ_RUNS < 500) may miss them.
 */
export function expectExercised(count: number, what: string): void {
  if (FUZZ_RUNS >= 500) expect(count, `${what}: none in ${FUZZ_RUNS} runs`).toBeGreaterThan(0);
}

// ————— Text —————

/**
 * A field's text as the fuzzer sends it: a string (any code points, lone surrogates included:
 * they go out as UTF-8's replacement character, as a browser sends them), a long run of one
 * character, or text with bytes that are not UTF-8 in the middle.
 */
export type FuzzText = string | { repeat: string; times: number } | { before: string; bad: BadUtf8; after: string };

/** Byte sequences that are not UTF-8: stray bytes, an overlong form, an encoded surrogate, a cut sequence, a code point past U+10FFFF. */
export const BAD_UTF8 = ['ff', 'fe', 'c0 af', 'ed a0 80', 'e5 8c', '80', 'f4 90 80 80', 'c3'] as const;
export type BadUtf8 = (typeof BAD_UTF8)[number];
const badBytes = (bad: BadUtf8) => Uint8Array.from(bad.split(' ').map((h) => parseInt(h, 16)));

/** The bytes of a text, UTF-8 encoded. */
export function textBytes(t: FuzzText): Uint8Array {
  if (typeof t === 'string') return utf8.encode(t);
  if ('repeat' in t) return utf8.encode(t.repeat.repeat(t.times));
  return Buffer.concat([utf8.encode(t.before), badBytes(t.bad), utf8.encode(t.after)]);
}

/** Whether the text holds bytes that are not UTF-8. */
export const isBadUtf8 = (t: FuzzText) => typeof t !== 'string' && 'bad' in t;

/** The text as a server reads it: bytes that are not UTF-8 become U+FFFD; `stripBom` as multipart parsers do. */
export function textAsRead(t: FuzzText, { stripBom = false } = {}): string {
  return new TextDecoder('utf-8', { ignoreBOM: !stripBom }).decode(textBytes(t));
}

const han = [...'自治区人民政府小区路灯损坏已经一周了幸福路东门晚上出行很不方便请尽快维修医疗保险'];
const uyghur = [...'ئاپتونومرايونخەلقھۆكۈمىتىمەكتەپيولسۇئېلېكترۋاقىت'];
const latin = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
const astral = ['𠀀', '𪚥', '😀'];

/** Letters of the three languages and astral characters (one code point each, NFC-stable, no spaces). */
export const wordChar = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...han) }, { weight: 2, arbitrary: fc.constantFrom(...uyghur) }, { weight: 2, arbitrary: fc.constantFrom(...latin) }, { weight: 1, arbitrary: fc.constantFrom(...astral) });

/** Ordinary text of `min`–`max` characters (code points), without spaces, so its length is what a reader counts. */
export const plainText = (min: number, max: number) => fc.array(wordChar, { minLength: min, maxLength: max }).map((cs) => cs.join(''));

/** Pieces that break naive code: controls, lone surrogates, bidi controls, markup, escapes, lookalikes. */
export const HOSTILE = [
  '\u0000', '\uD800', '\uDFFF', '\uD800\uD800', '\u202E', '\u202B', '\u2066', '\u2067', '\u2068', '\u2069', '\u200F', '\u200E',
  '\u061C', '\u200D', '\uFEFF', '\uFFFD', '\uFFFE', '\uFFFF', '\u0301', '\u0654', 'A\u030A', '\r', '\n', '\r\n', '\t', '\u000B',
  '\u000C', '\u0085', '\u2028', '\u2029', '\u00A0', '\u3000', ' ', '  ', '\u001B[31m', '\u007F', '\u009B',
  '<script>alert(1)</script>', '</textarea>', '"', "'", '&', '&amp;', '<', '>', '%', '%25', '%FF', '+', '=', '&x=', '\\', '${x}',
  '{{x}}', '__proto__', 'constructor', '\uFEFB', 'ﬁ', 'ǅ', 'İ', '１２３', '－', '@', '.', '-', '(', '+86', 'NaN', '1e309', 'null',
] as const;

/** Short text mixing the three languages with hostile pieces. */
export const hostileText = (maxPieces = 30) =>
  fc.array(fc.oneof({ weight: 3, arbitrary: wordChar }, { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) }), { maxLength: maxPieces }).map((p) => p.join(''));

/** A long run of one character, at and around the given limits (in code points) or anywhere up to twice the largest. */
export function repeatedText(limits: readonly number[]): fc.Arbitrary<FuzzText> {
  const top = Math.max(...limits, 10) * 2;
  const near = limits.flatMap((l) => [l - 1, l, l + 1]).filter((n) => n >= 0);
  return record({
    repeat: fc.constantFrom('长', 'x', 'ئ', '𠀀', 'é', ' ', '\u0000', '\uFFFD'),
    times: near.length ? fc.oneof(fc.constantFrom(...near), fc.integer({ min: 0, max: top })) : fc.integer({ min: 0, max: top }),
  });
}

/** Text with bytes that are not UTF-8 between two ordinary pieces. */
export const badUtf8Text = (): fc.Arbitrary<FuzzText> =>
  record({ before: hostileText(8), bad: fc.constantFrom(...BAD_UTF8), after: hostileText(8) });

/**
 * A field's text: mostly `valid` (so that some inputs are accepted and the checks on what is
 * kept or stored get exercised), else hostile text, any code points, text at the `limits`, or bad UTF-8.
 */
export function fuzzText(valid: fc.Arbitrary<string>, limits: readonly number[] = [], validWeight = 14): fc.Arbitrary<FuzzText> {
  return fc.oneof(
    { weight: validWeight, arbitrary: valid },
    { weight: 3, arbitrary: hostileText() },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: repeatedText(limits) },
    { weight: 1, arbitrary: badUtf8Text() },
  );
}

/** A field name a form does not have, or one it has (a duplicate). */
export const fieldName = (known: readonly string[]) =>
  fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: hostileText(6) }, { weight: 1, arbitrary: fc.constantFrom('', '[]', 'a[b]', '_charset_', '__proto__', 'constructor') });

// ————— Bodies —————

export interface TextPart { name: string; value: FuzzText }
export interface FilePart { name: string; filename: string; type: string; bytes: Uint8Array }
export type Part = TextPart | FilePart;

export const MULTIPART_BOUNDARY = '----FuzzBoundary7MA4YWxkTrZu0gWq9';
// Browsers escape these in part names and file names (HTML's multipart/form-data encoding).
const escapeName = (s: string) => s.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A multipart/form-data body made by hand, so parts can hold anything a client could put there. */
export function multipartBody(parts: readonly Part[], boundary = MULTIPART_BOUNDARY): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    if ('bytes' in part) {
      const type = part.type ? `\r\nContent-Type: ${part.type}` : '';
      chunks.push(utf8.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(part.name)}"; filename="${escapeName(part.filename)}"${type}\r\n\r\n`), part.bytes);
    } else {
      chunks.push(utf8.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(part.name)}"\r\n\r\n`), textBytes(part.value));
    }
    chunks.push(utf8.encode('\r\n'));
  }
  chunks.push(utf8.encode(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const unreserved = /[A-Za-z0-9*\-._]/;
/** Percent-encodes bytes as application/x-www-form-urlencoded does (space as +). */
export function formEncode(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += b < 0x80 && unreserved.test(c) ? c : b === 0x20 ? '+' : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** An application/x-www-form-urlencoded body (files cannot be sent this way and are left out). */
export function urlencodedBody(parts: readonly Part[]): string {
  return parts.filter((p): p is TextPart => !('bytes' in p)).map((p) => `${formEncode(utf8.encode(p.name))}=${formEncode(textBytes(p.value))}`).join('&');
}

/** One piece of a query string: a key and value encoded properly, or raw text put in as is (broken escapes and all). */
export type QueryPiece = { key: string; value: FuzzText } | { raw: string };

/** Raw pieces a query string may hold that URLSearchParams would never write. */
export const RAW_QUERY = ['%', '%E5%8C%', '%zz', '%FF', '%ED%A0%80', '%C0%AF', '&&', '=', '==', '+', '%00', ';', '?', '%2', 'a=b=c', '%25%', '%%', '%u4E2D'] as const;

/** Query strings: the route's own keys with hostile values, strangers, duplicates and raw broken escapes. */
export function queryPieces(keys: readonly string[], valueFor: (key: string) => fc.Arbitrary<FuzzText>, maxPieces = 6): fc.Arbitrary<QueryPiece[]> {
  const keyed = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: hostileText(5) }).chain((key) => valueFor(key).map((value) => ({ key, value })));
  return fc.array(fc.oneof({ weight: 6, arbitrary: keyed }, { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERY).map((raw) => ({ raw })) }), { maxLength: maxPieces });
}

/** The query string of the pieces (without `?`); `#` is always escaped, since a URL would end there. */
export function queryString(pieces: readonly QueryPiece[]): string {
  return pieces.map((p) => ('raw' in p ? p.raw : `${formEncode(utf8.encode(p.key))}=${formEncode(textBytes(p.value))}`)).join('&');
}

/** The query as a server reads it: WHATWG URL parsing, broken escapes left as they are, bad UTF-8 as U+FFFD. */
export const queryAsRead = (pieces: readonly QueryPiece[]) => new URLSearchParams(queryString(pieces));

// ————— JSON —————

/** A member of a JSON object as the fuzzer sends it: text (bad UTF-8 spliced in raw), any other JSON value, null, or absent. */
export type JsonField = { text: FuzzText } | { value: unknown } | null | undefined;

/** JSON values of every type but a string: what a client sends when it gets a field's type wrong. */
export const notAString = fc.oneof(
  fc.integer(), fc.double(), fc.boolean(), fc.constant([]), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2, noNullPrototype: true }), fc.jsonValue({ maxDepth: 2 }),
);

/** A JSON member: mostly text (`fuzzText(valid, limits)`), sometimes null, absent or of the wrong type. */
export const jsonField = (valid: fc.Arbitrary<string>, limits: readonly number[] = [], validWeight = 14): fc.Arbitrary<JsonField> =>
  fc.oneof(
    { weight: 20, arbitrary: fuzzText(valid, limits, validWeight).map((text) => ({ text })) },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
    { weight: 1, arbitrary: notAString.map((value) => ({ value })) },
  );

function jsonText(t: FuzzText): Uint8Array {
  if (typeof t === 'string' || 'repeat' in t) return utf8.encode(JSON.stringify(typeof t === 'string' ? t : t.repeat.repeat(t.times)));
  return Buffer.concat([utf8.encode(JSON.stringify(t.before).slice(0, -1)), badBytes(t.bad), utf8.encode(JSON.stringify(t.after).slice(1))]);
}

/** The bytes of a JSON object of such members (absent ones left out), with `extra` members after them. */
export function jsonObjectBytes(fields: Record<string, JsonField>, extra: Record<string, unknown> = {}): Uint8Array {
  const members: Uint8Array[] = [];
  for (const [key, field] of Object.entries(fields)) {
    if (field === undefined) continue;
    const value = field === null ? utf8.encode('null') : 'text' in field ? jsonText(field.text) : utf8.encode(JSON.stringify(field.value) ?? 'null');
    members.push(Buffer.concat([utf8.encode(`${JSON.stringify(key)}:`), value]));
  }
  for (const [key, value] of Object.entries(extra)) members.push(utf8.encode(`${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`));
  return Buffer.concat([utf8.encode('{'), ...members.flatMap((m, i) => (i ? [utf8.encode(','), m] : [m])), utf8.encode('}')]);
}

/** Odd bodies for a JSON endpoint: broken JSON, JSON that is not an object, a BOM, markup, a form. */
export const ODD_JSON = ['', ' ', '{', '{"kind":', '[', ']', 'null', 'true', '0', '-0', '1e999', '"text"', '[]', '[{}]', '{}x', '{"a":1}{"b":2}', "{'a':1}", '{"a":01}', '{"a":NaN}', '\uFEFF{}', '<letter/>', 'kind=mailbox&title=x'] as const;

/** The value a server reads from JSON bytes (a leading BOM dropped, bad UTF-8 as U+FFFD), or undefined when they are not JSON. */
export function jsonAsRead(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8').decode(bytes)) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Content types a JSON endpoint may be sent: mostly right, sometimes a form's, text, XML or none. */
export const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/json;charset=gbk', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonx', 'application/json-patch+json', 'text/json', ''] as const;
export const fuzzJsonType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 16, arbitrary: fc.constant('application/json') },
  { weight: 2, arbitrary: fc.constantFrom(...JSON_TYPES).map((t) => t || undefined) },
);

// ————— Files —————

/** Sample files, each what its name says; `noise` is random bytes with an optional magic number in front. */
export type FileContent =
  | { kind: 'png' | 'jpeg' | 'pdf' | 'docx' | 'exe' | 'svg' | 'html' | 'zip' | 'empty'; cut?: number }
  | { kind: 'noise'; magic: 'none' | 'png' | 'jpeg' | 'pdf'; length: number; seed: number }
  | { kind: 'oversize'; magic: 'pdf' | 'png'; extra: number };

/** A file in a form: the field it is sent in, the name and type the client claims, and what it holds. */
export interface FuzzFile { field: string; filename: string; type: string; content: FileContent }

const MAGIC = { png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], jpeg: [0xff, 0xd8, 0xff], pdf: [...'%PDF-1.7\n'].map((c) => c.charCodeAt(0)), none: [] } as const;

let samples: Promise<Record<string, Uint8Array>> | undefined;
function sampleFiles(): Promise<Record<string, Uint8Array>> {
  samples ??= (async () => {
    const image = sharp({ create: { width: 12, height: 8, channels: 3, background: '#3366cc' } });
    return {
      png: new Uint8Array(await image.clone().png().toBuffer()),
      jpeg: new Uint8Array(await image.clone().jpeg().toBuffer()),
      pdf: utf8.encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
      // Only what the type check looks at: a ZIP whose entry names are those of a Word document.
      docx: utf8.encode('PK\u0003\u0004\u0014\u0000\u0000\u0000[Content_Types].xml<Types/>PK\u0003\u0004\u0014\u0000\u0000\u0000word/document.xml<w:document/>'),
      exe: utf8.encode('MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode.'),
      svg: utf8.encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      html: utf8.encode('<!doctype html><script>alert(1)</script>'),
      zip: utf8.encode('PK\u0003\u0004\u0014\u0000\u0000\u0000xl/workbook.xml<workbook/>'),
      empty: new Uint8Array(0),
    };
  })();
  return samples;
}

/** Deterministic noise (a tiny xorshift), so a counterexample names its bytes by seed and length. */
function noise(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed | 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** The bytes of a file, made when sent. */
export async function fileBytes(content: FileContent, maxBytes = 1024 * 1024): Promise<Uint8Array> {
  if (content.kind === 'noise') return Buffer.concat([Uint8Array.from(MAGIC[content.magic]), noise(content.seed, content.length)]);
  if (content.kind === 'oversize') {
    const bytes = new Uint8Array(maxBytes + content.extra);
    bytes.set((await sampleFiles())[content.magic]!);
    return bytes;
  }
  const bytes = (await sampleFiles())[content.kind]!;
  return content.cut === undefined ? bytes : bytes.subarray(0, content.cut);
}

export const FILE_TYPES = [
  'application/pdf', 'image/png', 'image/jpeg', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/octet-stream', 'text/html', 'image/svg+xml', 'application/x-msdownload', '', 'text/plain; charset=gbk',
] as const;
export const FILE_NAMES = ['letter.pdf', 'photo.jpg', 'scan.png', 'report.docx', '../../etc/passwd', 'a.pdf.exe', '', '.htaccess', 'C:\\fakepath\\x.png', '照片.jpg', 'سۈرەت.png', 'a"b.pdf', 'con.pdf'] as const;

/** Files that lie about their name and type, cut short, random, empty or over the size limit. */
export function fuzzFile(fields: readonly string[]): fc.Arbitrary<FuzzFile> {
  const content: fc.Arbitrary<FileContent> = fc.oneof(
    { weight: 6, arbitrary: record({ kind: fc.constantFrom('png', 'jpeg', 'pdf', 'docx', 'exe', 'svg', 'html', 'zip', 'empty') }) },
    { weight: 3, arbitrary: record({ kind: fc.constantFrom('png', 'jpeg', 'pdf', 'docx'), cut: fc.integer({ min: 0, max: 120 }) }) },
    { weight: 2, arbitrary: record({ kind: fc.constant('noise'), magic: fc.constantFrom('none', 'png', 'jpeg', 'pdf'), length: fc.integer({ min: 0, max: 2000 }), seed: fc.integer({ min: 1, max: 2 ** 30 }) }) },
    { weight: 1, arbitrary: record({ kind: fc.constant('oversize'), magic: fc.constantFrom('pdf', 'png'), extra: fc.integer({ min: 1, max: 4096 }) }) },
  );
  return record({
    field: fc.oneof({ weight: 8, arbitrary: fc.constant(fields[0]!) }, { weight: 1, arbitrary: fc.constantFrom(...fields) }),
    filename: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FILE_NAMES) }, { weight: 1, arbitrary: hostileText(10) }),
    type: fc.constantFrom(...FILE_TYPES),
    content,
  });
}

/** The type a file is by its first bytes, as the upload rules decide it (STANDARDS.md §8): never by name or claimed type. */
export function magicType(bytes: Uint8Array): 'pdf' | 'jpeg' | 'png' | 'docx' | undefined {
  const starts = (m: readonly number[]) => bytes.length >= m.length && m.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (starts(MAGIC.jpeg)) return 'jpeg';
  if (starts(MAGIC.png)) return 'png';
  const text = Buffer.from(bytes).toString('latin1');
  if (starts([0x50, 0x4b, 0x03, 0x04]) && text.includes('[Content_Types].xml') && text.includes('word/')) return 'docx';
  return undefined;
}

// ————— Requests around the body —————

/** Where a POST comes from: the portal's own page, no Origin (a script), another site, or an opaque origin. */
export type Origin = 'same' | 'none' | 'foreign' | 'null';
export const fuzzOrigin = (sameWeight = 12): fc.Arbitrary<Origin> =>
  fc.oneof({ weight: sameWeight, arbitrary: fc.constant('same' as const) }, { weight: 1, arbitrary: fc.constantFrom('none', 'foreign', 'null') });
export const originHeader = (origin: Origin): Record<string, string> =>
  origin === 'same' ? { Origin: base() } : origin === 'foreign' ? { Origin: 'https://evil.example' } : origin === 'null' ? { Origin: 'null' } : {};

/** Accept-Language headers, well formed and not. */
export const ACCEPT_LANGUAGES = ['zh-CN,zh;q=0.9', 'ug', 'ug-Arab-CN, zh;q=0.5', 'en-US,en;q=0.8', 'fr-FR', '*', 'en;q=0, ug;q=0.5', ';;q=abc,,', 'zh-TW'] as const;
export const fuzzAcceptLanguage = fc.constantFrom(...ACCEPT_LANGUAGES);

/**
 * Astro's rule for a cross-site form post (security.checkOrigin): a POST whose Origin is not the
 * site's own is refused when its Content-Type is a form's (or text/plain), or when it has none.
 */
export function crossSiteFormPost(origin: Origin, contentType: string | undefined): boolean {
  if (origin === 'same') return false;
  if (contentType === undefined) return true;
  return /application\/x-www-form-urlencoded|multipart\/form-data|text\/plain/i.test(contentType);
}

// ————— Checks —————

/** An HTML page of the route's locale: `<html lang dir>` as the portal sets them. */
export function expectPageIn(answer: Answer, locale: Locale): void {
  expect(answer.type, 'an HTML answer').toMatch(/^text\/html/);
  const html = answer.$('html');
  expect(html.attr('lang'), 'the page language').toBe(htmlLang[locale]);
  expect(html.attr('dir'), 'the page direction').toBe(textDirection(htmlLang[locale]));
}

const HAN = /\p{Script=Han}/u;
const ARABIC = /\p{Script=Arabic}/u;
/** Whether a message the server wrote is in the locale's script (Chinese characters, the Arabic script, or Latin only). */
export function writtenIn(text: string, locale: Locale): boolean {
  if (locale === 'zh') return HAN.test(text);
  if (locale === 'ug') return ARABIC.test(text);
  return /[A-Za-z]{2}/.test(text) && !HAN.test(text) && !ARABIC.test(text);
}

export function expectWrittenIn(text: string | undefined, locale: Locale, what = 'the message'): void {
  expect(text ?? '', `${what} is empty`).not.toBe('');
  expect(writtenIn(text!, locale), `${what} ${JSON.stringify(text)} is not in ${locale}`).toBe(true);
}

/** A JSON refusal: `{ error, fields? }`, every message in the locale. */
export function expectJsonError(answer: Answer, locale: Locale): { error: string; fields?: Record<string, string> } {
  expect(answer.type, 'a JSON answer').toMatch(/^application\/json/);
  const body = answer.json<{ error: string; fields?: Record<string, string> }>();
  expect(typeof body.error, 'error is a string').toBe('string');
  expectWrittenIn(body.error, locale, 'error');
  for (const [field, message] of Object.entries(body.fields ?? {})) expectWrittenIn(message, locale, `fields.${field}`);
  return body;
}

/**
 * What an HTML parser makes of text put in an attribute or a text area: a browser sees the same.
 * (A lone surrogate cannot be sent as UTF-8; carriage returns become newlines; NUL becomes U+FFFD.)
 */
export const asParsed = (s: string) => s.toWellFormed().replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
