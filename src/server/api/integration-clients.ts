/**
 * Integrations that send letters on citizens' behalf (the 12345 hotline relays the calls it
 * takes) send many letters from one address, which the per-address limit for citizens would
 * refuse. Each integration has a key. API_CLIENTS lists `name:<sha256 of the key, hex>` pairs,
 * comma-separated, so the server's configuration holds no usable key (`npm run api:key` makes
 * a key and its entry). A request with `Authorization: Bearer <key>` is counted against that
 * integration's own, larger allowance and its letters name it as their source; a key that
 * matches nothing is refused rather than quietly treated as a citizen's request.
 */
import { createHash } from 'node:crypto';
import type { RateLimit } from '../cases/rate-limit.ts';

/** What one integration may send: enough for a hotline's busiest hour, and no more. */
export const INTEGRATION_LIMITS: Record<'submit' | 'lookup', RateLimit> = {
  submit: { max: 600, windowMs: 10 * 60_000 },
  lookup: { max: 1200, windowMs: 10 * 60_000 },
};

export type Caller = { kind: 'visitor' } | { kind: 'integration'; name: string } | { kind: 'refused' };

const ENTRY = /^([a-z0-9][a-z0-9-]{0,39}):([0-9a-f]{64})$/;

export function parseClients(spec: string | undefined): Map<string, string> {
  const byHash = new Map<string, string>();
  for (const entry of (spec ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = ENTRY.exec(entry);
    if (!m) throw new Error(`API_CLIENTS: "${entry.slice(0, 50)}" is not name:<64 hex digits of the key's SHA-256>`);
    byHash.set(m[2]!, m[1]!);
  }
  return byHash;
}

export const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

let clients: Map<string, string> | undefined;

export function callerOf(request: Request, env: { API_CLIENTS?: string } = process.env): Caller {
  const header = request.headers.get('authorization');
  if (!header) return { kind: 'visitor' };
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  clients ??= parseClients(env.API_CLIENTS);
  const name = m ? clients.get(keyHash(m[1]!)) : undefined;
  return name ? { kind: 'integration', name } : { kind: 'refused' };
}
