/**
 * Content checks: the schemas, then what the schemas cannot see across files.
 *
 *   npm run check:content                    check content/ (or CONTENT_DIR)
 *   npm run check:content -- --fix-uyghur    first rewrite Uyghur text in its normal form
 *   npm run check:content -- --no-schemas    skip the schema step (astro sync)
 *
 * Prints one line per finding, `<file>: <field>: <message>`, then a summary; exits 1 on any.
 * The schemas are checked by `astro sync`, which validates every entry against
 * src/content.config.ts exactly as the build does and names the file and the field; it stops
 * at the first bad entry, so fix and run again.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { formatFinding, loadContent, runChecks, type Finding } from '../src/lib/content-checks/index.ts';
import { normalizeUyghur } from '../src/lib/uyghur-normalize.ts';
import { fixUyghurYaml } from '../src/lib/content-checks/uyghur.ts';

const args = new Set(process.argv.slice(2));
const root = process.env.CONTENT_DIR ?? 'content';
const started = performance.now();

if (args.has('--fix-uyghur')) {
  for (const item of loadContent(root).items) {
    const fixed = fixUyghurYaml(item.source);
    if (fixed !== item.source) report(item.file, item.source, fixed);
    for (const body of item.bodies.filter((b) => b.lang === 'ug')) {
      const normal = normalizeUyghur(body.text);
      if (normal !== body.text) report(body.file, body.text, normal);
    }
  }
}

// astro sync takes seconds; the other checks run meanwhile.
const schemas = args.has('--no-schemas') ? Promise.resolve([]) : checkSchemas();
const checked = runChecks(loadContent(root));
const results = { schemas: await schemas, ...checked };
const all = Object.values(results).flat();
for (const finding of all) console.log(formatFinding(finding));
const counts = Object.entries(results).map(([name, found]) => `${name} ${found.length}`).join(', ');
const ms = Math.round(performance.now() - started);
console.log(`check:content: ${all.length === 0 ? 'passed' : `${all.length} finding(s)`} in ${root}/ (${counts}${args.has('--no-schemas') ? '; schemas not checked' : ''}) in ${ms} ms`);
process.exitCode = all.length === 0 ? 0 : 1;

/** Writes a normalised file and says which characters changed. */
function report(file: string, before: string, after: string) {
  writeFileSync(file, after);
  // What went away: normalisation maps a character to its standard letter, so the counts that
  // drop are the characters it replaced (comments and other languages keep theirs).
  const count = (text: string) => [...text].reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>());
  const after_ = count(after);
  const changed = new Map([...count(before)].map(([c, n]) => [c, n - (after_.get(c) ?? 0)] as const).filter(([, n]) => n > 0));
  const list = [...changed].map(([c, n]) => `${c} U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ×${n}`).join(', ');
  console.log(`${file}: Uyghur normalised (${list})`);
}

/** Runs `astro sync` on the content folder and turns its complaint into a finding. */
async function checkSchemas(): Promise<Finding[]> {
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync'], {
    env: { ...process.env, CONTENT_DIR: root, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (status === 0) return [];
  const location = /Location:\s*\n\s*(.+?)(?::\d+:\d+)?\s*$/m.exec(output)?.[1];
  const inside = location && relative(process.cwd(), location);
  const file = !location ? '(content)' : inside && !inside.startsWith('..') ? inside : location;
  // Astro prints each issue as `  <path>**: **<path>: <message>`; other errors as `[Name] message`.
  const issues = [...output.matchAll(/^\s+(\S+?)\*\*: \*\*\S+?: (.+)$/gm)].map((m) => ({ file, field: m[1]!, message: m[2]! }));
  if (issues.length > 0) return issues;
  const error = /^\[\w+\]\s*(.+)$/m.exec(output)?.[1] ?? output.trim().split('\n').slice(-5).join(' ');
  // A file that is not YAML at all: Astro names it in the message too.
  return [{ file, field: /failed to parse/.test(error) ? '(yaml)' : '(schema)', message: error.replace(/^\S+\.(yaml|md) /, '') }];
}
