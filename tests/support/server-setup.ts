import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { untilListening } from './listening.ts';
import { contentRepository } from './publishing-portal.ts';
import { TEST_API_CLIENTS } from './integration-key.ts';
import type { TestProject } from 'vitest/node';

/**
 * Starts the built portal (src/server/main.ts on the project's Node 24) on a free port for
 * the integration and browser suites, and gives the tests its base URL.
 */
declare module 'vitest' {
  export interface ProvidedContext { baseURL: string; dataDir: string }
}

let server: ChildProcess | undefined;

export async function setup(project: TestProject) {
  if (!existsSync('dist/server/entry.mjs')) throw new Error('dist/ is missing: `npm test` builds the portal first (or run `npm run build`).');
  const port = await freePort();
  const node = existsSync('node_modules/.bin/node') ? 'node_modules/.bin/node' : process.execPath;
  // Each suite's server keeps its Store in a throwaway folder of its own; tests that read the
  // Store directly get the folder through inject('dataDir').
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-data-'));
  // Its published content is a Git repository of its own, so nothing a test approves can commit
  // to the project's.
  const repo = contentRepository(dataDir);
  server = spawn(node, ['src/server/main.ts'], { env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, CONTENT_REPO: repo, TRUSTED_PROXY: '1', API_CLIENTS: TEST_API_CLIENTS }, stdio: ['ignore', 'pipe', 'inherit'] });
  project.provide('dataDir', dataDir);
  const baseURL = `http://127.0.0.1:${port}`;
  await untilListening(`${baseURL}/zh/`, server, 'the portal server', (res) => res.ok);
  project.provide('baseURL', baseURL);
}

export async function teardown() {
  server?.kill('SIGTERM');
}
