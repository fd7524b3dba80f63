/**
 * Server benchmark: the letters API of the built portal (POST /api/v1/cases and
 * /api/v1/cases/lookup, on the SQLite Store) under autocannon, beside a bare node:http +
 * node:sqlite server doing the same durable work (scripts/bench/baseline-server.ts), in the
 * same run. Prints submissions/s, lookups/s and latency at each connection count, for both,
 * with the portal's share of the baseline, and every non-2xx answer, error and timeout. It also
 * prints each server's CPU time per request (Linux), which other work on the machine skews far
 * less than the rates: on a busy machine, compare those.
 *
 *   npm run bench:server [-- --duration 10] [--connections 50,200] [--cases 5000] [--timeout 30] [--profile DIR] [--keep]
 *
 * It builds nothing: it runs the portal in dist/ (`npm run build` first). Both servers run on
 * 127.0.0.1 with a throwaway data folder each; the portal with TRUSTED_PROXY=1, and every
 * request carries its own X-Forwarded-For address, so the per-address rate limits are not
 * what is measured. Lookups go to cases seeded before the servers start (one PIN, hashed as a
 * letter's is), spread so that no code is looked up more often than the per-code limit allows.
 * --profile DIR runs the portal with --cpu-prof and writes its profile to DIR.
 * The goal (issue): the portal at ≥ 50 % of the baseline's throughput.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { generateTrackingCode, hashPin, newPinSalt } from '../src/lib/cases/tracking-code.ts';
import { openStore } from '../src/server/store/open-store.ts';
import { RATE_LIMITS } from '../src/server/cases/letter-settings.ts';
import { freePort } from '../tests/support/free-port.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50,200' },
    cases: { type: 'string', default: '5000' },
    timeout: { type: 'string', default: '30' },
    profile: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const duration = Number(values.duration);
const levels = values.connections.split(',').map(Number);
const seedCases = Number(values.cases);
const PIN = '246810';
if (!(duration > 0) || levels.some((c) => !(c > 0)) || !(seedCases > 0)) {
  console.error('--duration, --connections (a comma-separated list) and --cases take positive numbers');
  process.exit(2);
}
if (!existsSync('dist/server/entry.mjs')) {
  console.error('dist/ is missing: this benchmark runs the built portal and builds nothing itself. Run `npm run build` first.');
  process.exit(1);
}

interface Target {
  name: 'portal' | 'baseline';
  base: string;
  submitPath: string;
  lookupPath: string;
  codes: string[];
  pid: number;
  /** How many submissions or lookups the server has worked on so far, answered or not. */
  processed: (what: 'submit' | 'lookup') => Promise<number>;
  /** Lookups sent so far, to spread them over the seeded codes. */
  lookups: number;
}

interface Run { target: Target['name']; what: 'submit' | 'lookup'; connections: number; result: autocannon.Result & { errorKinds: Record<string, number>; cpuPerRequest?: number } }

const letter = {
  kind: 'complaint',
  locale: 'en',
  title: '小区路灯损坏已经一周了',
  body: '幸福路小区东门的路灯已经坏了一周，晚上出行很不方便，请尽快维修。',
  name: '李明',
  phone: '139 1234 5678',
  email: 'li.ming@example.com',
  publish: false,
};

let addresses = 0;
/** A client address of its own for every request (10.0.0.1, 10.0.0.2, …). */
const nextAddress = () => {
  const n = ++addresses;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

const children: ChildProcess[] = [];
const work = mkdtempSync(join(tmpdir(), 'portal-bench-server-'));
const stopAll = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopAll(), process.exit(130)));

