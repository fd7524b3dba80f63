/**
 * The HMAC keys that sign proof-of-work challenges. Every server must use the same ones, or a
 * challenge issued by one is refused by the next behind the load balancer, and they must outlive
 * a restart, or the forms open in readers' browsers fail. So the master secret is ALTCHA_HMAC_KEY
 * when set (at least 32 characters), and otherwise one made once and kept in the Store
 * (`server_secrets`), which all servers share — SQLite under DATA_DIR, or PostgreSQL.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { StoreOps } from '../store/store.ts';

export interface ProofKeys {
  /** Signs a challenge's parameters. */
  challenge: string;
  /** Signs the derived key the server expects, so a solution is checked with one HMAC. */
  key: string;
}

const SECRET_NAME = 'altcha-hmac';
const MIN_LENGTH = 32;

/** Two independent keys from one master secret, so one setting (or one Store row) is enough. */
export function deriveProofKeys(master: string): ProofKeys {
  const sub = (label: string) => createHmac('sha256', master).update(label).digest('hex');
  return { challenge: sub('proof-of-work challenge'), key: sub('proof-of-work derived key') };
}

const cache = new WeakMap<object, Promise<ProofKeys>>();

/** The keys of this server, read once per Store. */
export function proofKeys(store: Pick<StoreOps, 'keepSecret'>, env: { ALTCHA_HMAC_KEY?: string } = process.env): Promise<ProofKeys> {
  let keys = cache.get(store);
  if (!keys) {
    keys = masterSecret(store, env).then(deriveProofKeys);
    keys.catch(() => cache.delete(store)); // let the next request try again
    cache.set(store, keys);
  }
  return keys;
}

async function masterSecret(store: Pick<StoreOps, 'keepSecret'>, env: { ALTCHA_HMAC_KEY?: string }): Promise<string> {
  const configured = env.ALTCHA_HMAC_KEY?.trim();
  if (configured) {
    if (configured.length < MIN_LENGTH) throw new Error(`ALTCHA_HMAC_KEY must be at least ${MIN_LENGTH} characters (e.g. \`openssl rand -base64 32\`)`);
    return configured;
  }
  return store.keepSecret(SECRET_NAME, randomBytes(32).toString('base64url'));
}
