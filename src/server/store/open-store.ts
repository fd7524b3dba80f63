/**
 * The Store the server runs on: PostgreSQL when DATABASE_URL is a postgres:// address,
 * otherwise the embedded SQLite file DATA_DIR/portal.sqlite (DATA_DIR defaults to data/).
 */
import { join } from 'node:path';
import type { Store } from './store.ts';

export interface StoreEnv {
  DATABASE_URL?: string;
  DATA_DIR?: string;
}

export async function openStore(env: StoreEnv = process.env): Promise<Store> {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must be a postgres:// address (leave it unset for the embedded SQLite store)');
    // Imported only when asked for, so the embedded store does not load pg.
    const { openPostgresStore } = await import('./postgres-store.ts');
    return openPostgresStore({ connectionString: url });
  }
  const { openSqliteStore } = await import('./sqlite-store.ts');
  return openSqliteStore(join(env.DATA_DIR || 'data', 'portal.sqlite'));
}
