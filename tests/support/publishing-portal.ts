/**
 * A portal of its own for the tests that publish: a Git repository made from this working tree
 * (the published branch), a drafts tree, a Store and a releases folder, all in a throwaway
 * folder, and the built portal serving them. Publishing commits to that repository, never to
 * the project's own.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from './free-port.ts';

export interface PublishingPortal {
  base: string;
  root: string;
  repo: string;
  drafts: string;
  dataDir: string;
  env: Record<string, string>;
  stop: () => Promise<void>;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });

/** A Git repository holding the project's files as they are now (committed or not), one commit. */
export function contentRepository(root: string): string {
  const repo = join(root, 'repo');
  const files = git('.', 'ls-files', '--cached', '--others', '--exclude-standard', '-z').split('\0').filter((f) => f && existsSync(f));
  for (const f of files) {
    mkdirSync(dirname(join(repo, f)), { recursive: true });
    cpSync(f, join(repo, f));
  }
  git(repo, 'init', '--quiet', '--initial-branch=main');
  git(repo, 'add', '--all');
  git(repo, '-c', 'user.name=Portal', '-c', 'user.email=portal@staff.invalid', 'commit', '--quiet', '-m', 'The portal as the tests found it');
  return repo;
}

export async function startPublishingPortal(extraEnv: Record<string, string> = {}): Promise<PublishingPortal> {
  const root = mkdtempSync(join(tmpdir(), 'portal-publishing-'));
  const repo = contentRepository(root);
  const drafts = join(root, 'drafts');
  cpSync(join(repo, 'content'), join(drafts, 'content'), { recursive: true });
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  const port = await freePort();
  const env = { HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, CONTENT_REPO: repo, DRAFTS_DIR: drafts, TRUSTED_PROXY: '1', ...extraEnv };
  const node = existsSync('node_modules/.bin/node') ? 'node_modules/.bin/node' : process.execPath;
  const server: ChildProcess = spawn(node, ['src/server/main.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/zh/`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (server.exitCode !== null) throw new Error(`the portal exited with code ${server.exitCode}`);
    if (Date.now() > deadline) throw new Error('the portal did not answer within 20 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base, root, repo, drafts, dataDir, env,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
