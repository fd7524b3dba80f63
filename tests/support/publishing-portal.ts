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
import { untilListening } from './listening.ts';

export interface PublishingPortal {
  base: string;
  /** The content editor's address, when it was started beside the portal. */
  editor?: string;
  root: string;
  repo: string;
  drafts: string;
  dataDir: string;
  env: Record<string, string>;
  /** A moment just before the portal's process started. */
  startedAt: Date;
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

/**
 * Starts the portal and, with `withEditor`, the content editor (dist-editor/, built by
 * `npm test` before the suites run) beside it on the same Store and drafts tree.
 */
export async function startPublishingPortal(extraEnv: Record<string, string> = {}, withEditor = false): Promise<PublishingPortal> {
  const root = mkdtempSync(join(tmpdir(), 'portal-publishing-'));
  const repo = contentRepository(root);
  const drafts = join(root, 'drafts');
  cpSync(join(repo, 'content'), join(drafts, 'content'), { recursive: true });
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  const [port, editorPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const editor = `http://127.0.0.1:${editorPort}`;
  const env = {
    HOST: '127.0.0.1', PORT: String(port), EDITOR_PORT: String(editorPort), PORTAL_URL: base, EDITOR_URL: editor,
    DATA_DIR: dataDir, CONTENT_REPO: repo, DRAFTS_DIR: drafts, TRUSTED_PROXY: '1', ...extraEnv,
  };
  const node = existsSync('node_modules/.bin/node') ? 'node_modules/.bin/node' : process.execPath;
  const servers: ChildProcess[] = [];
  const start = async (script: string, url: string, what: string) => {
    const child = spawn(node, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    servers.push(child);
    await untilListening(url, child, what);
  };
  const startedAt = new Date();
  await start('src/server/main.ts', `${base}/zh/`, 'the portal');
  if (withEditor) {
    if (!existsSync('dist-editor/server/entry.mjs')) throw new Error('dist-editor/ is missing: `npm test` builds the editor first (or run `npm run build:editor`).');
    await start('src/editor/main.ts', `${editor}/keystatic`, 'the editor');
  }
  return {
    base, root, repo, drafts, dataDir, env, startedAt,
    ...(withEditor ? { editor } : {}),
    stop: async () => {
      await Promise.all(servers.filter((s) => s.exitCode === null).map((s) => {
        const exited = new Promise((r) => s.once('exit', r));
        s.kill('SIGTERM');
        return exited;
      }));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
