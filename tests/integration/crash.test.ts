import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateTrackingCode, normalizeTrackingCode, verifyPin } from '../../src/lib/cases/tracking-code.ts';
import { openStore } from '../../src/server/store/open-store.ts';
import type { Store } from '../../src/server/store/store.ts';
import { freePort } from '../support/free-port.ts';

/**
 * A crash during a burst of letters loses none that were acknowledged: 500 JSON submissions
 * at once, the server killed with SIGKILL (no shutdown, no flush) after about 100 of them
 * were answered 201, then started again on the same data folder. Every letter a citizen was
 * given a tracking code and PIN for must be in the Store, with its own title and PIN.
 * This would fail if the server answered before its transaction committed (a write-behind
 * queue, batched commits, an open long-running transaction), if a restart lost or rebuilt the
 * database, or if the check itself could not see a missing letter (checked on a made-up code).
 * It runs its own server on its own port and data folder, not the suite's shared one.
 */
const node = existsSync('node_modules/.bin/node') ? 'node_modules/.bin/node' : process.execPath;
const SUBMISSIONS = 500;
const KILL_AFTER = 100;

interface Ack { title: string; code: string; pin: string }

const dataDir = mkdtempSync(join(tmpdir(), 'portal-crash-'));
const servers: ChildProcess[] = [];
let store: Store | undefined;

afterAll(async () => {
  await store?.close();
  for (const s of servers) if (s.exitCode === null && s.signalCode === null) s.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(node, ['src/server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, TRUSTED_PROXY: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  servers.push(child);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/zh/`)).ok) return { child, base };
    } catch {
      /* not listening yet */
    }
    if (child.exitCode !== null) throw new Error(`the portal server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the portal server did not answer within 20 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const letter = (title: string) => ({
  kind: 'consultation', locale: 'zh', title,
  body: '请问办理居住证需要准备哪些材料，多长时间可以领取？',
  name: '王芳', phone: '139 8765 4321', publish: false,
});

/** The acknowledged letters that the Store does not hold as sent: missing, or another letter under the code. */
async function missingFrom(s: Store, acks: Ack[]): Promise<Ack[]> {
  const missing: Ack[] = [];
  for (const ack of acks) {
    const code = normalizeTrackingCode(ack.code);
    const found = code.ok ? await s.getCaseByCode(code.code) : undefined;
    if (found?.kind !== 'letter' || found.subject !== ack.title) missing.push(ack);
  }
  return missing;
}

describe('a crash during 500 concurrent submissions', () => {
  it('keeps every acknowledged letter', async () => {
    const first = await startServer();
    const acks: Ack[] = [];
    const refused: number[] = [];
    let cutOff = 0;
    const sends = Array.from({ length: SUBMISSIONS }, async (_, i) => {
      const title = `居住证办理材料咨询第${i}号`;
      let status: number;
      let body: { trackingCode?: string; pin?: string };
      try {
        const res = await fetch(`${first.base}/api/v1/cases`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: first.base, 'X-Forwarded-For': `203.0.${i >> 8}.${i & 255}` },
          body: JSON.stringify(letter(title)),
        });
        status = res.status;
        body = (await res.json()) as typeof body;
      } catch {
        cutOff++; // cut off by the kill: never acknowledged, so the citizen was told nothing
        return;
      }
      if (status !== 201 || !body.trackingCode || !body.pin) return void refused.push(status);
      acks.push({ title, code: body.trackingCode, pin: body.pin });
      if (acks.length === KILL_AFTER) first.child.kill('SIGKILL');
    });
    await Promise.all(sends);
    if (first.child.signalCode === null) await new Promise((done) => first.child.once('exit', done));

    // The kill must have landed mid-burst, or the test proves nothing.
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acks.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(refused).toEqual([]); // a valid letter is never refused (429 would mean the addresses clashed)
    expect(cutOff).toBeGreaterThan(0);

    // Restarted on the same data folder, the server comes up and the Store holds every acknowledged letter.
    const second = await startServer();
    expect(existsSync(join(dataDir, 'portal.sqlite'))).toBe(true);
    store = await openStore({ DATA_DIR: dataDir });
    expect((await missingFrom(store, acks)).map((a) => a.code), 'acknowledged but not in the Store').toEqual([]);
    // The check sees a lost letter: a code that was never stored is reported missing.
    const madeUp = { title: acks[0]!.title, code: generateTrackingCode(), pin: '000000' };
    expect(await missingFrom(store, [madeUp])).toEqual([madeUp]);
    const stored = await store.listCases({ kind: 'letter', limit: 1 });
    expect(stored.total).toBeGreaterThanOrEqual(acks.length);
    expect(stored.total).toBeLessThanOrEqual(SUBMISSIONS);

    // The PIN each citizen was given opens their letter: in the Store for a sample (scrypt is slow
    // on purpose), and through the restarted server's API for a few.
    const sample = acks.filter((_, i) => i % Math.ceil(acks.length / 10) === 0);
    for (const ack of sample) {
      const found = await store.getCaseByCode(ack.code.replace('-', ''));
      expect(await verifyPin(ack.pin, String(found!.data.pinHash)), ack.code).toBe(true);
    }
    for (const [i, ack] of sample.slice(0, 3).entries()) {
      const res = await fetch(`${second.base}/api/v1/cases/lookup`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.51.100.${i}-lookup` },
        body: JSON.stringify({ trackingCode: ack.code, pin: ack.pin, locale: 'zh' }),
      });
      expect(res.status, ack.code).toBe(200);
      expect(((await res.json()) as { title: string }).title).toBe(ack.title);
    }
  }, 60_000);
});
