/**
 * Brings a database's schema up to date at start: every migration not yet in
 * `schema_migrations` runs, in order, all in one transaction, so a failed start leaves the
 * schema as it was. Running it again does nothing. On PostgreSQL an advisory lock makes
 * servers that start together take turns; on SQLite the write lock does.
 */
import type { Driver } from './executor.ts';
import { migrations as all, type Migration } from './migrations/index.ts';

/** The advisory lock's key: any constant the portal owns ("tsmg" in ASCII). */
const LOCK_KEY = 0x74736d67;

export async function migrate(driver: Driver, migrations: readonly Migration[] = all): Promise<number[]> {
  return driver.withTransaction(async (ex) => {
    if (driver.dialect === 'postgres') await ex.all('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await ex.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    const done = new Set((await ex.all('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await ex.exec(driver.dialect === 'postgres' ? m.postgres : m.sqlite);
      await ex.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
      applied.push(m.version);
    }
    return applied;
  });
}
