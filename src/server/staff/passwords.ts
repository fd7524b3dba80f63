/**
 * Staff passwords are kept as argon2id hashes in PHC form (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`),
 * made by Node's own `crypto.argon2`, with OWASP's minimum parameters for argon2id (19 MiB,
 * 2 passes, 1 lane). Verification reads the parameters from the stored hash, so raising them
 * later still verifies old hashes.
 */
import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';

export const ARGON2_PARAMS = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 } as const;

type Params = { memory: number; passes: number; parallelism: number; tagLength: number };

function derive(password: string, nonce: Buffer, p: Params): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    argon2('argon2id', { message: Buffer.from(password.normalize('NFC'), 'utf8'), nonce, ...p }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, ARGON2_PARAMS);
  const { memory, passes, parallelism } = ARGON2_PARAMS;
  return `$argon2id$v=19$m=${memory},t=${passes},p=${parallelism}$${b64(salt)}$${b64(key)}`;
}

const PHC = /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{16,})$/;

/** False for a wrong password and for anything that is not an argon2id hash we can read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = PHC.exec(stored);
  if (!m) return false;
  const expected = Buffer.from(m[5]!, 'base64');
  const key = await derive(password, Buffer.from(m[4]!, 'base64'), {
    memory: Number(m[1]), passes: Number(m[2]), parallelism: Number(m[3]), tagLength: expected.length,
  }).catch(() => undefined);
  return key !== undefined && key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password nobody knows: checked when no account matches, so both take as long. */
export const decoyHash = (() => {
  let made: Promise<string> | undefined;
  return () => (made ??= hashPassword(randomBytes(24).toString('base64')));
})();
