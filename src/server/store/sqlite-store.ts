/**
 * The embedded Store: one SQLite file through Node's built-in node:sqlite. WAL lets readers
 * in other processes (backups, reports) read while the server writes; the one connection
 * runs one piece of work at a time (a Lane), so a transaction never takes in a stranger's
 * statement. Statements are prepared once and cached by their (constant) text.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { Driver, Executor, Param, Row } from './executor.ts';
import { Lane } from './lane.ts';
import { migrate } from './migrate.ts';
import { sqlStore } from './sql-store.ts';
import type { Store } from './store.ts';

/** SQLite's extended result codes for broken constraints. */
const UNIQUE = new Set([2067, 1555]); // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
const FOREIGN_KEY = 787; // SQLITE_CONSTRAINT_FOREIGNKEY

/** Opens (creating if need be) the SQLite Store at `path` and migrates it. */
export async function openSqliteStore(path: string): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA foreign_keys = ON');
  // Another process holding the write lock (a backup, a second server) is waited for, not failed on.
  db.exec('PRAGMA busy_timeout = 5000');
  const driver = sqliteDriver(db);
  try {
    await migrate(driver);
  } catch (err) {
    db.close();
    throw err;
  }
  return sqlStore(driver);
}

function sqliteDriver(db: DatabaseSync): Driver {
  const statements = new Map<string, StatementSync>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      // The shared SQL is written with PostgreSQL's $n; SQLite's ?n is the same numbered parameter.
      statement = db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
      statements.set(sql, statement);
    }
    return statement;
  };
  const args = (params: readonly Param[]) => params as SQLInputValue[];
  const raw: Executor = {
    all: async (sql, params = []) => prepare(sql).all(...args(params)) as Row[],
    run: async (sql, params = []) => Number(prepare(sql).run(...args(params)).changes),
    exec: async (script) => db.exec(script),
  };
  const lane = new Lane();
  return {
    dialect: 'sqlite',
    autocommit: {
      all: (sql, params) => lane.run(() => raw.all(sql, params)),
      run: (sql, params) => lane.run(() => raw.run(sql, params)),
      exec: (script) => lane.run(() => raw.exec(script)),
    },
    withTransaction: (fn) =>
      lane.run(async () => {
        // IMMEDIATE takes the write lock now, so the transaction cannot fail to upgrade later.
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(raw);
          db.exec('COMMIT');
          return result;
        } catch (err) {
          db.exec('ROLLBACK');
          throw err;
        }
      }),
    constraintOf: (error) => {
      const code = (error as { errcode?: number }).errcode;
      if (code === undefined) return undefined;
      if (UNIQUE.has(code)) return 'unique';
      if (code === FOREIGN_KEY) return 'foreign_key';
      return undefined;
    },
    close: () => lane.run(() => db.close()),
  };
}
