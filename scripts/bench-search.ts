/**
 * Search benchmark: builds a site from the synthetic catalogue (scripts/corpus.ts, through
 * scripts/bench-build.ts) and prints what search costs at that size: index time, index size on
 * disk (total and per language), and query latency and bytes fetched, in Node (the way the
 * server loads the index, src/server/search/pagefind-node.ts) and in Chromium (the browser
 * bundle /pagefind/<locale>/pagefind.js, as any page could use it). Each language has its own
 * complete Pagefind bundle in pagefind/<zh|ug|en>/ (see scripts/build-search-index.ts).
 *
 *   npm run bench:search [-- --docs 10000] [--site DIR | --html-only] [--seed 1] [--keep] [--no-gzip] [--memory-limit MB]
 *
 * --site reuses a built site (a dist/ folder or its client/ folder) instead of building one;
 * --memory-limit is passed to bench-build.ts, which stops a build that grows past it.
 * --html-only skips Astro: it writes one plain page per generated policy and language (the
 * indexed part of the real page: filters, metadata table, title, body) and indexes those with
 * scripts/build-search-index.ts, as the build does. It measures search alone, fast, and still
 * works when a full build of the corpus does not.
 * The goal (issue): the first query ≤ 300 ms and ≤ 150 KB fetched at 10,000 documents per locale.
 * Each locale is timed in a fresh Node process and a fresh browser context, so every "first
 * query" is cold: it includes loading pagefind.js, the WebAssembly, the metadata and the index
 * chunks. "Later" queries are 20 other queries in the same process or page.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { subjects } from './corpus/phrases.ts';

const locales = ['zh', 'ug', 'en'] as const;
type Locale = (typeof locales)[number];
const htmlLang: Record<Locale, string> = { zh: 'zh-CN', ug: 'ug', en: 'en' };
const LATER = 20;
/** Real readers' words for the synthetic catalogue: each subject's keyword (24 per language). */
const queries = (locale: Locale) => subjects.map((s) => s.kw[locale]);

interface Timing {
  firstMs: number;
  /** Of the first query, the part spent creating and initialising the instance (Node only; NaN in the browser). */
  loadMs: number;
  laterMs: number[];
  firstBytes?: number;
  laterBytes?: number[];
  /** What the first query fetched, by kind of file. */
  firstFiles?: Record<string, { files: number; bytes: number }>;
  firstResults: number;
}

/** Sums fetched files by kind: the script, the worker, WebAssembly, metadata, index chunks, fragments, filters. */
function byKind(files: { path: string; bytes: number }[]) {
  const kind = (path: string) =>
    path.endsWith('pagefind-worker.js') ? 'worker' : path.endsWith('.js') ? 'pagefind.js' : path.includes('/wasm.') ? 'wasm' : path.endsWith('.pf_meta') ? 'meta' : /\/(index|fragment|filter)\//.exec(path)?.[1] ?? 'other';
  const out: Record<string, { files: number; bytes: number }> = {};
  for (const f of files) {
    const k = (out[kind(f.path)] ??= { files: 0, bytes: 0 });
    k.files++;
    k.bytes += f.bytes;
  }
  return out;
}

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    site: { type: 'string' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'no-gzip': { type: 'boolean', default: false },
    'memory-limit': { type: 'string' },
    'html-only': { type: 'boolean', default: false },
    'node-probe': { type: 'string' }, // internal: time one locale in this (fresh) process
  },
});

