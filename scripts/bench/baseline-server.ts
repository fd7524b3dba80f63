/**
 * The bare baseline for `npm run bench:server`: node:http and node:sqlite with nothing else,
 * doing the same durable work as the portal's letters API, so the benchmark can say what the
 * portal's layers cost. A submission is one INSERT in a transaction (WAL, SQLite's default
 * synchronous=FULL, as the portal's Store) with a tracking code, a PIN and its hash made by the
 * portal's own functions; a lookup finds the case by code and verifies the PIN against the
 * stored hash, again with the portal's function. No routing, no middleware, no rate limits,
 * no validation beyond what the insert needs.
 *
 *   node scripts/bench/baseline-server.ts   (HOST, PORT, DATA_DIR; prints "listening <port>")
 *
 * `--seed N` instead fills DATA_DIR with N cases whose PIN is `--pin` and exits, for lookups.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { generatePin, generateTrackingCode, hashPin, newPinSalt, normalizeTrackingCode, verifyPin } from '../../src/lib/cases/tracking-code.ts';

const { values } = parseArgs({ options: { seed: { type: 'string' }, pin: { type: 'string', default: '246810' } } });

const dataDir = process.env.DATA_DIR ?? 'data-baseline';
mkdirSync(dataDir, { recursive: true });
const db = new DatabaseSync(join(dataDir, 'baseline.sqlite'));
db.exec('PRAGMA journal_mode = WAL');
db.exec('PRAGMA busy_timeout = 5000');
// The portal's cases table, less the columns only staff use.
db.exec(`CREATE TABLE IF NOT EXISTS cases (
  id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, state TEXT NOT NULL,
  subject TEXT NOT NULL, body TEXT NOT NULL, data TEXT NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, version INTEGER NOT NULL
) STRICT`);

const insert = db.prepare(
  `INSERT INTO cases (id, code, kind, state, subject, body, data, created_at, updated_at, version)
   VALUES (?, ?, 'letter', 'submitted', ?, ?, ?, ?, ?, 1)`,
);
const byCode = db.prepare('SELECT code, state, subject, data, created_at FROM cases WHERE code = ?');

/** Stores one letter in its own transaction; returns its code and PIN. */
async function submit(letter: Record<string, unknown>, pin = generatePin(), hashed?: string) {
  const pinHash = hashed ?? (await hashPin(pin, newPinSalt()));
  const code = generateTrackingCode();
  const now = Date.now();
  const data = JSON.stringify({ letterKind: letter.kind, citizen: { name: letter.name, phone: letter.phone, email: letter.email ?? null }, publishConsent: letter.publish === true, pinHash });
  db.exec('BEGIN IMMEDIATE');
  try {
    insert.run(randomUUID(), code, String(letter.title), String(letter.body), data, now, now);
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
  return { code, pin };
}

if (values.seed) {
  const pinHash = await hashPin(values.pin, newPinSalt());
  const letter = { kind: 'complaint', title: 'seeded letter for lookups', body: 'a letter seeded for the lookup benchmark', name: 'bench', phone: '13912345678', publish: false };
  const codes: string[] = [];
  for (let i = 0; i < Number(values.seed); i++) codes.push((await submit(letter, values.pin, pinHash)).code);
  console.log(JSON.stringify(codes));
  db.close();
  process.exit(0);
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const value = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        resolve(typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined);
      } catch {
        resolve(undefined);
      }
    });
    req.on('error', () => resolve(undefined));
  });
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Requests worked on, answered or not (the client may have gone): the benchmark's CPU time per request. */
const processed = { submit: 0, lookup: 0 };

const server = createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/processed') return send(res, 200, processed);
  if (req.method !== 'POST') return send(res, 404, { error: 'not found' });
  const body = await readJson(req);
  if (!body) return send(res, 400, { error: 'malformed' });
  if (req.url === '/submit') {
    processed.submit++;
    const { code, pin } = await submit(body);
    return send(res, 201, { trackingCode: code, pin });
  }
  if (req.url === '/lookup') {
    processed.lookup++;
    const code = normalizeTrackingCode(String(body.trackingCode ?? ''));
    const row = code.ok ? byCode.get(code.code) : undefined;
    const pinHash = row ? (JSON.parse(String(row.data)) as { pinHash: string }).pinHash : undefined;
    if (!row || !pinHash || !(await verifyPin(String(body.pin ?? ''), pinHash))) return send(res, 404, { error: 'no match' });
    return send(res, 200, { trackingCode: row.code, state: row.state, title: row.subject, submittedAt: new Date(Number(row.created_at)).toISOString() });
  }
  send(res, 404, { error: 'not found' });
});

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`listening ${(server.address() as { port: number }).port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
