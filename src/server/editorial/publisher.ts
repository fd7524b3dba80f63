/**
 * The publisher: turns an approval (or a withdrawal) into the served site.
 *
 *  1. a staging working copy of the published branch's head (a Git worktree in a temporary folder);
 *  2. the item's folder from the drafts tree copied in (or removed, to withdraw), and committed
 *     with the editor as author and the reviewer as committer;
 *  3. `npm run build` there (content checks, Astro, the search index) into a release folder;
 *  4. the running server switched to the release, and the published branch moved to the commit.
 *
 * Until step 4 nothing the citizens see has changed; when any step fails, the release folder
 * and the staging copy are removed and the published branch and the served site stay as they
 * were. Runs one at a time in the process.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathOfItem, type ItemRef } from '../../lib/editorial/item-paths.ts';
import { currentRelease, prepareReleasesRoot, projectModules, switchRelease } from '../releases.ts';
import { git, type GitPerson } from './git.ts';
import { draftsRoot, publishedRoot } from './workspace.ts';

export interface PublishOrder {
  action: 'publish' | 'withdraw';
  ref: ItemRef;
  author: GitPerson;
  reviewer: GitPerson;
  /** The commit message's first line names the item; the title follows. */
  title: string;
}

export type PublishOutcome = { ok: true; commit: string | null; release: string | null } | { ok: false; report: string };

/** How much of a failed build's output the reviewer is shown. */
const REPORT_LINES = 40;
const BUILD_TIMEOUT_MS = 15 * 60_000;
/** Releases kept besides the one served, to go back to by hand. */
const KEEP_RELEASES = 2;

const QUEUE = Symbol.for('portal.publisher.queue');
const shared = globalThis as unknown as Record<symbol, Promise<unknown> | undefined>;

/** Runs `order` after any run already under way in this process. */
export function publishInTurn(order: PublishOrder, env: NodeJS.ProcessEnv = process.env): Promise<PublishOutcome> {
  const previous = shared[QUEUE] ?? Promise.resolve();
  const run = previous.then(() => publish(order, env));
  shared[QUEUE] = run.catch(() => undefined);
  return run;
}

export async function publish(order: PublishOrder, env: NodeJS.ProcessEnv = process.env): Promise<PublishOutcome> {
  const repo = publishedRoot(env);
  const releases = prepareReleasesRoot(env);
  const staging = mkdtempSync(join(tmpdir(), 'portal-publish-'));
  let release: string | null = null;
  try {
    const head = (await git(repo, ['rev-parse', 'HEAD'])).trim();
    await git(repo, ['worktree', 'add', '--detach', '--quiet', staging, head]);
    const path = pathOfItem(order.ref);
    rmSync(join(staging, path), { recursive: true, force: true });
    if (order.action === 'publish') {
      const draft = join(draftsRoot(env), path);
      if (existsSync(draft)) cpSync(draft, join(staging, path), { recursive: true });
    }
    await git(staging, ['add', '--all', '--', path]);
    const changed = await git(staging, ['diff', '--cached', '--name-only']);
    if (!changed.trim()) return { ok: true, commit: null, release: null };

    const verb = order.action === 'publish' ? 'Publish' : 'Withdraw';
    const message = `${verb} ${order.ref.collection}/${order.ref.item}: ${order.title}\n\nReviewed by ${order.reviewer.name}.\n`;
    await git(staging, ['commit', '--quiet', '--no-verify', `--author=${order.author.name} <${order.author.email}>`, '-m', message], {
      GIT_COMMITTER_NAME: order.reviewer.name,
      GIT_COMMITTER_EMAIL: order.reviewer.email,
    });
    const commit = (await git(staging, ['rev-parse', 'HEAD'])).trim();

    release = join(releases, commit);
    rmSync(release, { recursive: true, force: true });
    const built = await build(staging, release, releases);
    if (!built.ok) return { ok: false, report: built.report };
    if (!existsSync(join(release, 'server', 'entry.mjs'))) return { ok: false, report: 'The build finished without a server entry.' };

    const before = currentRelease(env);
    await switchRelease(release, env);
    try {
      await git(repo, ['merge', '--ff-only', '--quiet', commit]);
    } catch (e) {
      // The branch moved or the working copy has changes: go back to what was served.
      if (before) await switchRelease(before, env);
      throw e;
    }
    pruneReleases(releases, release);
    return { ok: true, commit, release };
  } catch (e) {
    if (release) rmSync(release, { recursive: true, force: true });
    return { ok: false, report: e instanceof Error ? e.message : String(e) };
  } finally {
    await git(repo, ['worktree', 'remove', '--force', staging]).catch(() => rmSync(staging, { recursive: true, force: true }));
  }
}

/** `npm run build` of the staging copy into `out`; the end of its output when it fails. */
function build(staging: string, out: string, releases: string): Promise<{ ok: true } | { ok: false; report: string }> {
  symlinkSync(projectModules(), join(staging, 'node_modules'), 'dir');
  const env: NodeJS.ProcessEnv = { ...process.env, OUT_DIR: out, CACHE_DIR: join(releases, '.cache') };
  delete env.CONTENT_DIR;
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'build'], { cwd: staging, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: BUILD_TIMEOUT_MS });
    const lines: string[] = [];
    const keep = (chunk: Buffer) => {
      lines.push(...chunk.toString('utf8').split('\n').filter((l) => l.trim()));
      if (lines.length > 4 * REPORT_LINES) lines.splice(0, lines.length - REPORT_LINES);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => resolve({ ok: false, report: `The build could not start: ${e.message}` }));
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ ok: true });
      // eslint-disable-next-line no-control-regex
      else resolve({ ok: false, report: [`The build failed (${signal ?? `exit ${code}`}):`, ...lines.slice(-REPORT_LINES)].join('\n').replace(/\x1b\[[0-9;]*m/g, '') });
    });
  });
}

/** Removes releases other than the served one and the newest few before it. */
function pruneReleases(releases: string, served: string): void {
  const old = readdirSync(releases, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[0-9a-f]{40}$/.test(d.name) && join(releases, d.name) !== served)
    .map((d) => ({ dir: join(releases, d.name), at: statSync(join(releases, d.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { dir } of old.slice(KEEP_RELEASES)) rmSync(dir, { recursive: true, force: true });
}
