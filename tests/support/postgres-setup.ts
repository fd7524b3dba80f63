import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { freePort } from './free-port.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { postgresBinDir, postgresRequired } from './postgres.ts';

/**
 * Gives the contract suite a PostgreSQL URL (`inject('postgresUrl')`, empty when there is
 * none): DATABASE_URL_TEST if set, else a throwaway cluster in a temporary directory,
 * listening on loopback on a free port, run as the `postgres` user when we are root
 * (PostgreSQL refuses to run as root), stopped and deleted at the end.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

let cluster: { dir: string; run: (cmd: string, args: string[]) => void; pgCtl: string } | undefined;

export async function setup(project: TestProject) {
  if (process.env.DATABASE_URL_TEST) {
    project.provide('postgresUrl', process.env.DATABASE_URL_TEST);
    return;
  }
  let url = '';
  let reason = '';
  try {
    url = await startCluster();
  } catch (err) {
    reason = (err as Error).message;
  }
  if (!url) {
    const message =
      `PostgreSQL contract tests ${postgresRequired ? 'CANNOT RUN' : 'SKIPPED'}: ${reason} ` +
      'Install PostgreSQL (`apt-get install postgresql` on Debian; `.ci/run` does this) or set DATABASE_URL_TEST=postgres://….';
    if (postgresRequired) throw new Error(`${message} REQUIRE_POSTGRES=1 makes this a failure.`);
    console.warn(`\n\x1b[33m${message}\x1b[0m\n`);
  }
  project.provide('postgresUrl', url);
}

async function startCluster(): Promise<string> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('no PostgreSQL server binaries (looked for $POSTGRES_BIN and /usr/lib/postgresql/*/bin/{initdb,pg_ctl}).');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? userIds('postgres') : undefined;
  if (asRoot && !owner) throw new Error('running as root and there is no `postgres` user to run the server as.');

  const dir = mkdtempSync(join(tmpdir(), 'portal-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = owner ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const pgCtl = join(bin, 'pg_ctl');
  try {
    run(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    const port = await freePort();
    const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run(pgCtl, ['-D', join(dir, 'data'), '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start']);
    cluster = { dir, run, pgCtl };
    return `postgres://postgres@127.0.0.1:${port}/postgres`;
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`could not start a throwaway PostgreSQL cluster (${stderr || (err as Error).message}).`);
  }
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  const result = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  return { uid: Number(result.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export async function teardown() {
  if (!cluster) return;
  try {
    cluster.run(cluster.pgCtl, ['-D', join(cluster.dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  } finally {
    rmSync(cluster.dir, { recursive: true, force: true });
    cluster = undefined;
  }
}
