/**
 * The built versions of the site the server can serve. `npm run build` makes dist/; the
 * publisher builds each approved version into a release folder of its own,
 * `<RELEASES_DIR>/<commit>/` (by default under DATA_DIR), and names the one to serve in the
 * file `current` beside them. The server serves `current` when there is one, else dist/.
 *
 * A release is switched by loading its server entry in the running process: Astro's server
 * build records absolute paths to its own static files, so moving folders under a running
 * server would not be enough, and requests already being answered finish on the old one.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';

export const releasesRoot = (env: NodeJS.ProcessEnv = process.env): string => resolve(env.RELEASES_DIR ?? join(env.DATA_DIR ?? 'data', 'releases'));

/** The folder of the release to serve, or undefined when the portal serves dist/. */
export function currentRelease(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const root = releasesRoot(env);
  const pointer = join(root, 'current');
  if (!existsSync(pointer)) return undefined;
  const name = readFileSync(pointer, 'utf8').trim();
  const dir = join(root, name);
  return name && existsSync(join(dir, 'server', 'entry.mjs')) ? dir : undefined;
}

/** Names the release to serve after a restart; written whole or not at all. */
export function recordCurrentRelease(dir: string, env: NodeJS.ProcessEnv = process.env): void {
  const root = releasesRoot(env);
  const pointer = join(root, 'current');
  writeFileSync(`${pointer}.next`, `${resolve(dir).slice(root.length + 1)}\n`);
  renameSync(`${pointer}.next`, pointer);
}

/**
 * Makes the project's packages resolvable from the release folders: a release's server imports
 * the packages Astro leaves outside its bundle, and Node looks for them in the folders above.
 */
/** The project's node_modules, found from wherever this code runs (src/, dist/ or a release): the folder that holds astro. */
export function projectModules(): string {
  const astro = createRequire(import.meta.url).resolve('astro/package.json');
  return astro.slice(0, astro.lastIndexOf('/node_modules/') + '/node_modules'.length);
}

export function prepareReleasesRoot(env: NodeJS.ProcessEnv = process.env): string {
  const root = releasesRoot(env);
  mkdirSync(root, { recursive: true });
  const modules = projectModules();
  const link = join(root, 'node_modules');
  if (!existsSync(link) && existsSync(modules) && !root.startsWith(dirname(modules) + '/')) symlinkSync(modules, link, 'dir');
  return root;
}

type Switcher = (dir: string) => Promise<void>;
const SWITCH = Symbol.for('portal.release.switch');

/** Called by the server process: how to serve another release from now on. */
export function onReleaseSwitch(switcher: Switcher): void {
  (globalThis as Record<symbol, unknown>)[SWITCH] = switcher;
}

/**
 * Serves `dir` from now on in this process (when it runs the portal server) and after a
 * restart. Returns whether the running server switched.
 */
export async function switchRelease(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  recordCurrentRelease(dir, env);
  const switcher = (globalThis as Record<symbol, unknown>)[SWITCH] as Switcher | undefined;
  if (!switcher) return false;
  await switcher(dir);
  return true;
}
