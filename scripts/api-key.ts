/**
 * Makes a key for an integration of the JSON API (the 12345 hotline, say):
 *
 *   npm run api:key -- hotline-12345
 *
 * prints the key, to give to the integration once, and the API_CLIENTS entry (its name and the
 * key's SHA-256), to add to the server's configuration. The server never stores the key itself.
 */
import { randomBytes } from 'node:crypto';
import { keyHash } from '../src/server/api/integration-clients.ts';

const name = process.argv[2] ?? '';
if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(name)) {
  console.error('Usage: npm run api:key -- <name>   (lower-case letters, digits and hyphens, e.g. hotline-12345)');
  process.exit(1);
}
const key = randomBytes(32).toString('base64url');
console.log(`key (give to the integration; send as "Authorization: Bearer <key>"):\n  ${key}\n`);
console.log(`API_CLIENTS entry (add to the server's environment, comma-separated with others):\n  ${name}:${keyHash(key)}`);
