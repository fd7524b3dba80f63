import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm run check:content` as editors and the build run it: the schema step (astro sync) names the
 * file and the field of a bad entry, every finding is one `file: field: message` line, the exit
 * code says whether content may be built, and --fix-uyghur rewrites Uyghur text in place.
 */
mkdirSync('test-output', { recursive: true });
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function copyOfContent(): { dir: string; content: string } {
  const dir = mkdtempSync(join('test-output', 'check-content-'));
  dirs.push(dir);
  const content = join(dir, 'content');
  cpSync('content', content, { recursive: true });
  return { dir, content };
}

function checkContent(dir: string, content: string, ...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('node_modules/.bin/node', ['scripts/check-content.ts', ...args], {
      env: { ...process.env, CONTENT_DIR: content, CACHE_DIR: join(dir, 'cache'), NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

const edit = (file: string, from: RegExp, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

describe('npm run check:content', () => {
  it('refuses an entry the schema rejects, naming the file and the field', async () => {
    const { dir, content } = copyOfContent();
    edit(join(content, 'news/2026-11-03-winter-heating-supply/index.yaml'), /^featured: .*$/m, 'featured: maybe');
    const { code, output } = await checkContent(dir, content);
    expect(code).toBe(1);
    expect(output).toMatch(/news\/2026-11-03-winter-heating-supply\/index\.yaml: featured: Expected type `"boolean"`/);
    expect(output).toMatch(/check:content: 1 finding\(s\) .*schemas 1/);
  }, 60_000);

  it('lists the other checks’ findings one a line and fixes Uyghur text with --fix-uyghur', async () => {
    const { dir, content } = copyOfContent();
    const item = join(content, 'notices/2026-11-19-influenza-vaccination-schedule');
    edit(join(item, 'index.yaml'), /^(ug:\n  title: \S+)/m, '$1 ھۆکۈمەت');
    writeFileSync(join(item, 'body/ug.md'), `${readFileSync(join(item, 'body/ug.md'), 'utf8')}\n[ئۇلىنىش](/ug/policies/2099-00001/)\n`);
    const before = await checkContent(dir, content, '--no-schemas');
    expect(before.code).toBe(1);
    expect(before.output).toMatch(/notices\/2026-11-19-influenza-vaccination-schedule\/index\.yaml: ug\.title: not normalised Uyghur: "ک" \(U\+06A9\)/);
    expect(before.output).toMatch(/notices\/2026-11-19-influenza-vaccination-schedule\/body\/ug\.md: line \d+: link \/ug\/policies\/2099-00001\//);
    const fixed = await checkContent(dir, content, '--no-schemas', '--fix-uyghur');
    expect(fixed.output).toMatch(/index\.yaml: Uyghur normalised \(ک U\+06A9 ×1\)/);
    expect(fixed.output).toMatch(/check:content: 1 finding\(s\) .*links 1.*uyghur 0/);
    expect(readFileSync(join(item, 'index.yaml'), 'utf8')).toContain('ھۆكۈمەت');
  }, 60_000);
});
