/**
 * The translation report, read from the content folder at request time: which editions every
 * item has (its YAML's zh/ug/en blocks and, for articles, body/<lang>.md), and from Git when
 * each edition's text last changed. An edition's text is its YAML block plus its body file; it
 * changed last at the later of the last commit touching the body file and the last commit
 * changing a line inside the block (src/lib/editorial/git-history.ts). Two `git log` passes over
 * the whole folder, not one per file; the result is kept for a minute. Without Git history (a
 * deployment without .git) the report still gives coverage and missing editions, and says that
 * staleness is unknown. Uncommitted changes are not seen: the report speaks of what is in Git.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { lastChangeOfBlocks, lastChangeOfFiles } from '../../lib/editorial/git-history.ts';
import { translationStatus, type EditionLang, type ItemEditions, type TranslationStatus } from '../../lib/editorial/translation-status.ts';
import { hasBlock, scalarOf, topLevelEntries } from '../../lib/editorial/yaml-blocks.ts';

const run = promisify(execFile);
const LANGS: readonly EditionLang[] = ['zh', 'ug', 'en'];
const CACHE_MS = 60_000;

export interface TranslationReport {
  items: ItemEditions[];
  status: TranslationStatus;
  /** False when the folder has no Git history: staleness is then unknown. */
  history: boolean;
  generatedAt: Date;
  tookMs: number;
}

interface Found { collection: string; id: string; yaml: string; bodies: string | null }

/** Every item with top-level zh/ug/en blocks: folders with index.yaml, and flat <id>.yaml files. */
function findItems(contentDir: string): Found[] {
  const found: Found[] = [];
  for (const collection of readdirSync(contentDir).sort()) {
    const dir = join(contentDir, collection);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      const folderYaml = join(collection, name, 'index.yaml');
      if (existsSync(join(contentDir, folderYaml))) found.push({ collection, id: name, yaml: folderYaml, bodies: join(collection, name, 'body') });
      else if (name.endsWith('.yaml')) found.push({ collection, id: name.slice(0, -'.yaml'.length), yaml: join(collection, name), bodies: null });
    }
  }
  return found;
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-c', 'core.quotePath=false', ...args], { cwd, maxBuffer: 512 * 1024 * 1024 });
  return stdout;
}

/** The two history maps, or null when the folder is not in a Git work tree. */
async function history(contentDir: string) {
  try {
    const inside = (await git(contentDir, ['rev-parse', '--is-inside-work-tree'])).trim();
    if (inside !== 'true') return null;
    const common = ['log', '--no-renames', '--no-merges', '--relative', '--format=%x00%ct'];
    const [files, blocks] = await Promise.all([
      git(contentDir, [...common, '--name-only', '--', '*.md']),
      git(contentDir, [...common, '-p', '--unified=0', '--no-color', '--no-ext-diff', '--', '*.yaml']),
    ]);
    return { files: lastChangeOfFiles(files), blocks: lastChangeOfBlocks(blocks) };
  } catch {
    return null;
  }
}

/** Reads the folder and its history now (no cache). */
export async function buildTranslationReport(contentDir: string): Promise<TranslationReport> {
  const started = performance.now();
  const dir = resolve(contentDir);
  const past = await history(dir);
  const items: ItemEditions[] = [];
  for (const f of findItems(dir)) {
    const entries = topLevelEntries(readFileSync(join(dir, f.yaml), 'utf8'));
    if (!hasBlock(entries, 'zh')) continue; // reference data without editions (calendar, topics…)
    const item: ItemEditions = {
      collection: f.collection,
      id: f.id,
      department: f.collection === 'departments' ? f.id : scalarOf(entries, 'department'),
      present: {},
      changed: {},
    };
    for (const lang of LANGS) {
      const body = f.bodies ? join(f.bodies, `${lang}.md`) : null;
      const hasBodies = f.bodies !== null && existsSync(join(dir, f.bodies));
      item.present[lang] = hasBlock(entries, lang) && (!hasBodies || (!!body && existsSync(join(dir, body))));
      if (!past) continue;
      const times = [past.blocks.get(`${f.yaml}#${lang}`), body ? past.files.get(body) : undefined].filter((d): d is Date => !!d);
      if (times.length) item.changed[lang] = new Date(Math.max(...times.map((d) => d.getTime())));
    }
    items.push(item);
  }
  return { items, status: translationStatus(items), history: past !== null, generatedAt: new Date(), tookMs: Math.round(performance.now() - started) };
}

let cached: { dir: string; at: number; report: Promise<TranslationReport> } | undefined;

/** The report for CONTENT_DIR (or content/), at most a minute old. */
export function translationReport(contentDir = process.env.CONTENT_DIR ?? 'content', now = Date.now()): Promise<TranslationReport> {
  if (!cached || cached.dir !== contentDir || now - cached.at > CACHE_MS) {
    const report = buildTranslationReport(contentDir);
    cached = { dir: contentDir, at: now, report };
    report.catch(() => { if (cached?.report === report) cached = undefined; });
  }
  return cached.report;
}
