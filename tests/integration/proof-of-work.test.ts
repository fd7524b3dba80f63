import type { Challenge } from 'altcha-lib';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROOF_OF_WORK, RATE_LIMITS } from '../../src/server/cases/letter-settings.ts';
import { proofKeys, deriveProofKeys, type ProofKeys } from '../../src/server/cases/proof-of-work-keys.ts';
import { openStore } from '../../src/server/store/open-store.ts';
import type { Store } from '../../src/server/store/store.ts';
import { base, freshIp, goodLetter, keys, letterForm, post, type Posted } from '../support/letters.ts';
import { encodePayload, quickChallenge, solvedPayload } from '../support/proof-of-work.ts';

/**
 * The proof of work against the built server: challenges from /api/v1/challenge, a letter with a
 * solved one accepted once and recorded as checked, every bad payload answered 400 with the
 * reason in the reader's language and the letter kept — never a 500 — and letters without one
 * (JavaScript off) still accepted, under their own limit. The JSON API asks for none.
 */
let store: Store;
let serverKeys: ProofKeys;

beforeAll(async () => {
  store = await openStore({ DATA_DIR: inject('dataDir') });
  // The server makes its key on first use and keeps it in the Store; whoever comes first makes
  // it, the other reads it (or both use ALTCHA_HMAC_KEY when it is set).
  expect((await fetch(`${base()}/api/v1/challenge`, { headers: { 'X-Forwarded-For': freshIp() } })).status).toBe(200);
  serverKeys = await proofKeys(store);
});
afterAll(() => store?.close());

const withProof = (payload: string, fields: Record<string, string> = goodLetter) => {
  const form = letterForm(fields);
  form.append(PROOF_OF_WORK.field, payload);
  return form;
};
const caseOf = async (sent: Posted) => (await store.getCaseByCode(keys(sent).code.replace('-', '')))!;
const expectKept = (res: Posted) => {
  expect(res.$('#field-title').val()).toBe(goodLetter.title);
  expect(res.$('#field-body').text()).toBe(goodLetter.body);
  expect(res.$('#field-name').val()).toBe(goodLetter.name);
  expect(res.$('#field-phone').val()).toBe(goodLetter.phone);
  expect(res.$('input[name=publish][value=no]').attr('checked')).toBeDefined();
};

