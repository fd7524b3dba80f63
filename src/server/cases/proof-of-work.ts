/**
 * The proof of work (ALTCHA) behind the letter form: challenges for the widget, and the check of
 * the payload it posts back. A payload is accepted once: its challenge's signature is counted in
 * the Store's rate-limit counters, in the one window that holds the challenge's expiry, so every
 * use of it lands on the same counter whichever server sees it and a second use is refused until
 * the challenge has expired anyway. Nothing a reader sends makes this throw.
 */
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { StoreOps } from '../store/store.ts';
import { PROOF_OF_WORK } from './letter-settings.ts';
import type { ProofKeys } from './proof-of-work-keys.ts';

/** What is wrong with a payload: not ours or not solved, too old, or already used. */
export type ProofProblem = 'invalid' | 'expired' | 'used';
export type ProofCheck = { ok: true } | { ok: false; problem: ProofProblem };

/** A new challenge, signed, expiring PROOF_OF_WORK.expiryMs after `now`. */
export function issueChallenge(keys: ProofKeys, now = new Date()): Promise<Challenge> {
  return createChallenge({
    algorithm: PROOF_OF_WORK.algorithm,
    cost: PROOF_OF_WORK.cost,
    counter: randomInt(PROOF_OF_WORK.counter.max, PROOF_OF_WORK.counter.min),
    deriveKey,
    expiresAt: new Date(now.getTime() + PROOF_OF_WORK.expiryMs),
    hmacSignatureSecret: keys.challenge,
    hmacKeySignatureSecret: keys.key,
  });
}

interface Decoded {
  challenge: Required<Pick<Challenge, 'parameters' | 'signature'>>;
  solution: { counter: number; derivedKey: string };
  expiresAt: number;
}

/** Checks the widget's payload (base64 JSON) and marks it used. */
export async function checkProof(deps: { store: Pick<StoreOps, 'hit'>; keys: ProofKeys; now?: Date }, payload: string): Promise<ProofCheck> {
  const decoded = decode(payload);
  if (!decoded) return { ok: false, problem: 'invalid' };
  const now = deps.now ?? new Date();
  if (decoded.expiresAt * 1000 <= now.getTime()) return { ok: false, problem: 'expired' };

  let verified = false;
  try {
    const result = await verifySolution({
      challenge: decoded.challenge,
      solution: decoded.solution,
      deriveKey,
      hmacSignatureSecret: deps.keys.challenge,
      hmacKeySignatureSecret: deps.keys.key,
    });
    if (result.expired) return { ok: false, problem: 'expired' };
    verified = result.verified;
  } catch {
    verified = false;
  }
  if (!verified) return { ok: false, problem: 'invalid' };

  const uses = await deps.store.hit(`pow:${decoded.challenge.signature}`, PROOF_OF_WORK.expiryMs, new Date(decoded.expiresAt * 1000));
  return uses > 1 ? { ok: false, problem: 'used' } : { ok: true };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The payload's parts, or undefined when it is not one of our challenges' payloads. Only the
 * shape is checked here; the signatures say whether it is ours. A challenge without a key
 * signature is refused, so a check never costs the server a PBKDF2 run.
 */
function decode(payload: string): Decoded | undefined {
  if (payload.length > PROOF_OF_WORK.maxPayloadChars || !BASE64.test(payload)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(value) || !isObject(value.challenge) || !isObject(value.solution)) return undefined;
  const { parameters, signature } = value.challenge;
  const { counter, derivedKey } = value.solution;
  if (!isObject(parameters) || typeof signature !== 'string') return undefined;
  if (parameters.algorithm !== PROOF_OF_WORK.algorithm || typeof parameters.keySignature !== 'string') return undefined;
  if (typeof parameters.expiresAt !== 'number' || !Number.isFinite(parameters.expiresAt)) return undefined;
  if (typeof counter !== 'number' || typeof derivedKey !== 'string') return undefined;
  return {
    challenge: { parameters: parameters as unknown as Challenge['parameters'], signature },
    solution: { counter, derivedKey },
    expiresAt: parameters.expiresAt,
  };
}
