/**
 * Secrets the servers share, made once by whichever server needs one first and then read by all
 * (the proof-of-work challenges' HMAC key): kept in the Store because that is the one thing every
 * server behind a load balancer shares. `name` is unique, so two servers starting together keep
 * the same value.
 */
import type { Migration } from './index.ts';

const sql = (bigint: string, strict: string) => `
CREATE TABLE server_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at ${bigint} NOT NULL
)${strict};
`;

export const serverSecrets: Migration = {
  version: 3,
  name: 'server-secrets',
  sqlite: sql('INTEGER', ' STRICT'),
  postgres: sql('BIGINT', ''),
};
