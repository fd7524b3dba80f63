import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/server/staff/passwords.ts';
import { IDLE_MS, MAX_SESSION_MS, resumeSession, sessionIdOf, startSession } from '../../src/server/staff/sessions.ts';
import { openSqliteStore } from '../../src/server/store/sqlite-store.ts';
import type { Store } from '../../src/server/store/store.ts';

/**
 * Staff sessions on a real SQLite Store with a chosen clock: idle logout after 30 minutes,
 * sliding while used, a hard end after 12 hours, and an account disabled mid-session.
 */
describe('staff sessions', () => {
  let dir: string;
  let store: Store;
  const T0 = new Date('2026-05-11T01:00:00Z');
  const after = (ms: number) => new Date(T0.getTime() + ms);
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sessions-'));
    store = await openSqliteStore(join(dir, 'portal.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const user = () => store.createUser({ username: 'guli', displayName: '古丽', passwordHash: 'x', role: 'centre' });

  it('keeps only the token\'s hash in the Store', async () => {
    const token = await startSession(store, await user(), T0);
    expect(await store.getSession(token, T0)).toBeUndefined();
    expect(await store.getSession(sessionIdOf(token), T0)).toBeDefined();
  });

  it('ends after 30 minutes without a request, and slides while the staff member works', async () => {
    const token = await startSession(store, await user(), T0);
    expect((await resumeSession(store, token, after(IDLE_MS - 1000)))?.staff.username).toBe('guli');
    // The request above slid the expiry: 29 minutes later it is still alive.
    expect(await resumeSession(store, token, after(2 * IDLE_MS - 2000))).toBeDefined();
    expect(await resumeSession(store, token, after(3 * IDLE_MS))).toBeUndefined();
  });

  it('ends 12 hours after sign-in however busy the staff member is', async () => {
    const token = await startSession(store, await user(), T0);
    for (let t = 0; t < MAX_SESSION_MS - IDLE_MS; t += IDLE_MS / 2) expect(await resumeSession(store, token, after(t))).toBeDefined();
    expect(await resumeSession(store, token, after(MAX_SESSION_MS))).toBeUndefined();
  });

  it('ends when the account is disabled or its role is not a staff role', async () => {
    const u = await user();
    const token = await startSession(store, u, T0);
    await store.updateUser(u.id, { disabledAt: T0 });
    expect(await resumeSession(store, token, after(1000))).toBeUndefined();
    const other = await store.createUser({ username: 'old', displayName: 'x', passwordHash: 'x', role: 'editor' });
    expect(await resumeSession(store, await startSession(store, other, T0), after(1000))).toBeUndefined();
  });

  it('refuses a token of the wrong shape without asking the Store', async () => {
    expect(await resumeSession(store, "' OR 1=1 --", T0)).toBeUndefined();
  });
});

describe('staff passwords', () => {
  it('are argon2id hashes in PHC form that verify only the right password', async () => {
    const hash = await hashPassword('Kashgar-Office-2026');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword('Kashgar-Office-2026', hash)).toBe(true);
    expect(await verifyPassword('kashgar-office-2026', hash)).toBe(false);
    expect(await hashPassword('Kashgar-Office-2026')).not.toBe(hash); // salted
    expect(await verifyPassword('anything', '$2b$10$notargon')).toBe(false);
  });
});

describe('maintenance', () => {
  it('forgets old rate-limit windows and expired sessions, and nothing else', async () => {
    const { maintain, KEEP_COUNTERS_MS } = await import('../../src/server/maintenance.ts');
    const dir = mkdtempSync(join(tmpdir(), 'maintenance-'));
    const store = await openSqliteStore(join(dir, 'portal.sqlite'));
    try {
      const now = new Date('2026-06-01T00:00:00Z');
      const old = new Date(now.getTime() - KEEP_COUNTERS_MS - 60_000);
      await store.hit('letter-submit:198.51.100.1', 60_000, old);
      await store.hit('letter-submit:198.51.100.1', 60_000, now);
      const user = await store.createUser({ username: 'm', displayName: 'M', passwordHash: 'x', role: 'centre' });
      await store.createSession({ id: 'gone', userId: user.id, expiresAt: new Date(now.getTime() - 1), now: old });
      await store.createSession({ id: 'live', userId: user.id, expiresAt: new Date(now.getTime() + IDLE_MS), now });
      await store.appendAudit({ actor: 'x', action: 'old', at: old });
      expect(await maintain(store, now)).toEqual({ counters: 1, sessions: 1 });
      expect(await store.hit('letter-submit:198.51.100.1', 60_000, now)).toBe(2); // the current window kept its count
      expect(await store.getSession('live', now)).toBeDefined();
      expect((await store.listAudit()).total).toBe(1);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