async function main() {
  let work: string | undefined;
  let site: string;
  let buildLog: string | undefined;
  try {
    if (values.site) {
      site = clientDir(resolve(values.site));
      // A site kept by `bench-build.ts --keep` (<work>/project/dist/client) has its build log at <work>/build.log.
      const kept = resolve(site, '../../..');
      if (site === join(kept, 'project/dist/client') && existsSync(join(kept, 'build.log'))) buildLog = join(kept, 'build.log');
    } else {
      const docs = Number(values.docs);
      if (!Number.isInteger(docs) || docs < 0) throw new Error('--docs must be a whole number');
      if (values['html-only']) {
        work = mkdtempSync(join(tmpdir(), 'gov-bench-search-'));
        site = join(work, 'site');
        buildLog = join(work, 'build.log');
        await writePlainSite(docs, Number(values.seed), work, site, buildLog);
      } else {
        work = await buildSite(docs, Number(values.seed), values['memory-limit']);
        site = join(work, 'project/dist/client');
        buildLog = join(work, 'build.log');
      }
    }
    // One complete Pagefind bundle per language: pagefind/<locale>/pagefind-entry.json, each holding that language only.
    const missing = locales.filter((l) => !existsSync(join(site, 'pagefind', l, 'pagefind-entry.json')));
    if (missing.length) throw new Error(`${site} has no Pagefind index for ${missing.join(', ')} (${missing.map((l) => `pagefind/${l}/pagefind-entry.json`).join(', ')})`);
    const pageCount = (locale: Locale) => {
      const entry = JSON.parse(readFileSync(join(site, 'pagefind', locale, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    };

    console.log(`\nsite: ${site}`);
    console.log(`machine: ${availableParallelism()} CPUs, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} (other work on the machine skews the timings)`);
    console.log(`indexed pages per language: ${locales.map((l) => `${l} ${pageCount(l)}`).join(', ')}`);

    const index = await indexTime(site, buildLog);
    console.log(`index time: ${index}`);

    printSizes(site);

    console.log('\nquery latency in Node (pagefind-node.ts; search + data() of the first 10 results):');
    const node: Record<string, Timing> = {};
    for (const locale of locales) node[locale] = await runNodeProbe(locale, site);
    printTimings(node, false);

    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!existsSync(chromium)) {
      console.log(`\nChromium: skipped (no browser at ${chromium}; set CHROMIUM_PATH)`);
    } else {
      const gzip = !values['no-gzip'];
      console.log(`\nquery latency and bytes in Chromium (pagefind/<locale>/pagefind.js; search + data() of the first 10; static server${gzip ? ' with gzip for text files' : ', no compression'}):`);
      printTimings(await browserTimings(site, chromium, gzip), true);
    }
    console.log('\ngoal: first query ≤ 300 ms and ≤ 150 KB fetched, at 10,000 documents per locale');
  } finally {
    if (work && values.keep) console.log(`\nkept ${work}`);
    else if (work) rmSync(work, { recursive: true, force: true });
  }
}

/** A built site's static folder: DIR/client when DIR is a dist/ folder, else DIR. */
function clientDir(dir: string) {
  return existsSync(join(dir, 'client/pagefind')) ? join(dir, 'client') : dir;
}

/** Builds a corpus of `docs` documents with scripts/bench-build.ts --keep; returns its work folder. */
async function buildSite(docs: number, seed: number, memoryLimit: string | undefined): Promise<string> {
  console.log(`building a site of ${docs} generated documents with scripts/bench-build.ts…`);
  const args = ['scripts/bench-build.ts', '--docs', String(docs), '--seed', String(seed), '--keep', ...(memoryLimit ? ['--memory-limit', memoryLimit] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    process.stdout.write(chunk);
  });
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  const kept = /^kept (.+)$/m.exec(out)?.[1]?.trim();
  if (code !== 0) {
    if (kept) rmSync(kept, { recursive: true, force: true });
    throw new Error(`scripts/bench-build.ts failed (exit ${code})`);
  }
  if (!kept) throw new Error('scripts/bench-build.ts did not say where it kept the build');
  return kept;
}

/** The indexing time the build logged, or, without a log, the time to index the site again into a temporary folder. */
async function indexTime(site: string, log: string | undefined): Promise<string> {
  const text = log && existsSync(log) ? readFileSync(log, 'utf8') : '';
  // The totals scripts/build-search-index.ts prints after its per-language lines
  // ("search: read N pages in X s", "search: index written to DIR in X s"); the last run's, if the log holds several.
  const last = (re: RegExp) => [...text.matchAll(re)].pop();
  const written = last(/^search: index written to .+ in ([\d.]+) s$/gm);
  const pages = last(/^search: read (\d+) pages in [\d.]+ s$/gm);
  if (written) return `${written[1]} s for ${pages?.[1] ?? '?'} pages (from the build log, ${log})`;
  const out = mkdtempSync(join(tmpdir(), 'gov-bench-index-'));
  try {
    const { seconds, pages: count } = await buildIndex(site, out);
    return `${seconds.toFixed(1)} s for ${count} pages (measured again: no build log)`;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Indexes a site's pages into `out` as scripts/build-search-index.ts does: one Pagefind run and
 * one complete bundle per language, in out/<locale>/.
 */
async function buildIndex(site: string, out: string): Promise<{ seconds: number; pages: number }> {
  const pagefind = await import('pagefind');
  const started = performance.now();
  let pages = 0;
  for (const locale of locales) {
    const { index, errors } = await pagefind.createIndex({ rootSelector: 'html', writePlayground: false });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site, glob: `${locale}/**/*.html` });
    if (added.errors.length) throw new Error(`Pagefind could not index /${locale}/ of ${site}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(out, locale) });
    if (written.errors.length) throw new Error(`Pagefind could not write the /${locale}/ index: ${written.errors.join('; ')}`);
    await pagefind.close();
    pages += added.page_count;
  }
  return { seconds: (performance.now() - started) / 1000, pages };
}

/** Runs scripts/build-search-index.ts on a site, as `npm run build` does, and keeps what it prints in `log`. */
async function runIndexScript(site: string, log: string) {
  const script = fileURLToPath(new URL('./build-search-index.ts', import.meta.url));
  const child = spawn(process.execPath, [script, site], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  writeFileSync(log, out);
  if (code !== 0) throw new Error(`scripts/build-search-index.ts failed (exit ${code})`);
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * --html-only: the generated policies as plain pages holding what the real policy page gives
 * the index (filters, sort key and meta, the metadata table, the title, the body), then indexed.
 * Indexed by scripts/build-search-index.ts itself, whose output is the build log indexTime() reads.
 */
async function writePlainSite(docs: number, seed: number, work: string, site: string, log: string) {
  const { generateCorpus } = await import('./corpus.ts');
  const { parse } = await import('yaml');
  const started = performance.now();
  const { out: content } = generateCorpus({ docs, seed, out: join(work, 'content') });
  const generated = readdirSync(join(content, 'policies')).filter((id) => existsSync(join(content, 'policies', id, 'index.yaml')));
  for (const id of generated) {
    const dir = join(content, 'policies', id);
    const d = parse(readFileSync(join(dir, 'index.yaml'), 'utf8')) as Record<string, any>;
    const date = new Date(d.published).toISOString().slice(0, 10);
    const filters = { type: 'policy', department: d.department, topic: d.topic, genre: d.genre, validity: d.validity, year: date.slice(0, 4), docnum: d.documentNumber, indexno: d.indexNumber };
    for (const locale of locales) {
      const e = (d[locale] ?? d.zh) as { title: string; summary?: string; keywords?: string[] };
      const bodyFile = [join(dir, 'body', `${locale}.md`), join(dir, 'body', 'zh.md')].find(existsSync);
      const body = bodyFile ? readFileSync(bodyFile, 'utf8').split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.trim())}</p>`).join('') : '';
      const facts = [d.indexNumber, d.department, date, d.documentNumber ?? '', e.title, e.summary ?? '', (e.keywords ?? []).join(', ')].map((v) => `<td>${escapeHtml(String(v))}</td>`).join('');
      const html = `<!doctype html><html lang="${htmlLang[locale]}"><head><meta charset="utf-8"><title>${escapeHtml(e.title)}</title></head><body><main data-pagefind-body><div hidden>${Object.entries(filters)
        .filter(([, v]) => v)
        .map(([k, v]) => `<span data-pagefind-filter="${k}:${escapeHtml(String(v))}"></span>`)
        .join('')}<span data-pagefind-sort="date:${date}" data-pagefind-meta="date:${date}"></span><span data-pagefind-meta="type:policy"></span></div><table><tr>${facts}</tr></table><article><h1>${escapeHtml(e.title)}</h1>${body}</article></main></body></html>`;
      mkdirSync(join(site, locale, 'policies', id), { recursive: true });
      writeFileSync(join(site, locale, 'policies', id, 'index.html'), html);
    }
  }
  console.log(`wrote ${generated.length * locales.length} plain pages (${generated.length} documents × 3 languages) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await runIndexScript(site, log);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Sizes on disk: the whole pagefind/ folder, then each language's folder (a complete bundle: its index plus its own pagefind.js, WebAssembly and UI bundles). */
function printSizes(site: string) {
  const root = join(site, 'pagefind');
  const files = walk(root).map((path) => ({ path, name: path.slice(root.length + 1), bytes: statSync(path).size }));
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(`\nindex size on disk (${root}): ${kb(total)} in ${files.length} files`);
  const claimed = new Set<string>();
  for (const locale of locales) {
    const own = files.filter((f) => f.name.startsWith(`${locale}${sep}`));
    own.forEach((f) => claimed.add(f.path));
    const part = (dir: string) => own.filter((f) => f.name.startsWith(`${locale}${sep}${dir}${sep}`)).reduce((s, f) => s + f.bytes, 0);
    const bytes = own.reduce((s, f) => s + f.bytes, 0);
    console.log(`  ${locale}: ${kb(bytes)} (${own.length} files: index ${kb(part('index'))}, fragments ${kb(part('fragment'))}, filters ${kb(part('filter'))})`);
  }
  const shared = files.filter((f) => !claimed.has(f.path));
  if (shared.length) console.log(`  outside the language folders: ${kb(shared.reduce((s, f) => s + f.bytes, 0))} (${shared.length} files)`);
}

/** Times one locale in a fresh Node process, so the first query is cold and locales do not share Pagefind's WebAssembly. */
async function runNodeProbe(locale: Locale, site: string): Promise<Timing> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--node-probe', locale, '--site', site], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  if (code !== 0) throw new Error(`the Node probe for ${locale} failed (exit ${code})`);
  return JSON.parse(out.trim().split('\n').pop()!) as Timing;
}

async function nodeProbe(locale: Locale, site: string) {
  process.env.STATIC_DIR = site;
  const started = performance.now();
  const { pagefindFor } = await import('../src/server/search/pagefind-node.ts');
  const run = async (q: string) => {
    const pagefind = await pagefindFor(locale);
    const search = await pagefind.search(q);
    await Promise.all((search?.results ?? []).slice(0, 10).map((r) => r.data()));
    return search?.results.length ?? 0;
  };
  const [first, ...later] = queries(locale);
  await pagefindFor(locale);
  const loadMs = performance.now() - started;
  const firstResults = await run(first!);
  const firstMs = performance.now() - started;
  const laterMs: number[] = [];
  for (const q of later.slice(0, LATER)) {
    const t = performance.now();
    await run(q);
    laterMs.push(performance.now() - t);
  }
  console.log(JSON.stringify({ firstMs, loadMs, laterMs, firstResults } satisfies Timing));
}

const types: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.wasm': 'application/wasm' };

/**
 * A small static server over the built client folder, gzipping text the way a CDN would; plus
 * a blank page per locale. It counts the body bytes it sends: the browser's own accounting
 * misses the worker script (Playwright reports its body as 0 bytes).
 */
function serve(site: string, gzip: boolean): Promise<{ server: Server; base: string; sent: { path: string; bytes: number }[] }> {
  const sent: { path: string; bytes: number }[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const blank = /^\/__bench\/(zh|ug|en)\.html$/.exec(path);
    if (blank) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="${htmlLang[blank[1] as Locale]}"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>`);
      return;
    }
    const file = resolve(site, `.${path}`);
    if (!file.startsWith(site) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = types[extname(file)] ?? 'application/octet-stream';
    const compress = gzip && /text|json|javascript/.test(type) && /gzip/.test(String(req.headers['accept-encoding']));
    res.writeHead(200, { 'content-type': type, 'cache-control': 'public, max-age=3600', ...(compress ? { 'content-encoding': 'gzip' } : {}) });
    const stream = createReadStream(file);
    const body = compress ? stream.pipe(createGzip()) : stream;
    const record = { path, bytes: 0 };
    sent.push(record);
    body.on('data', (chunk: Buffer) => (record.bytes += chunk.length));
    body.pipe(res);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, sent })));
}

