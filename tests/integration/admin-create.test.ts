import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/server/staff/passwords.ts';
import { openStore } from '../../src/server/store/open-store.ts';

/** `npm run admin:create`: the only way to the first account — there is no default password. */
const node = existsSync('node_modules/.bin/node') ? 'node_modules/.bin/node' : process.execPath;
const run = (dataDir: string, args: string[], input: string) =>
  spawnSync(node, ['scripts/admin-create.ts', ...args], { input, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });

describe('admin:create', () => {
  it('a new Store has no accounts at all', async () => {
    const store = await openStore({ DATA_DIR: mkdtempSync(join(tmpdir(), 'admin-create-')) });
    expect(await store.listUsers()).toEqual([]);
    await store.close();
  });

  it('creates an admin with the password given on standard input, and logs it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'admin-create-'));
    const made = run(dir, ['chen.admin', '陈主任'], 'Tianshan-Admin-2026\n');
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('Created admin account "chen.admin"');
    const store = await openStore({ DATA_DIR: dir });
    const user = await store.getUserByUsername('chen.admin');
    expect(user).toMatchObject({ role: 'admin', displayName: '陈主任', department: null });
    expect(await verifyPassword('Tianshan-Admin-2026', user!.passwordHash)).toBe(true);
    expect((await store.listAudit()).items.map((e) => [e.actor, e.action, e.subject])).toEqual([['cli:admin:create', 'user.create', 'user:chen.admin']]);
    await store.close();
    const twice = run(dir, ['chen.admin'], 'Tianshan-Admin-2026\n');
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('already an account');
  });

  it('refuses a weak password, a bad username and a handler without a department, creating nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'admin-create-'));
    expect(run(dir, ['wang'], 'short\n').stderr).toContain('at least 12 characters');
    expect(run(dir, ['wang'], 'alllowercaseletters\n').stderr).toContain('too simple');
    expect(run(dir, ['Bad Name'], 'Tianshan-Admin-2026\n').stderr).toContain('Usage');
    expect(run(dir, ['wang', '--role', 'handler'], 'Tianshan-Admin-2026\n').stderr).toContain('--department');
    const store = await openStore({ DATA_DIR: dir });
    expect(await store.listUsers()).toEqual([]);
    await store.close();
  });
});
