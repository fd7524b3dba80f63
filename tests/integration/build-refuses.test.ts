import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The build is the last gate before content reaches citizens: it must stop, naming the file,
 * on a malformed index number, an annual report whose table 3 does not add up, a service guide
 * without one of the eight census elements, or a guide whose form to download is not there.
 */
function buildWith(corrupt: (content: string) => void): Promise<{ code: number | null; output: string }> {
  // Inside the project, so the built server modules can resolve the project's packages.
  mkdirSync('test-output', { recursive: true });
  const dir = mkdtempSync(join('test-output', 'refuse-'));
  const content = join(dir, 'content');
  cpSync('content', content, { recursive: true });
  corrupt(content);
  return new Promise((resolve) => {
    const child = spawn('node_modules/.bin/node', ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(dir, 'dist')], {
      env: { ...process.env, CONTENT_DIR: content, CACHE_DIR: join(dir, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

const edit = (file: string, from: RegExp, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

describe('the build refuses bad disclosure data', () => {
  it('a malformed index number, naming the document', async () => {
    const { code, output } = await buildWith((c) => edit(join(c, 'policies/2025-00004/index.yaml'), /^indexNumber: .*$/m, 'indexNumber: 11659900MB00010117/2025-4'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/policies\/2025-00004\/index\.yaml: indexNumber "11659900MB00010117\/2025-4" is not/);
  }, 180_000);

  it('a table 3 where 一 + 二 ≠ 三（七） + 四, naming the report and the column', async () => {
    const { code, output } = await buildWith((c) => edit(join(c, 'reports/2025.yaml'), /(carriedForward:\s*\n?\s*\{?\s*natural:\s*)(\d+)/, '$1999'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/reports\/2025\.yaml: column natural: 一 \d+ \+ 二 \d+ = \d+, but 三（七） \d+ \+ 四 999/);
  }, 180_000);
});

describe('the build refuses an incomplete service guide', () => {
  it('a guide without 办理地点, naming the guide file and the census element', async () => {
    const { code, output } = await buildWith((c) => edit(join(c, 'services/051100201000/index.yaml'), /^  place: .*\n/m, ''));
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/services\/051100201000\/index\.yaml/);
    expect(output).toMatch(/census element 办理地点 \(place\) is missing at zh\.place/);
  }, 180_000);

  it('a blank form listed but not in the guide’s folder, naming the guide and the file', async () => {
    const { code, output } = await buildWith((c) => rmSync(join(c, 'services/051100201000/files/authorisation.docx')));
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/services\/051100201000\/index\.yaml: material "家庭经济状况核对授权书" lists files\/authorisation\.docx, which is not in the guide's folder/);
  }, 180_000);
});
