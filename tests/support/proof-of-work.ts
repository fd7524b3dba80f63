import { createChallenge, solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { PROOF_OF_WORK } from '../../src/server/cases/letter-settings.ts';
import type { ProofKeys } from '../../src/server/cases/proof-of-work-keys.ts';

/**
 * Proofs of work as a browser's widget makes them: solve a challenge and wrap it in the payload
 * the form posts (base64 JSON). Challenges made here use a tiny counter, so they are solved at once.
 */
export async function solvedPayload(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 60_000 });
  if (!solution) throw new Error('the challenge was not solved');
  return encodePayload({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution });
}

export const encodePayload = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');

/** A challenge like the server's, signed with `keys`, that expires at `expiresAt` (default: in 5 minutes). */
export function quickChallenge(keys: ProofKeys, expiresAt = new Date(Date.now() + 5 * 60_000)): Promise<Challenge> {
  return createChallenge({
    algorithm: PROOF_OF_WORK.algorithm, cost: PROOF_OF_WORK.cost, counter: 2, deriveKey, expiresAt,
    hmacSignatureSecret: keys.challenge, hmacKeySignatureSecret: keys.key,
  });
}
