/**
 * Build benchmark: generates a synthetic catalogue (scripts/corpus.ts), builds the portal
 * from it and prints documents, pages, seconds, pages per second and peak memory.
 *
 *   npm run bench:build [-- --docs 10000] [--content DIR] [--seed 1] [--keep] [--memory-limit MB]
 *
 * The build runs in a throwaway copy of the project under the system temp dir (src/, public/,
 * the config; node_modules linked package by package), with CONTENT_DIR pointing at the
 * corpus and --outDir at the copy's dist/ (inside the copy, because the prerender bundle
 * resolves packages from node_modules next to it). The copy has its own .astro/ and its own
 * content cache, so a benchmark never clobbers the real dist/, .astro/ or
 * node_modules/.astro/ of a build running beside it, and every run is a cold build.
 * Exits non-zero when the build fails.
 *
 * A build that goes past --memory-limit (default 6144 MB of resident memory over the
 * process tree) is stopped and counts as failed, before the kernel's OOM killer has to
 * pick a victim among whatever else runs on the machine.
 */
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.ts';
import { sampleTreeMemory } from './bench/process-tree.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    content: { type: 'string' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'memory-limit': { type: 'string', default: '6144' },
  },
});

const root = process.cwd();
/** Not needed to build, or owned by the real project's own builds. */
const notCopied = new Set(['node_modules', 'dist', 'content', '.git', '.astro', 'test-output', 'tests', 'docs', 'data', 'coverage', '.ci']);
const nodeModulesCaches = new Set(['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache']);

const work = mkdtempSync(join(tmpdir(), 'gov-bench-'));
let failed = false;
try {
  // 1. The content.
  let contentDir: string;
  let documents: number;
  if (values.content) {
    contentDir = resolve(values.content);
    documents = readdirSync(join(contentDir, 'policies')).length;
    console.log(`content: ${contentDir} (${documents} policy documents)`);
  } else {
    const started = performance.now();
    const corpus = generateCorpus({ docs: Number(values.docs), out: join(work, 'content'), seed: Number(values.seed) });
    contentDir = corpus.out;
    documents = corpus.generated + corpus.real;
    console.log(`corpus: ${corpus.generated} generated + ${corpus.real} real policy documents in ${seconds(started)} s`);
  }

  // 2. A private copy of the project to build in.
  const project = join(work, 'project');
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  for (const entry of readdirSync(root)) if (!notCopied.has(entry)) cpSync(join(root, entry), join(project, entry), { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules')))
    if (!nodeModulesCaches.has(entry)) symlinkSync(join(root, 'node_modules', entry), join(project, 'node_modules', entry));
  const node = join(root, 'node_modules/.bin/node');
  if (!existsSync(join(project, 'public/fonts/generated/uyghur-400.woff2'))) await run(node, ['scripts/build-fonts.mjs'], project);

  // 3. The build, timed and watched.
  const outDir = join(project, 'dist'); // inside the project: the prerender bundle resolves packages from its node_modules
  const log = join(work, 'build.log');
  const timeFile = join(work, 'time.txt');
  // The site and its search index, as `npm run build` makes them (two processes, one after the other).
  const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  const astro = ['-c', `${quote(node)} ${quote(join(root, 'node_modules/astro/bin/astro.mjs'))} build --outDir ${quote(outDir)} && ${quote(node)} ${quote(join(root, 'scripts/build-search-index.ts'))} ${quote(join(outDir, 'client'))}`];
  const gnuTime = existsSync('/usr/bin/time');
  const [command, args] = gnuTime ? ['/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, 'sh', ...astro]] : ['sh', astro];
  // Another build on the machine skews the figures: say how busy it was before this one.
  const [load1, load5] = loadavg();
  console.log(`building ${contentDir} (log: ${log}; load average before: ${load1!.toFixed(2)} 1 min, ${load5!.toFixed(2)} 5 min)…`);
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: project,
    env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so the whole tree can be stopped
  });
  // Detached, the build would outlive an interrupted benchmark: take it down too.
  const stopBuild = () => process.kill(-child.pid!, 'SIGKILL');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopBuild(), process.exit(130)));
  const limitMb = Number(values['memory-limit']);
  let overLimit = false;
  let currentMb = 0;
  const memory = sampleTreeMemory(child.pid!, 200, (mb) => {
    currentMb = mb;
    if (mb <= limitMb || overLimit) return;
    overLimit = true;
    console.error(`build uses ${mb.toFixed(0)} MB, over the ${limitMb} MB limit: stopping it`);
    stopBuild();
  });
  const phases = watchLog(child, createWriteStream(log), started, () => currentMb);
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  const wall = (performance.now() - started) / 1000;
  const peak = memory.stop();

  console.log('\nphases (seconds from start, memory of the process tree then):');
  for (const p of phases.marks) console.log(`  ${p.at.toFixed(1).padStart(7)} s ${p.mb.toFixed(0).padStart(6)} MB  ${p.line}`);
  console.log('\nprerendered pages by kind, as Astro times them (pages, seconds, pages/s; with build.concurrency > 1 the times overlap):');
  for (const r of phases.routes().sort((a, b) => b.ms - a.ms))
    console.log(`  ${String(r.pages).padStart(6)}  ${(r.ms / 1000).toFixed(1).padStart(7)}  ${(r.pages / (r.ms / 1000 || 1)).toFixed(0).padStart(6)}  ${r.route}`);
  const memoryRow: [string, string] = ['peak memory MB (process tree)', peak.treeMb.toFixed(0)];
  if (code !== 0) {
    failed = true;
    const why = overLimit ? `: stopped over the ${limitMb} MB memory limit` : code === 137 ? ': killed, out of memory?' : '';
    console.error(`\nbuild failed (exit ${code}${why}) after ${wall.toFixed(1)} s, ${memoryRow[0]} ${memoryRow[1]}; the end of ${log}:\n`);
    console.error(readFileSync(log, 'utf8').split('\n').slice(-30).join('\n'));
  } else {
    // 4. The figures.
    const pages = countPages(outDir);
    const [, user, system, maxKb] = gnuTime ? readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [];
    const rows: [string, string][] = [
      ['documents', String(documents)],
      ['pages (HTML)', `${pages.total} (${[...pages.byLocale].map(([l, n]) => `${l} ${n}`).join(', ')})`],
      ['seconds', wall.toFixed(1)],
      ['pages/s', (pages.total / wall).toFixed(1)],
      memoryRow,
      ...(maxKb ? [['max RSS MB (largest process)', (maxKb / 1024).toFixed(0)] as [string, string]] : []),
      ...(user !== undefined && system !== undefined ? [['CPU seconds (user + sys)', `${(user + system).toFixed(1)} (${((user + system) / wall).toFixed(2)} cores)`] as [string, string]] : []),
    ];
    console.log('');
    for (const [k, v] of rows) console.log(`${k.padEnd(32)}${v.padStart(32)}`);
  }
} finally {
  if (values.keep) console.log(`\nkept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;

function seconds(since: number) {
  return ((performance.now() - since) / 1000).toFixed(1);
}

function run(command: string, args: string[], cwd: string) {
  return new Promise<void>((done, fail) =>
    spawn(command, args, { cwd, stdio: 'inherit' }).on('close', (c) => (c === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited ${c}`)))),
  );
}

