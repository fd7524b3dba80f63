import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/server/store/sqlite-store.ts';
import { openStore } from '../../src/server/store/open-store.ts';
import { migrations } from '../../src/server/store/migrations/index.ts';
import { storeContract } from './store.contract.ts';

/** The contract on a fresh SQLite file per test. */
const dirs: string[] = [];
const freshFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-sqlite-'));
  dirs.push(dir);
  return join(dir, 'data', 'portal.sqlite');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

storeContract('SQLite (node:sqlite)', async () => {
  const file = freshFile();
  const store = await openSqliteStore(file);
  return { store, reopen: () => openSqliteStore(file), dispose: () => store.close() };
});

describe('SQLite store specifics', () => {
  it('runs in WAL mode with foreign keys on, and records the migrations it ran', async () => {
    const file = freshFile();
    await (await openSqliteStore(file)).close();
    await (await openSqliteStore(file)).close();
    const db = new DatabaseSync(file);
    try {
      expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual(migrations.map(({ version, name }) => ({ version, name })));
    } finally {
      db.close();
    }
  });

  it('refuses to change or delete timeline and audit entries, even in plain SQL', async () => {
    const file = freshFile();
    const store = await openSqliteStore(file);
    await store.createCase({ code: 'L-1', kind: 'letter', state: 'submitted', subject: 's', body: 'b' }, { actor: 'citizen', type: 'submitted' });
    await store.appendAudit({ actor: 'a', action: 'x' });
    await store.close();
    const db = new DatabaseSync(file);
    try {
      for (const sql of ['UPDATE audit_log SET action = ?', 'DELETE FROM audit_log WHERE action <> ?', 'UPDATE case_timeline SET type = ?', 'DELETE FROM case_timeline WHERE type <> ?']) {
        expect(() => db.prepare(sql).run('changed')).toThrow(/append-only/);
      }
    } finally {
      db.close();
    }
  });

  it('openStore picks SQLite at DATA_DIR/portal.sqlite when there is no DATABASE_URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-open-'));
    dirs.push(dir);
    const store = await openStore({ DATA_DIR: join(dir, 'here') });
    expect(store.dialect).toBe('sqlite');
    await store.close();
    expect(() => new DatabaseSync(join(dir, 'here', 'portal.sqlite'), { readOnly: true }).close()).not.toThrow();
    await expect(openStore({ DATABASE_URL: 'mysql://x' })).rejects.toThrow(/postgres:\/\//);
  });
});
