/**
 * The editor server (src/editor/main.ts) for integration tests: built once per test file with
 * `npm run build:editor`, started on a free port with a throwaway Store (DATA_DIR) and drafts
 * tree (DRAFTS_DIR). Staff accounts and their sessions are made directly in that Store; the
 * session cookie is the back office's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { StaffRole } from '../../src/lib/staff/roles.ts';
import { SESSION_COOKIE, startSession } from '../../src/server/staff/sessions.ts';
import { openStore } from '../../src/server/store/open-store.ts';
import type { Store } from '../../src/server/store/store.ts';
import { freePort } from './free-port.ts';
import { untilListening } from './listening.ts';

export interface EditorServer {
  url: string;
  dataDir: string;
  draftsDir: string;
  store: Store;
  stop(): Promise<void>;
}

export const PORTAL_URL = 'http://portal.test:4321';
const node = existsSync('node_modules/.bin/node') ? 'node_modules/.bin/node' : process.execPath;

export async function startEditorServer(): Promise<EditorServer> {
  // `npm test` builds the editor (npm run build:editor) before the suites run, once for all of them.
  if (!existsSync('dist-editor/server/entry.mjs')) throw new Error('dist-editor/ is missing: `npm test` builds the editor first (or run `npm run build:editor`).');

  const dataDir = mkdtempSync(join(tmpdir(), 'editor-data-'));
  const draftsDir = join(mkdtempSync(join(tmpdir(), 'editor-drafts-')), 'drafts');
  const port = await freePort();
  const server: ChildProcess = spawn(node, ['src/editor/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', EDITOR_PORT: String(port), DATA_DIR: dataDir, DRAFTS_DIR: draftsDir, PORTAL_URL },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await untilListening(`${url}/keystatic`, server, 'the editor server');
  const store = await openStore({ DATA_DIR: dataDir });
  const stop = async () => {
    await store.close();
    await new Promise<void>((resolve) => {
      server.once('exit', () => resolve());
      server.kill('SIGTERM');
    });
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(dirname(draftsDir), { recursive: true, force: true });
  };
  return { url, dataDir, draftsDir, store, stop };
}

let serial = 0;

/** A staff account made in the editor's Store, with a session: the cookie a signed-in browser sends. */
export async function staffCookie(store: Store, role: StaffRole, department: string | null = null): Promise<string> {
  const user = await store.createUser({ username: `editor-${role}.${process.pid}.${++serial}`, displayName: `${role} ${serial}`, role, department, passwordHash: 'not used: sessions are made directly' });
  return `${SESSION_COOKIE}=${await startSession(store, user, new Date())}`;
}