/**
 * Copies the build's output to the log, keeps its phase lines with their arrival time, and
 * adds up the time Astro reports for each prerendered page (`├─ /zh/policies/… (+12ms)`) by
 * kind of page, so a slow template stands out.
 */
function watchLog(child: ReturnType<typeof spawn>, log: NodeJS.WritableStream, started: number, memoryMb: () => number) {
  const marks: { at: number; mb: number; line: string }[] = [];
  const groups = new Map<string, { route: string; pages: number; ms: number }>();
  let pending: string | undefined;
  let rest = '';
  const onData = (chunk: Buffer) => {
    log.write(chunk);
    const now = performance.now();
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop()!;
    for (const raw of lines) {
      const line = raw.replace(/^\d\d:\d\d:\d\d /, '').trimEnd();
      const page = /[├└]─ (\S+?)(?:\d\d:\d\d:\d\d|\s|$)/.exec(line);
      if (page) pending = page[1];
      const took = /\(\+(\d+(?:\.\d+)?)(ms|s)\)/.exec(line);
      if (took && pending) {
        const route = routeOf(pending);
        const group = groups.get(route) ?? { route, pages: 0, ms: 0 };
        group.pages++;
        group.ms += Number(took[1]) * (took[2] === 's' ? 1000 : 1);
        groups.set(route, group);
        pending = undefined;
      }
      if (!page && !took && line.trim() && !/^\[WARN\] \[content\] The collection/.test(line) && marks.length < 80)
        marks.push({ at: (now - started) / 1000, mb: memoryMb(), line: line.trim() });
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  return { marks, routes: () => [...groups.values()] };
}

/** `/zh/policies/topic/water/page/3/index.html` → `policies/topic/*`; `/en/news/2026-…/` → `news/*`. */
function routeOf(path: string): string {
  const parts = path.split('/').filter((p) => p && p !== 'index.html');
  const [first = '', second, third] = /^(zh|ug|en)$/.test(parts[0] ?? '') ? parts.slice(1) : parts;
  if (!second) return first || '/';
  return /\d/.test(second) || !third ? `${first}/*` : `${first}/${second}/*`;
}

function countPages(outDir: string) {
  const byLocale = new Map<string, number>();
  let total = 0;
  const walk = (dir: string, rel: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), [...rel, entry.name]);
      else if (entry.name.endsWith('.html')) {
        total++;
        const top = (rel[0] === 'client' ? rel[1] : rel[0]) ?? '/';
        const locale = /^(zh|ug|en)$/.test(top) ? top : 'other';
        byLocale.set(locale, (byLocale.get(locale) ?? 0) + 1);
      }
    }
  };
  if (existsSync(outDir)) walk(outDir, []);
  return { total, byLocale };
}