describe('GET /api/v1/challenge', () => {
  it('gives a signed, short-lived PBKDF2 challenge, never cached', async () => {
    const res = await fetch(`${base()}/api/v1/challenge`, { headers: { 'X-Forwarded-For': freshIp() } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const challenge = (await res.json()) as Challenge;
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(challenge.parameters).toMatchObject({ algorithm: 'PBKDF2/SHA-256', cost: PROOF_OF_WORK.cost, keySignature: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const expiresIn = challenge.parameters.expiresAt! * 1000 - Date.now();
    expect(expiresIn).toBeGreaterThan(PROOF_OF_WORK.expiryMs - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(PROOF_OF_WORK.expiryMs);
  });

  it('limits challenges per address (429 with Retry-After)', async () => {
    const ip = freshIp();
    const statuses = [];
    for (let i = 0; i <= RATE_LIMITS.challenge.max; i++) statuses.push((await fetch(`${base()}/api/v1/challenge`, { headers: { 'X-Forwarded-For': ip } })).status);
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const refused = await fetch(`${base()}/api/v1/challenge`, { headers: { 'X-Forwarded-For': ip, 'Accept-Language': 'ug' } });
    expect(refused.headers.get('retry-after')).toBe(String(RATE_LIMITS.challenge.windowMs / 1000));
    expect(((await refused.json()) as { error: string }).error).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('the widget on the letter form', () => {
  it('comes as files the strict CSP allows: a module script, its worker and a stylesheet, nothing inline', async () => {
    const res = await fetch(`${base()}/ug/letters/write/mailbox/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|blob:/);
    const $ = load(await res.text());
    const proof = $('letter-proof');
    expect(proof.attr('data-challenge')).toBe('/api/v1/challenge');
    expect(proof.attr('data-language')).toBe('ug');
    expect(JSON.parse(proof.attr('data-strings')!)).toMatchObject({ label: 'مەن روبوت ئەمەس', error: expect.stringMatching(/[\u0600-\u06FF]/) });
    expect(proof.children()).toHaveLength(0); // nothing shows without scripts
    expect($('style, [style]')).toHaveLength(0);

    const scripts = $('script[type=module][src]').map((_, e) => $(e).attr('src')).get();
    const bodies = await Promise.all(scripts.map(async (src) => (await fetch(`${base()}${src}`)).text()));
    const widget = bodies.find((b) => b.includes('altcha-widget'));
    expect(widget, 'the widget\'s script').toBeDefined();
    const worker = widget!.match(/\/_astro\/pbkdf2-[\w-]+\.js/)?.[0];
    expect(worker, 'the PBKDF2 worker, a file of our own origin').toBeDefined();
    const workerRes = await fetch(`${base()}${worker}`);
    expect(workerRes.status).toBe(200);
    expect(workerRes.headers.get('content-type')).toMatch(/javascript/);

    const sheets = $('link[rel=stylesheet]').map((_, e) => $(e).attr('href')).get();
    const css = (await Promise.all(sheets.map(async (href) => (await fetch(`${base()}${href}`)).text()))).join('\n');
    expect(css).toContain('.altcha-main');
  });
});

describe('a letter with a proof of work', () => {
  it('is accepted with a challenge the server issued, and the case records that the proof was checked', async () => {
    const res = await fetch(`${base()}/api/v1/challenge`, { headers: { 'X-Forwarded-For': freshIp() } });
    const payload = await solvedPayload((await res.json()) as Challenge);
    const sent = await post('/en/letters/write/suggestion/', withProof(payload), freshIp());
    expect(sent.status).toBe(200);
    expect((await caseOf(sent)).data.proofOfWork).toBe('verified');
  }, 60_000);

  it('is accepted once: the same payload again → 400 in the reader’s language, the letter kept', async () => {
    const payload = await solvedPayload(await quickChallenge(serverKeys));
    expect((await post('/zh/letters/write/mailbox/', withProof(payload), freshIp())).status).toBe(200);
    // From another address too: the proof is single use whoever sends it.
    const again = await post('/zh/letters/write/mailbox/', withProof(payload), freshIp());
    expect(again.status).toBe(400);
    expect(again.$('title').text()).toMatch(/^错误/);
    expect(again.$('.error-summary a[href="#field-verification"]').text()).toBe('该自动验证已被使用过，请重新提交表单');
    expect(again.$('#field-verification-error').text()).toBe('该自动验证已被使用过，请重新提交表单');
    expect(again.$('#field-verification letter-proof').attr('data-described-by')).toBe('field-verification-error');
    expectKept(again);
  });

  it('an expired one → 400 saying so, in Uyghur on the Uyghur form', async () => {
    const old = await quickChallenge(serverKeys, new Date(Date.now() - 1_000));
    const res = await post('/ug/letters/write/complaint/', withProof(await solvedPayload(old)), freshIp());
    expect(res.status).toBe(400);
    expect(res.$('#field-verification-error').text()).toBe('ئاپتوماتىك تەكشۈرۈشنىڭ ۋاقتى ئۆتۈپ كەتتى، جەدۋەلنى قايتا يوللاڭ');
    expectKept(res);
  });

  it('one signed with another key → 400', async () => {
    const forged = await quickChallenge(deriveProofKeys('not the server’s secret, but long enough'));
    const res = await post('/en/letters/write/consultation/', withProof(await solvedPayload(forged)), freshIp());
    expect(res.status).toBe(400);
    expect(res.$('#field-verification-error').text()).toBe('The automatic check that a person sent this form did not pass: send the form again');
    expectKept(res);
  });

  it.each([
    ['garbage', 'garbage!'],
    ['base64 of nonsense', Buffer.from('nonsense').toString('base64')],
    ['a JSON string', encodePayload('hello')],
    ['an object of the wrong shape', encodePayload({ challenge: 1, solution: 2 })],
    ['a huge value', 'A'.repeat(200_000)],
    ['Uyghur text', 'ئۈرۈمچى'],
  ])('a malformed payload (%s) → 400 with the message and the letter kept, never a 500', async (_, payload) => {
    const res = await post('/en/letters/write/complaint/', withProof(payload), freshIp());
    expect(res.status).toBe(400);
    expect(res.$('.error-summary a[href="#field-verification"]').text()).toMatch(/automatic check/);
    expectKept(res);
  });

  it('names the proof’s problem together with the fields’ problems', async () => {
    const res = await post('/en/letters/write/complaint/', withProof('garbage', { ...goodLetter, name: '' }), freshIp());
    expect(res.status).toBe(400);
    expect(res.$('.error-summary a').map((_, a) => res.$(a).attr('href')).get()).toEqual(['#field-name', '#field-verification']);
  });
});

describe('a letter without a proof of work (JavaScript off)', () => {
  it('is accepted, recorded as sent without one', async () => {
    const sent = await post('/ug/letters/write/consultation/', letterForm(), freshIp());
    expect(sent.status).toBe(200);
    expect((await caseOf(sent)).data.proofOfWork).toBe('none');
  });

  it(`is limited to ${RATE_LIMITS.submitWithoutProof.max} letters an hour per address; forms returned with mistakes do not count, letters with a proof still pass`, async () => {
    const ip = freshIp();
    for (let i = 0; i < 2; i++) expect((await post('/en/letters/write/mailbox/', letterForm({ ...goodLetter, phone: '' }), ip)).status).toBe(400);
    for (let i = 0; i < RATE_LIMITS.submitWithoutProof.max; i++) expect((await post('/en/letters/write/mailbox/', letterForm(), ip)).status).toBe(200);
    const refused = await post('/en/letters/write/mailbox/', letterForm(), ip);
    expect(refused.status).toBe(429);
    expect(refused.$('h1').text()).toBe('Too many letters from your connection');
    const proved = await post('/en/letters/write/mailbox/', withProof(await solvedPayload(await quickChallenge(serverKeys))), ip);
    expect(proved.status).toBe(200);
  });

  it('the JSON API (the hotline) asks for no proof and is not held to that limit', async () => {
    const ip = freshIp();
    const letter = { kind: 'consultation', locale: 'zh', ...goodLetter, publish: false };
    const codes: string[] = [];
    for (let i = 0; i <= RATE_LIMITS.submitWithoutProof.max; i++) {
      const res = await fetch(`${base()}/api/v1/cases`, { method: 'POST', body: JSON.stringify(letter), headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip } });
      expect(res.status).toBe(201);
      codes.push(((await res.json()) as { trackingCode: string }).trackingCode);
    }
    expect((await store.getCaseByCode(codes[0]!.replace('-', '')))!.data.proofOfWork).toBe('not-asked');
  });
});