async function browserTimings(site: string, executablePath: string, gzip: boolean): Promise<Record<string, Timing>> {
  const { chromium } = await import('playwright-core');
  const { server, base, sent } = await serve(site, gzip);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const timings: Record<string, Timing> = {};
  try {
    for (const locale of locales) {
      const context = await browser.newContext(); // a fresh cache for each locale
      const page = await context.newPage();
      await page.goto(`${base}/__bench/${locale}.html`);
      /** Runs one timed search in the page (its own clock) and counts the bytes the server sent for it. */
      const measure = async (run: () => Promise<[number, number]>) => {
        const before = sent.length;
        const [ms, results] = await run();
        await page.waitForTimeout(20); // let the last response finish streaming
        const files = sent.slice(before);
        return { ms, bytes: files.reduce((sum, f) => sum + f.bytes, 0), files, results };
      };
      const [first, ...later] = queries(locale);
      // The first search includes importing the locale's pagefind.js, which loads the WebAssembly and metadata
      // (its base path is the folder it was loaded from; the bundle holds one language, whatever <html lang> says).
      const firstRun = await measure(() =>
        page.evaluate(
          async ([q, ug, lang]) => {
            const started = performance.now();
            const pagefind = await import(`${location.origin}/pagefind/${lang}/pagefind.js`);
            await pagefind.options({ exactDiacritics: ug, excerptLength: 36 });
            const search = await pagefind.search(q);
            await Promise.all(search.results.slice(0, 10).map((r: { data: () => Promise<unknown> }) => r.data()));
            (globalThis as { pagefind?: unknown }).pagefind = pagefind;
            return [performance.now() - started, search.results.length] as [number, number];
          },
          [first!, locale === 'ug', locale] as const,
        ),
      );
      // In the browser Pagefind loads lazily inside its worker: there is no separate loading time to read.
      const timing: Timing = { firstMs: firstRun.ms, loadMs: NaN, firstBytes: firstRun.bytes, firstFiles: byKind(firstRun.files), firstResults: firstRun.results, laterMs: [], laterBytes: [] };
      for (const q of later.slice(0, LATER)) {
        const run = await measure(() =>
          page.evaluate(async (query) => {
            const started = performance.now();
            const pagefind = (globalThis as { pagefind?: { search: (q: string) => Promise<{ results: { data: () => Promise<unknown> }[] }> } }).pagefind!;
            const search = await pagefind.search(query);
            await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
            return [performance.now() - started, search.results.length] as [number, number];
          }, q),
        );
        timing.laterMs.push(run.ms);
        timing.laterBytes!.push(run.bytes);
      }
      timings[locale] = timing;
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return timings;
}
function printTimings(timings: Record<string, Timing>, withBytes: boolean) {
  for (const [locale, t] of Object.entries(timings)) {
    const sorted = [...t.laterMs].sort((a, b) => a - b);
    const line = [
      `  ${locale}: first ${ms(t.firstMs)} (${Number.isFinite(t.loadMs) ? `loading ${ms(t.loadMs)} + search ${ms(t.firstMs - t.loadMs)}; ` : ''}${t.firstResults} results${withBytes ? `; ${kb(t.firstBytes ?? 0)} fetched` : ''})`,
      `later median ${ms(quantile(sorted, 0.5))}, p95 ${ms(quantile(sorted, 0.95))} (n=${sorted.length})`,
    ];
    if (withBytes && t.laterBytes?.length) {
      const b = [...t.laterBytes].sort((x, y) => x - y);
      line.push(`bytes per later query median ${kb(quantile(b, 0.5))}, max ${kb(b[b.length - 1]!)}`);
    }
    console.log(line.join('; '));
    if (t.firstFiles) console.log(`      first query fetched: ${Object.entries(t.firstFiles).map(([k, v]) => `${k} ${kb(v.bytes)}${v.files > 1 ? ` (${v.files} files)` : ''}`).join(', ')}`);
  }
}

/** Nearest-rank quantile of sorted numbers. */
function quantile(sorted: number[], q: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN;
}
const ms = (n: number) => `${n.toFixed(0)} ms`;
const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);

// Last, so that every helper above is initialised before it runs.
if (values['node-probe']) await nodeProbe(values['node-probe'] as Locale, values.site!);
else await main();
