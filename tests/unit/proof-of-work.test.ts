import { createChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { describe, expect, it } from 'vitest';
import { PROOF_OF_WORK } from '../../src/server/cases/letter-settings.ts';
import { checkProof, issueChallenge } from '../../src/server/cases/proof-of-work.ts';
import { deriveProofKeys, proofKeys } from '../../src/server/cases/proof-of-work-keys.ts';
import { encodePayload, quickChallenge, solvedPayload } from '../support/proof-of-work.ts';

/**
 * The proof-of-work check on its own: a payload is accepted once, signed by us, solved and in
 * time; everything else is a named problem, never an exception.
 */
const keys = deriveProofKeys('a test master secret that is long enough');
const otherKeys = deriveProofKeys('somebody else’s secret, also long enough');

/** The Store's fixed-window counter, in memory. */
function counters() {
  const hits = new Map<string, number>();
  return {
    hits,
    async hit(key: string, windowMs: number, now = new Date()) {
      const k = `${key}@${now.getTime() - (now.getTime() % windowMs)}`;
      hits.set(k, (hits.get(k) ?? 0) + 1);
      return hits.get(k)!;
    },
  };
}

describe('checkProof', () => {
  it('accepts a solved challenge once, and refuses it as used after that', async () => {
    const store = counters();
    const payload = await solvedPayload(await quickChallenge(keys));
    expect(await checkProof({ store, keys }, payload)).toEqual({ ok: true });
    expect(await checkProof({ store, keys }, payload)).toEqual({ ok: false, problem: 'used' });
    // The use is counted in the window that holds the challenge's expiry, whenever it is checked.
    const later = new Date(Date.now() + 4 * 60_000);
    expect(await checkProof({ store, keys, now: later }, payload)).toEqual({ ok: false, problem: 'used' });
  });

  it('accepts a challenge the server issued, solved as the browser does', async () => {
    const challenge = await issueChallenge(keys);
    expect(challenge.parameters).toMatchObject({ algorithm: PROOF_OF_WORK.algorithm, cost: PROOF_OF_WORK.cost });
    const expiresIn = challenge.parameters.expiresAt! * 1000 - Date.now();
    expect(expiresIn).toBeGreaterThan(PROOF_OF_WORK.expiryMs - 5_000);
    expect(expiresIn).toBeLessThanOrEqual(PROOF_OF_WORK.expiryMs);
    expect(await checkProof({ store: counters(), keys }, await solvedPayload(challenge))).toEqual({ ok: true });
  }, 30_000);

  it('refuses an expired challenge, by the clock or by the injected time', async () => {
    const old = await quickChallenge(keys, new Date(Date.now() - 1_000));
    expect(await checkProof({ store: counters(), keys }, await solvedPayload(old))).toEqual({ ok: false, problem: 'expired' });
    const fresh = await solvedPayload(await quickChallenge(keys));
    expect(await checkProof({ store: counters(), keys, now: new Date(Date.now() + 6 * 60_000) }, fresh)).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuses a challenge signed with another key', async () => {
    const store = counters();
    expect(await checkProof({ store, keys }, await solvedPayload(await quickChallenge(otherKeys)))).toEqual({ ok: false, problem: 'invalid' });
    expect(store.hits.size).toBe(0); // nothing recorded for a payload that is not ours
  });

  it('refuses tampered parameters, a wrong solution and a challenge without a key signature', async () => {
    const challenge = await quickChallenge(keys);
    const good = JSON.parse(Buffer.from(await solvedPayload(challenge), 'base64').toString()) as {
      challenge: { parameters: Record<string, unknown>; signature: string };
      solution: { counter: number; derivedKey: string };
    };
    // (The derived key is the proof: the server checks it against its own signature of the key, so
    // the counter sent with it only has to be a valid counter.)
    const variants = [
      { ...good, challenge: { ...good.challenge, parameters: { ...good.challenge.parameters, cost: 1 } } },
      { ...good, challenge: { ...good.challenge, signature: good.challenge.signature.toUpperCase() } },
      { ...good, solution: { ...good.solution, derivedKey: '00'.repeat(32) } },
      { ...good, solution: { ...good.solution, counter: -1 } },
    ];
    for (const v of variants) expect(await checkProof({ store: counters(), keys }, encodePayload(v))).toEqual({ ok: false, problem: 'invalid' });

    const unsignedKey = await createChallenge({
      algorithm: PROOF_OF_WORK.algorithm, cost: PROOF_OF_WORK.cost, deriveKey, keyPrefix: '0', hmacSignatureSecret: keys.challenge,
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect(await checkProof({ store: counters(), keys }, await solvedPayload(unsignedKey))).toEqual({ ok: false, problem: 'invalid' });
  });

  it.each([
    ['empty-looking', '===='],
    ['not base64', 'not base64 at all!'],
    ['base64 of junk', Buffer.from('\u0000\uffff junk').toString('base64')],
    ['JSON null', encodePayload(null)],
    ['JSON array', encodePayload([1, 2])],
    ['no solution', encodePayload({ challenge: { parameters: {}, signature: 'x' } })],
    ['wrong types', encodePayload({ challenge: { parameters: { algorithm: PROOF_OF_WORK.algorithm, expiresAt: 'soon', keySignature: 1 }, signature: 2 }, solution: { counter: '1', derivedKey: [] } })],
    ['another algorithm', encodePayload({ challenge: { parameters: { algorithm: 'ARGON2ID', expiresAt: 9e9, keySignature: 'ab' }, signature: 'ab' }, solution: { counter: 1, derivedKey: 'ab' } })],
    ['hex that is not hex', encodePayload({ challenge: { parameters: { algorithm: PROOF_OF_WORK.algorithm, expiresAt: 9e9, keySignature: 'zz', nonce: 'q', salt: 'q', keyPrefix: 'q' }, signature: 'zz' }, solution: { counter: 1, derivedKey: 'zz' } })],
    ['too long', 'A'.repeat(PROOF_OF_WORK.maxPayloadChars + 4)],
  ])('refuses a malformed payload (%s) as invalid, without throwing', async (_, payload) => {
    expect(await checkProof({ store: counters(), keys }, payload)).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('proofKeys', () => {
  const store = () => {
    const kept = new Map<string, string>();
    return { kept, keepSecret: async (name: string, value: string) => (kept.has(name) ? kept.get(name)! : (kept.set(name, value), value)) };
  };

  it('makes one secret, keeps it in the Store, and every later reader (another server) gets the same keys', async () => {
    const s = store();
    const first = await proofKeys(s, {});
    expect(s.kept.size).toBe(1);
    const [secret] = [...s.kept.values()];
    expect(secret!.length).toBeGreaterThanOrEqual(32);
    expect(first).toEqual(deriveProofKeys(secret!));
    const other = { keepSecret: (name: string, value: string) => s.keepSecret(name, value) };
    expect(await proofKeys(other, {})).toEqual(first);
    expect(first.challenge).not.toBe(first.key);
  });

  it('uses ALTCHA_HMAC_KEY when it is set, and refuses one too short to be a secret', async () => {
    const s = store();
    const configured = 'x'.repeat(40);
    expect(await proofKeys(s, { ALTCHA_HMAC_KEY: configured })).toEqual(deriveProofKeys(configured));
    expect(s.kept.size).toBe(0);
    await expect(proofKeys(store(), { ALTCHA_HMAC_KEY: 'short' })).rejects.toThrow(/at least 32/);
  });
});