function printMachine() {
  const [load1, load5] = loadavg();
  const sqlite = new DatabaseSync(':memory:');
  const version = (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  sqlite.close();
  const autocannonVersion = (JSON.parse(readFileSync('node_modules/autocannon/package.json', 'utf8')) as { version: string }).version;
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GB`);
  console.log(`Node ${process.version}, SQLite ${version}, autocannon ${autocannonVersion} (in this process, on the same cores as the servers)`);
  console.log(`load average before: ${load1!.toFixed(2)} (1 min), ${load5!.toFixed(2)} (5 min); data in ${work}`);
  console.log(`runs: ${duration} s each, at ${levels.join(' and ')} connections; timeout ${values.timeout} s per request\n`);
}

/** Cases in the portal's own Store, shaped as letters (the lookup reads kind, data.pinHash, data.dueOn). */
async function seedPortal(dataDir: string, n: number): Promise<string[]> {
  const store = await openStore({ DATA_DIR: dataDir });
  const pinHash = await hashPin(PIN, newPinSalt());
  const codes: string[] = [];
  const now = new Date();
  await store.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const code = generateTrackingCode();
      await tx.createCase(
        {
          code, kind: 'letter', state: 'submitted', subject: letter.title, body: letter.body, createdAt: now, dueAt: new Date(now.getTime() + 21 * 86_400_000),
          data: { letterKind: 'complaint', limitWorkingDays: 15, clockStart: '2026-01-05', dueOn: '2026-01-26', citizen: { name: letter.name, phone: letter.phone, email: null }, publishConsent: false, pinHash },
        },
        { actor: 'citizen', type: 'submitted', at: now, data: { visibility: 'public', to: 'submitted' } },
      );
      codes.push(code);
    }
  });
  await store.close();
  return codes;
}

async function seedBaseline(dataDir: string, n: number): Promise<string[]> {
  const child = spawn(process.execPath, ['scripts/bench/baseline-server.ts', '--seed', String(n), '--pin', PIN], { env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  if (code !== 0) throw new Error(`seeding the baseline failed (exit ${code})`);
  return JSON.parse(out.trim().split('\n').pop()!) as string[];
}

async function startPortal(node: string, dataDir: string): Promise<{ port: number; pid: number }> {
  const port = await freePort();
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`] : [];
  const child = spawn(node, [...profile, 'src/server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, TRUSTED_PROXY: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/zh/`)).ok) return { port, pid: child.pid! };
    } catch {
      /* not listening yet */
    }
    if (child.exitCode !== null) throw new Error(`the portal server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the portal server did not answer within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startBaseline(node: string, dataDir: string): Promise<{ port: number; pid: number }> {
  const child = spawn(node, ['scripts/bench/baseline-server.ts'], { env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((done, fail) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const port = /listening (\d+)/.exec(out)?.[1];
      if (port) done({ port: Number(port), pid: child.pid! });
    });
    child.once('exit', (code) => fail(new Error(`the baseline server exited with code ${code}`)));
  });
}

/** CPU time a process has used so far, in ms (Linux /proc; undefined elsewhere). */
function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 10 ms
  } catch {
    return undefined;
  }
}

/**
 * Waits until the servers have worked off what a run left queued: autocannon stops at the end
 * of its time, but the requests already sent are still worked on, and that work would compete
 * with the next run for the cores. Done when their CPU time stops growing; returns the seconds
 * waited.
 */
async function settle(pids: number[]): Promise<number> {
  const total = () => {
    let sum = 0;
    for (const pid of pids) {
      const ms = cpuMs(pid);
      if (ms === undefined) return undefined;
      sum += ms;
    }
    return sum;
  };
  const started = performance.now();
  let before = total();
  if (before === undefined) {
    await new Promise((r) => setTimeout(r, 5000)); // no /proc: a fixed pause
    return 5;
  }
  // Quiet means at most 10 % of a core for two half-seconds running: a server that other work
  // on the machine starves for a moment is not taken for done.
  for (let quiet = 0; quiet < 2 && performance.now() - started < 60_000; ) {
    await new Promise((r) => setTimeout(r, 500));
    const now = total()!;
    quiet = now - before <= 50 ? quiet + 1 : 0;
    before = now;
  }
  return (performance.now() - started) / 1000;
}

/**
 * How many submissions or lookups the portal has worked on: each one, answered or not, counts
 * a hit on its own client address's rate limit (`letter-submit:<address>`,
 * `letter-lookup:<address>`), and every request here comes from an address of its own.
 */
function portalProcessed(dataDir: string) {
  return async (what: 'submit' | 'lookup') => {
    const db = new DatabaseSync(join(dataDir, 'portal.sqlite'), { readOnly: true });
    try {
      const row = db.prepare('SELECT count(*) AS n FROM rate_limits WHERE key LIKE ?').get(`letter-${what}:%`) as { n: number };
      return Number(row.n);
    } finally {
      db.close();
    }
  };
}

/** The request of one submission or lookup: its own client address, and for a lookup the next seeded code. */
function requestFor(t: Target, what: 'submit' | 'lookup'): { path: string; headers: Record<string, string>; body: string } {
  const headers = { 'content-type': 'application/json', origin: t.base, 'x-forwarded-for': nextAddress() };
  if (what === 'submit') return { path: t.submitPath, headers, body: JSON.stringify({ ...letter, title: `${letter.title} ${addresses}` }) };
  const code = t.codes[t.lookups++ % t.codes.length]!;
  return { path: t.lookupPath, headers, body: JSON.stringify({ trackingCode: code, pin: PIN, locale: 'en' }) };
}

async function warmUp(t: Target) {
  for (let i = 0; i < 10; i++) {
    for (const what of ['submit', 'lookup'] as const) {
      const r = requestFor(t, what);
      const res = await fetch(`${t.base}${r.path}`, { method: 'POST', headers: r.headers, body: r.body });
      await res.arrayBuffer();
      if (res.status >= 300) throw new Error(`warm-up ${what} on the ${t.name} server answered ${res.status}`);
    }
  }
}

/** One autocannon run; the errors it counts are also tallied by their code (ECONNRESET, timeouts…). */
function measure(t: Target, what: 'submit' | 'lookup', connections: number): Promise<Run['result']> {
  return new Promise((done, fail) => {
    const errorKinds: Record<string, number> = {};
    const options = {
      url: t.base,
      connections,
      duration,
      timeout: Number(values.timeout),
      requests: [{ method: 'POST' as const, setupRequest: (req: autocannon.Request) => ({ ...req, ...requestFor(t, what) }) }],
    };
    const instance = autocannon(options, (err, result) => (err ? fail(err) : done({ ...result, errorKinds })));
    instance.on('reqError', (e: { code?: string; message?: string }) => {
      const kind = e.code ?? e.message ?? 'unknown';
      errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    });
  });
}

/** Successful answers per second: a refused or failed request is not throughput. */
const rate = (r: autocannon.Result) => r['2xx'] / r.duration;

function printTable(runs: Run[]) {
  const find = (target: Target['name'], what: Run['what'], connections: number) => runs.find((r) => r.target === target && r.what === what && r.connections === connections)!.result;
  const widths = [40, 14, 14, 18];
  const line = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(''));
  const failures: string[] = [];
  const goals: string[] = [];
  console.log('');
  line(['', 'portal', 'baseline', 'portal/baseline']);
  for (const connections of levels) {
    console.log(`${connections} connections`);
    for (const what of ['submit', 'lookup'] as const) {
      const p = find('portal', what, connections);
      const b = find('baseline', what, connections);
      const label = what === 'submit' ? 'submissions' : 'lookups';
      const share = rate(p) / rate(b);
      line([`  ${label}/s`, rate(p).toFixed(1), rate(b).toFixed(1), Number.isFinite(share) ? `${(share * 100).toFixed(0)} %` : '–']);
      // A run without a single answer has no latency to show.
      const ms = (r: autocannon.Result, q: 'p50' | 'p99') => (r['2xx'] + r.non2xx > 0 ? r.latency[q] : NaN);
      for (const q of ['p50', 'p99'] as const) {
        const [pm, bm] = [ms(p, q), ms(b, q)];
        line([`  ${what === 'submit' ? 'submission' : 'lookup'} ${q} ms`, Number.isNaN(pm) ? '–' : String(pm), Number.isNaN(bm) ? '–' : String(bm), Number.isFinite(pm / bm) ? `${(pm / bm).toFixed(2)} ×` : '–']);
      }
      const [pc, bc] = [p.cpuPerRequest ?? NaN, b.cpuPerRequest ?? NaN];
      if (Number.isFinite(pc) && Number.isFinite(bc)) line([`  ${what === 'submit' ? 'submission' : 'lookup'}: server CPU ms each`, pc.toFixed(1), bc.toFixed(1), `${(pc / bc).toFixed(2)} ×`]);
      line([`  ${label}: non-2xx / errors / timeouts`, `${p.non2xx} / ${p.errors} / ${p.timeouts}`, `${b.non2xx} / ${b.errors} / ${b.timeouts}`, '']);
      goals.push(`${label} at ${connections} connections: ${Number.isFinite(share) ? `${(share * 100).toFixed(1)} %` : 'no baseline answers'} ${share >= 0.5 ? '(met)' : '(NOT met)'}`);
      for (const [name, r] of [['portal', p], ['baseline', b]] as const) {
        if (r.non2xx === 0 && r.errors === 0) continue;
        const codes = Object.entries(r.statusCodeStats ?? {}).filter(([s]) => !s.startsWith('2')).map(([s, v]) => `${v.count ?? 0}× ${s}`);
        const errors = Object.entries(r.errorKinds).map(([kind, n]) => `${n}× ${kind}`);
        failures.push(`${name} ${label} at ${connections} connections: ${[...codes, ...errors].join(', ')}`);
      }
    }
  }
  console.log(`\ngoal, the portal at ≥ 50 % of the baseline's throughput:\n  ${goals.join('\n  ')}`);
  if (failures.length) console.log(`\nruns with failed requests (their rates count only 2xx answers):\n  ${failures.join('\n  ')}`);
  else console.log('\nevery request was answered 2xx');
}

/** Seeds, starts both servers, measures, prints. */
async function main() {
  try {
    printMachine();
    const portalData = join(work, 'portal');
    const baselineData = join(work, 'baseline');

    // 1. Cases to look up, in each server's own Store, before the servers open them.
    const started = performance.now();
    const portalCodes = await seedPortal(portalData, seedCases);
    const baselineCodes = await seedBaseline(baselineData, seedCases);
    console.log(`seeded ${seedCases} cases in each Store for the lookups in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // 2. The two servers.
    const node = process.execPath;
    const portal = await startPortal(node, portalData);
    const baseline = await startBaseline(node, baselineData);
    const targets: Target[] = [
      { name: 'portal', base: `http://127.0.0.1:${portal.port}`, submitPath: '/api/v1/cases', lookupPath: '/api/v1/cases/lookup', codes: portalCodes, pid: portal.pid, processed: portalProcessed(portalData), lookups: 0 },
      {
        name: 'baseline', base: `http://127.0.0.1:${baseline.port}`, submitPath: '/submit', lookupPath: '/lookup', codes: baselineCodes, pid: baseline.pid, lookups: 0,
        processed: async (what) => ((await (await fetch(`http://127.0.0.1:${baseline.port}/processed`)).json()) as Record<string, number>)[what]!,
      },
    ];

    // 3. Warm up (the portal opens its Store and reads its calendar on first use), then measure.
    for (const t of targets) await warmUp(t);
    await settle(targets.map((t) => t.pid));
    const runs: Run[] = [];
    for (const connections of levels) {
      for (const what of ['submit', 'lookup'] as const) {
        for (const t of targets) {
          process.stdout.write(`${t.name.padEnd(8)} ${what === 'submit' ? 'submissions' : 'lookups    '} at ${String(connections).padStart(4)} connections for ${duration} s … `);
          const processedBefore = await t.processed(what);
          const cpuBefore = cpuMs(t.pid);
          const result = await measure(t, what, connections);
          const waited = await settle(targets.map((x) => x.pid));
          // The server's CPU time over every request it worked on, answered within the run or not.
          // The count first: the baseline answers it only after the requests queued before it.
          const processedAfter = await t.processed(what);
          const cpuAfter = cpuMs(t.pid);
          const cpuPerRequest = cpuBefore === undefined || cpuAfter === undefined ? NaN : (cpuAfter - cpuBefore) / (processedAfter - processedBefore);
          runs.push({ target: t.name, what, connections, result: { ...result, cpuPerRequest } });
          console.log(`${rate(result).toFixed(1)}/s, ${result.non2xx} non-2xx, ${result.errors} errors; queue worked off ${waited.toFixed(0)} s later`);
        }
      }
    }
    for (const t of targets) {
      const capacity = t.codes.length * (RATE_LIMITS.lookupsPerCode.max - 1);
      if (t.lookups > capacity) console.log(`note: ${t.name} sent ${t.lookups} lookups over ${t.codes.length} codes: some codes went over the per-code limit (raise --cases)`);
    }
    printTable(runs);
    const [load1, load5] = loadavg();
    console.log(`\nload average after: ${load1!.toFixed(2)} (1 min), ${load5!.toFixed(2)} (5 min)`);
  } finally {
    stopAll();
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((done) => c.once('exit', done)) : undefined)));
    if (values.profile) console.log(`portal CPU profile in ${resolve(values.profile)}`);
    if (values.keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

// Last, so that every helper above is initialised before it runs.
await main();
