/**
 * The Store on PostgreSQL through pg: for running several servers behind a load balancer.
 * Single statements go to the pool; a transaction holds one client from BEGIN to COMMIT.
 */
import pg from 'pg';
import type { Driver, Executor, Param, Row } from './executor.ts';
import { migrate } from './migrate.ts';
import { sqlStore } from './sql-store.ts';
import type { Store } from './store.ts';

export interface PostgresOptions {
  /** postgres://user:password@host:port/database (`?options=-c search_path=…` picks a schema). */
  connectionString: string;
  /** Pool size; default 10. */
  max?: number;
}

/** Opens a pool on the database and migrates it. */
export async function openPostgresStore(options: PostgresOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  // An idle client losing its connection must not bring the server down; the pool replaces it.
  pool.on('error', (err) => console.error('store: an idle PostgreSQL connection failed:', err.message));
  const driver = postgresDriver(pool);
  try {
    await migrate(driver);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return sqlStore(driver);
}

/** pg sends a Buffer as bytea; a plain Uint8Array it would send as text. */
const values = (params: readonly Param[]) => params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));

function executor(target: pg.Pool | pg.PoolClient): Executor {
  return {
    all: async (sql, params = []) => (await target.query(sql, values(params))).rows as Row[],
    run: async (sql, params = []) => (await target.query(sql, values(params))).rowCount ?? 0,
    exec: async (script) => {
      await target.query(script);
    },
  };
}

function postgresDriver(pool: pg.Pool): Driver {
  return {
    dialect: 'postgres',
    autocommit: executor(pool),
    async withTransaction(fn) {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError;
        });
        throw err;
      } finally {
        // A client whose rollback failed is in an unknown state: the pool drops it.
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
    constraintOf: (error) => {
      const code = (error as { code?: string }).code;
      if (code === '23505') return 'unique';
      if (code === '23503') return 'foreign_key';
      return undefined;
    },
    close: () => pool.end(),
  };
}
