import { load } from 'cheerio';
import { inject } from 'vitest';
import { hashPassword } from '../../src/server/staff/passwords.ts';
import { openStore } from '../../src/server/store/open-store.ts';
import type { Store } from '../../src/server/store/store.ts';
import { base, freshIp } from './letters.ts';

/**
 * The staff back office over HTTP, as a browser uses it: accounts are made in the test server's
 * own Store (the SQLite file under inject('dataDir')), then signed in through the sign-in form;
 * the session cookie is carried by hand. Each helper sends a same-origin Origin.
 */
let store: Promise<Store> | undefined;
export const testStore = () => (store ??= openStore({ DATA_DIR: inject('dataDir') }));

let serial = 0;
export const STAFF_PASSWORD = 'Tianshan-Staff-2026!';

export interface TestStaff { username: string; password: string; cookie: string; ip: string }

/** A new account of `role`, signed in. */
export async function staffMember(role: 'admin' | 'centre' | 'handler' | 'auditor', department: string | null = null): Promise<TestStaff> {
  const username = `${role}.${process.pid}.${++serial}`;
  await (await testStore()).createUser({ username, displayName: `${role} ${serial}`, role, department, passwordHash: await hashPassword(STAFF_PASSWORD) });
  const ip = freshIp();
  const res = await signInRequest(username, STAFF_PASSWORD, ip);
  if (res.status !== 303) throw new Error(`sign-in of ${username} answered ${res.status}`);
  return { username, password: STAFF_PASSWORD, cookie: cookieOf(res)!, ip };
}

export function signInRequest(username: string, password: string, ip = freshIp(), locale = 'zh') {
  return fetch(`${base()}/admin/${locale}/sign-in/`, {
    method: 'POST', redirect: 'manual',
    headers: { Origin: base(), 'X-Forwarded-For': ip, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, next: `/admin/${locale}/` }),
  });
}

export const cookieOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('portal_staff='));

export interface Page { status: number; headers: Headers; html: string; $: ReturnType<typeof load> }

async function page(res: Response): Promise<Page> {
  const html = await res.text();
  return { status: res.status, headers: res.headers, html, $: load(html) };
}

export async function staffGet(who: Pick<TestStaff, 'cookie' | 'ip'> | null, path: string): Promise<Page> {
  return page(await fetch(`${base()}${path}`, { redirect: 'manual', headers: { ...(who ? { Cookie: who.cookie, 'X-Forwarded-For': who.ip } : {}) } }));
}

export async function staffPost(who: Pick<TestStaff, 'cookie' | 'ip'> | null, path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Page> {
  return page(await fetch(`${base()}${path}`, {
    method: 'POST', redirect: 'manual',
    headers: { Origin: base(), 'Content-Type': 'application/x-www-form-urlencoded', ...(who ? { Cookie: who.cookie, 'X-Forwarded-For': who.ip } : {}), ...headers },
    body: new URLSearchParams(fields),
  }));
}

/** A letter sent through the JSON API; its stored (unformatted) code and PIN. */
export async function sendLetter(over: Record<string, unknown> = {}): Promise<{ code: string; pin: string }> {
  const res = await fetch(`${base()}/api/v1/cases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': freshIp() },
    body: JSON.stringify({
      kind: 'complaint', locale: 'zh', title: '小区路灯损坏已经一周了', body: '幸福路小区东门的路灯已经坏了一周，晚上出行很不方便，请尽快维修。',
      name: '李明', phone: '139 1234 5678', email: 'li.ming@example.com', publish: true, ...over,
    }),
  });
  const body = (await res.json()) as { trackingCode: string; pin: string };
  if (res.status !== 201) throw new Error(`letter refused: ${res.status} ${JSON.stringify(body)}`);
  return { code: body.trackingCode.replace('-', ''), pin: body.pin };
}

/** The case version the case page's action forms carry. */
export const versionOn = (p: Page) => p.$('input[name="version"]').first().val() as string;

/** Takes one action from a case page as that page would: reads the version first. */
export async function act(who: TestStaff, code: string, fields: Record<string, string>, locale = 'zh'): Promise<Page> {
  const path = `/admin/${locale}/cases/${code}/`;
  const shown = await staffGet(who, path);
  return staffPost(who, path, { version: versionOn(shown) ?? '0', ...fields });
}
