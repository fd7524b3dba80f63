import { load } from 'cheerio';
import fc from 'fast-check';
import { inject } from 'vitest';
import { ALPHABET, formatTrackingCode, isValidTrackingCode } from '../../src/lib/cases/tracking-code.ts';

/**
 * Posting the letters forms over HTTP as a browser would: same-origin, multipart for letters,
 * urlencoded for lookups. Each test passes its own client address (the test server trusts
 * X-Forwarded-For) so rate limits of one test do not spill into another.
 */
export const base = () => inject('baseURL');

export interface Posted { status: number; headers: Headers; html: string; $: ReturnType<typeof load> }

export async function post(path: string, body: BodyInit, ip: string, headers: Record<string, string> = {}): Promise<Posted> {
  const res = await fetch(`${base()}${path}`, { method: 'POST', body, headers: { Origin: base(), 'X-Forwarded-For': ip, ...headers } });
  const html = await res.text();
  return { status: res.status, headers: res.headers, html, $: load(html) };
}

export const goodLetter = {
  title: '小区路灯损坏已经一周了',
  body: '幸福路小区东门的路灯已经坏了一周，晚上出行很不方便，请尽快维修。',
  name: '李明',
  phone: '139 1234 5678',
  email: 'li.ming@example.com',
  publish: 'no',
};

export function letterForm(fields: Record<string, string> = goodLetter, files: { name: string; type: string; bytes: Uint8Array }[] = []): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('attachments', new Blob([f.bytes as BlobPart], { type: f.type }), f.name);
  return form;
}

let counter = 0;
/** A fresh client address from the documentation range. */
export const freshIp = () => `198.51.100.${++counter % 250}-${process.pid}-${Date.now()}`;

/** The code and PIN on a confirmation page. */
export function keys(p: Posted): { code: string; pin: string } {
  const [code, pin] = p.$('.letter-sent__value bdi').map((_, e) => p.$(e).text()).get();
  return { code: code!, pin: pin! };
}

export const lookUp = (locale: string, code: string, pin: string, ip: string) =>
  post(`/${locale}/letters/status/`, new URLSearchParams({ code, pin }), ip);

/** A letter sent through the JSON API from a fresh address; its code and PIN, or what went wrong. */
export async function sendLetterJson(letter: Record<string, unknown>): Promise<{ status: number; trackingCode: string; pin: string }> {
  const res = await fetch(`${base()}/api/v1/cases`, { method: 'POST', body: JSON.stringify(letter), headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': freshIp() } });
  const body = (await res.json()) as { trackingCode: string; pin: string };
  return { status: res.status, trackingCode: body.trackingCode, pin: body.pin };
}

/** Looks a letter up through the JSON API from a fresh address. */
export async function lookUpJson(trackingCode: string, pin: string, locale = 'en'): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base()}/api/v1/cases/lookup`, { method: 'POST', body: JSON.stringify({ trackingCode, pin, locale }), headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': freshIp() } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A well-formed tracking code (its check character right), as printed: for fuzzing lookups. */
export const trackingCodeArb = fc.array(fc.constantFrom(...ALPHABET), { minLength: 9, maxLength: 9 }).map((body) => {
  const code = [...ALPHABET].map((c) => body.join('') + c).find(isValidTrackingCode)!;
  return formatTrackingCode(code);
});

/** The ways a citizen types a code they were given, all of which must find the letter. */
export type CodeForm = 'printed' | 'lower' | 'spaced' | 'bare' | 'fullwidth' | 'dashes';
/** A PIN typed right (also in full-width digits, or with a space), or one digit off. */
export type PinForm = 'right' | 'wrong' | 'fullwidth' | 'spaced';
export const codeForms: readonly CodeForm[] = ['printed', 'lower', 'spaced', 'bare', 'fullwidth', 'dashes'];
export const pinForms: readonly PinForm[] = ['right', 'wrong', 'fullwidth', 'spaced'];

const fullwidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** A printed code (`XXXXX-XXXXX`) typed in one of those ways. */
export const typeCode = (code: string, form: CodeForm) =>
  ({ printed: code, lower: code.toLowerCase(), spaced: code.replace('-', ' '), bare: code.replace('-', ''), fullwidth: fullwidth(code), dashes: `${code.slice(0, 2)}‐${code.slice(2, 8)}—${code.slice(8)}` })[form];
export const typePin = (pin: string, form: PinForm) =>
  ({ right: pin, wrong: String((Number(pin) + 1) % 1_000_000).padStart(6, '0'), fullwidth: fullwidth(pin), spaced: `${pin.slice(0, 3)} ${pin.slice(3)}` })[form];

/** A phone number the letter form accepts: 7–15 digits, perhaps with a leading +. */
export const validPhone = fc.tuple(fc.boolean(), fc.array(fc.constantFrom(...'0123456789'), { minLength: 7, maxLength: 15 })).map(([plus, ds]) => (plus ? '+' : '') + ds.join(''));
