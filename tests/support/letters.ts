import { load } from 'cheerio';
import { inject } from 'vitest';

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
