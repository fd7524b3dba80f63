import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { base } from '../support/letters.ts';
import { sendLetter, staffMember, testStore, type TestStaff } from '../support/staff.ts';

/**
 * Property-based fuzzing of every back-office route over HTTP (FUZZ_RUNS runs each, 1,000 by
 * default): whatever a signed-in staff member — or anyone — sends, the answer is one of the
 * route's documented statuses, never a 5xx, and an HTML answer is in the route's language.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const locales = ['zh', 'ug', 'en'] as const;
const htmlLang = { zh: 'zh-CN', ug: 'ug', en: 'en' } as const;

// Text that stresses every layer: scripts, bidi controls, NUL, lone surrogates, huge runs.
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e\u2066', '\ud800', '<script>alert(1)</script>', "' OR 1=1 --", '=cmd|calc', 'ئۇيغۇرچە', '中文字段', '9'.repeat(30), '-1', '1e309', 'NaN'),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);
const fieldNames = fc.constantFrom('action', 'version', 'reason', 'department', 'text', 'visibility', 'title', 'body', 'reply', 'username', 'password', 'confirm', 'displayName', 'role', 'change', 'current', 'next', 'q');
const fields = fc.array(fc.tuple(fieldNames, nasty), { maxLength: 8 });
const actionFields = fc.record({
  action: fc.oneof(fc.constantFrom('accept', 'notAccept', 'assign', 'transfer', 'reply', 'close', 'reopen', 'note', 'publish', 'withdraw', 'requestCorrection', 'resubmit'), nasty),
  version: fc.oneof(fc.constantFrom('1', '2', '3'), nasty),
  extra: fields,
});

function form(pairs: [string, string][]): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of pairs) body.append(k, v);
  return body;
}

async function request(path: string, init: RequestInit & { who?: TestStaff | null }): Promise<{ status: number; type: string; text: string }> {
  const headers = new Headers(init.headers);
  if (init.who) {
    headers.set('Cookie', init.who.cookie);
    headers.set('X-Forwarded-For', init.who.ip);
  }
  const res = await fetch(`${base()}${path}`, { ...init, headers, redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

function inLocale(answer: { type: string; text: string }, locale: (typeof locales)[number]) {
  if (answer.type.startsWith('text/html') && answer.text) expect(answer.text).toContain(`<html lang="${htmlLang[locale]}"`);
}

describe('fuzzing the back office', () => {
  let centre: TestStaff;
  let handler: TestStaff;
  let auditor: TestStaff;
  let admin: TestStaff;
  let codes: string[];
  beforeAll(async () => {
    [centre, handler, auditor, admin] = await Promise.all([staffMember('centre'), staffMember('handler', 'transport'), staffMember('auditor'), staffMember('admin')]);
    codes = [];
    for (let i = 0; i < 3; i++) codes.push((await sendLetter()).code);
  }, 60_000);

  it('POST /admin/<locale>/cases/<code>/: any action form from any role is answered 303 or a 4xx', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...locales), fc.integer({ min: 0, max: 3 }), fc.oneof(fc.constantFrom(0, 1, 2), fc.constant(-1)), actionFields,
      async (locale, role, which, f) => {
        const who = [centre, handler, auditor, admin][role]!;
        const code = which < 0 ? 'ZZZZZZZZZZ' : codes[which]!;
        const body = form([['action', f.action], ['version', f.version], ...f.extra]);
        const answer = await request(`/admin/${locale}/cases/${code}/`, { method: 'POST', who, body, headers: { Origin: base() } });
        expect([303, 400, 403, 404, 409, 413]).toContain(answer.status);
        inLocale(answer, locale);
      }), { numRuns: RUNS });
  }, 600_000);

  it('POST /admin/<locale>/content/<collection>/<item>/: any review form from any role is answered 303 or a 4xx', async () => {
    // Items in review at version 5: the versions sent below never match, so no run really publishes.
    const store = await testStore();
    const items = ['2025-03-20-spring-sowing-preparations', '2025-05-15-grassland-ecological-protection'];
    for (const item of items) {
      let version = 0;
      for (let i = 0; i < 5; i++) version = (await store.putContentItem({ collection: 'news', item, version, department: null, state: 'review', editorId: null, submittedBy: null, submittedAt: null, note: null })).version;
    }
    const paths = fc.oneof(
      fc.constantFrom(...items.map((i) => `news/${i}`), 'news/no-such-item', 'settings/site', 'unknown/x', 'news/..%2F..%2Fetc'),
      fc.tuple(fc.constantFrom('news', 'pages', 'x'), nasty).map(([c, i]) => `${c}/${encodeURIComponent(i.toWellFormed()) || 'x'}`),
    );
    const reviewFields = fc.record({
      action: fc.oneof(fc.constantFrom('submit', 'return', 'approve', 'withdraw'), nasty),
      version: fc.oneof(fc.constantFrom('1', '2', '3'), nasty.filter((v) => v !== '5')),
      note: nasty,
      extra: fields,
    });
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...locales), fc.integer({ min: 0, max: 3 }), paths, reviewFields,
      async (locale, role, path, f) => {
        const who = [centre, handler, auditor, admin][role]!;
        const body = form([['action', f.action], ['version', f.version], ['note', f.note], ...f.extra]);
        const answer = await request(`/admin/${locale}/content/${path}/`, { method: 'POST', who, body, headers: { Origin: base() } });
        expect([303, 400, 403, 404, 409, 413]).toContain(answer.status);
        inLocale(answer, locale);
      }), { numRuns: RUNS });
    expect(await store.listPublishJobs()).toEqual([]);
  }, 600_000);

  it('GET inbox, audit log and exports: any query string is answered 200 or 403', async () => {
    const query = fc.array(fc.tuple(fc.constantFrom('kind', 'state', 'due', 'department', 'q', 'page', 'from', 'to', 'done'), nasty), { maxLength: 6 });
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...locales), fc.constantFrom('/', '/audit/', '/cases.csv', '/audit.csv', '/users/', '/account/'), fc.integer({ min: 0, max: 3 }), query,
      async (locale, path, role, pairs) => {
        const who = [centre, handler, auditor, admin][role]!;
        const answer = await request(`/admin/${locale}${path}?${form(pairs)}`, { who });
        expect([200, 403]).toContain(answer.status);
        inLocale(answer, locale);
      }), { numRuns: RUNS });
  }, 600_000);

  it('POST account forms: anything an admin sends is answered 303 or a 4xx, and no one else changes accounts', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...locales), fc.constantFrom('/users/', `/users/nobody/`, '/account/'), fc.boolean(), fields,
      async (locale, path, asAdmin, pairs) => {
        const who = asAdmin ? admin : handler;
        // Never the fuzzer's own admin account: disabling or re-passwording it would end the run.
        const answer = await request(`/admin/${locale}${path}`, { method: 'POST', who, body: form(pairs.filter(([k]) => path !== '/account/' || k !== 'password')), headers: { Origin: base() } });
        expect([303, 400, 403, 404, 409, 413]).toContain(answer.status);
        if (!asAdmin && path !== '/account/') expect(answer.status).toBe(403);
        inLocale(answer, locale);
      }), { numRuns: RUNS });
  }, 600_000);

  it('POST sign-in: any form, from a few addresses, is answered 303, 400, 401, 423 or 429', async () => {
    // A handful of addresses: the per-address limit then cuts most runs short before argon2,
    // which keeps the run quick while still sending every kind of form through the parser.
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...locales), fc.integer({ min: 1, max: 6 }), fields,
      async (locale, ip, pairs) => {
        const answer = await request(`/admin/${locale}/sign-in/`, { method: 'POST', body: form(pairs), headers: { Origin: base(), 'X-Forwarded-For': `192.0.2.${ip}` } });
        expect([303, 400, 401, 423, 429]).toContain(answer.status);
        inLocale(answer, locale);
      }), { numRuns: RUNS });
  }, 600_000);

  it('without a session, every back-office route sends the visitor to sign in and changes nothing', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...locales), fc.constantFrom('GET', 'POST'), fc.constantFrom('/', '/cases/ABCDEFGHJK/', '/users/', '/audit/', '/cases.csv', '/account/', '/users/x/', '/content/', '/content/news/2025-03-20-spring-sowing-preparations/'), fields,
      async (locale, method, path, pairs) => {
        const answer = await request(`/admin/${locale}${path}`, method === 'GET' ? {} : { method, body: form(pairs), headers: { Origin: base() } });
        expect(answer.status).toBe(303);
      }), { numRuns: Math.min(RUNS, 300) });
  }, 600_000);
});
