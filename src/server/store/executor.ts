/**
 * What the shared SQL code (sql-store.ts) needs from a database driver. Statements are
 * constants written with PostgreSQL's `$1` placeholders; values only ever travel as
 * parameters. The SQLite driver rewrites `$n` to SQLite's `?n`, which means the same.
 */
export type Param = string | number | null | Uint8Array;
export type Row = Record<string, unknown>;

export interface Executor {
  /** Rows the statement returns. */
  all(sql: string, params?: readonly Param[]): Promise<Row[]>;
  /** The number of rows the statement changed. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
  /** A constant script of several statements, without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Driver {
  readonly dialect: 'sqlite' | 'postgres';
  /** Single statements outside any transaction, each committed on its own. */
  readonly autocommit: Executor;
  /** Runs `fn` in a transaction on one connection: committed if it resolves, rolled back if it throws. */
  withTransaction<T>(fn: (ex: Executor) => Promise<T>): Promise<T>;
  /** Which constraint a driver error broke, if it was a constraint. */
  constraintOf(error: unknown): 'unique' | 'foreign_key' | undefined;
  close(): Promise<void>;
}
