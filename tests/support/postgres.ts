/**
 * PostgreSQL for the contract suite: DATABASE_URL_TEST when set, otherwise a throwaway
 * cluster that postgres-setup.ts starts from Debian's binaries. Where there is neither, the
 * suite is skipped with a message, unless REQUIRE_POSTGRES=1 (as in CI), where that fails.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const postgresRequired = process.env.REQUIRE_POSTGRES === '1';

/** The directory with initdb and pg_ctl: $POSTGRES_BIN, else the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(): string | undefined {
  const candidates = [process.env.POSTGRES_BIN];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(root, v, 'bin')));
  }
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

/** The same URL with `search_path` set to `schema`, so a test gets tables of its own. */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}
