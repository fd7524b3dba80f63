import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Tracking codes (查询码) and query PINs of citizens' cases (STANDARDS.md §4).
 *
 * A code is read aloud on the phone, copied from a screenshot and typed on a phone keyboard, so its
 * alphabet leaves out every character that is easily confused with another: 0 O Q (round), 1 I L
 * (stroke), 2 Z, 5 S, 8 B, and U (U/V). What remains is 23 characters — a prime, which is what
 * makes the check character below catch every single mistake it is meant to catch.
 *
 * 9 random characters (≈ 40.7 bits, from the operating system's CSPRNG) and 1 check character.
 * The code alone is not a secret that protects the letter: the status page also asks for the PIN,
 * and the server limits attempts.
 */
export const ALPHABET = '34679ACDEFGHJKMNPRTVWXY';
export const CODE_LENGTH = 10;

const P = ALPHABET.length; // 23, prime

/**
 * The check character: weighted sum Σ (i+1)·value(i) over all 10 positions ≡ 0 (mod 23).
 * Weights 1…10 are distinct and non-zero mod 23, so changing one character changes the sum by
 * w·δ with 0 < |δ| < 23 — never a multiple of the prime — and swapping neighbours changes it by
 * (w_i − w_{i+1})·δ = −δ. Every single substitution and adjacent transposition is caught (and
 * every jump transposition i ↔ i+2 too).
 */
function checkValue(body: readonly number[]): number {
  let sum = 0;
  body.forEach((v, i) => { sum += (i + 1) * v; });
  // c·10 ≡ −sum (mod 23); 10⁻¹ ≡ 7 (mod 23) since 70 = 3·23 + 1.
  return (((-sum * 7) % P) + P) % P;
}

/** A new random tracking code, check character included. */
export function generateTrackingCode(): string {
  const body = Array.from({ length: CODE_LENGTH - 1 }, () => randomInt(P));
  return [...body, checkValue(body)].map((v) => ALPHABET[v]).join('');
}

/** Whether a canonical 10-character code is made of the alphabet and its check character agrees. */
export function isValidTrackingCode(code: string): boolean {
  if (code.length !== CODE_LENGTH) return false;
  const values = [...code].map((ch) => ALPHABET.indexOf(ch));
  if (values.some((v) => v < 0)) return false;
  return checkValue(values.slice(0, -1)) === values[CODE_LENGTH - 1];
}

export type TrackingCodeProblem = 'empty' | 'wrong-length' | 'invalid-character' | 'check-failed';

/**
 * What a citizen typed, as a canonical code — or why it cannot be one, so the form can say
 * "check the code" (a typo) rather than "no such case" (a guess).
 *
 * Accepts lower case, spaces and hyphens anywhere (we print codes as `XXXXX-XXXXX`), and full-width
 * letters, digits and spaces that Chinese input methods produce (NFKC folds them).
 */
export function normalizeTrackingCode(input: string):
  | { ok: true; code: string }
  | { ok: false; problem: TrackingCodeProblem } {
  const code = input.normalize('NFKC').replace(/[\s\-‐‑‒–—_]/gu, '').toUpperCase();
  if (code === '') return { ok: false, problem: 'empty' };
  if (code.length !== CODE_LENGTH) return { ok: false, problem: 'wrong-length' };
  if ([...code].some((ch) => !ALPHABET.includes(ch))) return { ok: false, problem: 'invalid-character' };
  return isValidTrackingCode(code) ? { ok: true, code } : { ok: false, problem: 'check-failed' };
}

/** The printed form, `XXXXX-XXXXX`: two groups are easier to read back. */
export function formatTrackingCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A new 6-digit query PIN (leading zeros kept). */
export function generatePin(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

// scrypt at N = 2^14 costs ~tens of ms: cheap for one status query, and it makes trying all
// 10^6 PINs of a stolen database row take hours instead of a second. A 6-digit PIN cannot be made
// safe against offline guessing by hashing alone; the real defence is the server's attempt limit.
const SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 32 };

/** A fresh random salt for hashPin, one per case. */
export function newPinSalt(): string {
  return randomBytes(16).toString('base64url');
}

// Asynchronous: scrypt runs on libuv's thread pool, so the ~40 ms of each hash does not stop the
// server answering other requests (the synchronous form blocked the event loop under load).
function derive(pin: string, salt: string, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(pin, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/**
 * The stored form of a PIN: `scrypt$<N>$<r>$<p>$<salt>$<hash>` (base64url), self-describing so the
 * cost can be raised later without breaking existing cases.
 */
export async function hashPin(pin: string, salt: string): Promise<string> {
  const { N, r, p, keyLength } = SCRYPT;
  const hash = (await derive(pin, salt, keyLength, { N, r, p })).toString('base64url');
  return `scrypt$${N}$${r}$${p}$${salt}$${hash}`;
}

/**
 * Whether `pin` matches a stored hash. The comparison is constant-time (timingSafeEqual over the
 * derived keys); a malformed PIN or stored value is simply `false`, never an exception.
 */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  if (!/^\d{6}$/.test(pin) || expected.length === 0) return false;
  try {
    const actual = await derive(pin, salt, expected.length, { N: Number(n), r: Number(r), p: Number(p) });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}
