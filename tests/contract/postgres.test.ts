import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import { openStore } from '../../src/server/store/open-store.ts';
import { migrations } from '../../src/server/store/migrations/index.ts';
import { withSchema } from '../support/postgres.ts';
import { storeContract } from './store.contract.ts';

/**
 * The contract on PostgreSQL, a fresh schema per test. The server comes from
 * tests/support/postgres-setup.ts; without one the setup says so and these are skipped
 * (or, with REQUIRE_POSTGRES=1, the run fails there).
 */
const url = inject('postgresUrl');
let admin: pg.Client;
const schemas: string[] = [];

async function freshSchema(): Promise<string> {
  const schema = `contract_${randomUUID().replaceAll('-', '')}`;
  // The name is made here from a UUID, never from input.
  await admin.query(`CREATE SCHEMA ${schema}`);
  schemas.push(schema);
  return withSchema(url, schema);
}

describe.skipIf(!url)('PostgreSQL', () => {
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => {
    for (const schema of schemas) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin?.end();
  });

  storeContract('PostgreSQL (pg)', async () => {
    const connectionString = await freshSchema();
    const store = await openPostgresStore({ connectionString });
    return { store, reopen: () => openPostgresStore({ connectionString }), dispose: () => store.close() };
  });

  describe('PostgreSQL store specifics', () => {
    it('migrates once even when servers start together, and records the migrations it ran', async () => {
      const connectionString = await freshSchema();
      const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore({ connectionString, max: 2 })));
      await Promise.all(stores.map((s) => s.close()));
      const client = new pg.Client({ connectionString });
      await client.connect();
      try {
        expect((await client.query('SELECT version, name FROM schema_migrations ORDER BY version')).rows).toEqual(migrations.map(({ version, name }) => ({ version, name })));
      } finally {
        await client.end();
      }
    });

    it('refuses to change or delete timeline and audit entries, even in plain SQL', async () => {
      const connectionString = await freshSchema();
      const store = await openPostgresStore({ connectionString });
      await store.createCase({ code: 'L-1', kind: 'letter', state: 'submitted', subject: 's', body: 'b' }, { actor: 'citizen', type: 'submitted' });
      await store.appendAudit({ actor: 'a', action: 'x' });
      await store.close();
      const client = new pg.Client({ connectionString });
      await client.connect();
      try {
        for (const sql of ['UPDATE audit_log SET action = $1', 'DELETE FROM audit_log WHERE action <> $1', 'UPDATE case_timeline SET type = $1', 'DELETE FROM case_timeline WHERE type <> $1']) {
          await expect(client.query(sql, ['changed'])).rejects.toThrow(/append-only/);
        }
        await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
      } finally {
        await client.end();
      }
    });

    it('openStore picks PostgreSQL when DATABASE_URL is a postgres:// address', async () => {
      const store = await openStore({ DATABASE_URL: await freshSchema() });
      expect(store.dialect).toBe('postgres');
      await store.close();
    });
  });
});
