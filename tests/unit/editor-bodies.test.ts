/**
 * The bodies (body/<lang>.md) through Keystatic's own Markdown editor, the browser build that
 * runs in the CMS: a body nobody edits is written back byte for byte, and an edited body, once
 * the server puts it in our style, differs from what it was only where Keystatic cannot keep it
 * (pictures beside the item, which the server then refuses to save, and blank lines between list
 * items).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { keepUntouched } from '../../src/editor/fields/bodies.ts';
import { ourMarkdownStyle } from '../../src/editor/save/markdown-style.ts';

// The package's Node build leaves the editor out; the browser build is what the CMS runs.
const nodeBuild = createRequire(import.meta.url).resolve('@keystatic/core');
const browserBuild = (await import(pathToFileURL(nodeBuild.replace(/keystatic-core\.node\.js$/, 'keystatic-core.js')).href)) as typeof import('@keystatic/core');

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const bodies = execFileSync('git', ['ls-files', 'content/*/*/body/*.md']).toString().trim().split('\n');
const mdx = () => browserBuild.fields.mdx({ label: '正文', extension: 'md' });
const args = (text: string) => ({ content: encoder.encode(text), other: new Map(), external: new Map(), slug: undefined });

/** The file with the blank lines between list items taken out: Keystatic's lists are tight. */
const tightened = (text: string) => text.replace(/^((?:\d+\.|-) .*(?:\n {2,}.*)*)\n\n(?=\d+\. |- )/gm, '$1\n');

describe('bodies in the CMS', () => {
  it('writes a body nobody edited back byte for byte', () => {
    const field = keepUntouched(mdx());
    for (const file of bodies) {
      const text = readFileSync(file, 'utf8');
      const value = field.parse(undefined, args(text));
      expect(decoder.decode(field.serialize(value, { slug: undefined }).content!), file).toBe(text);
    }
  });

  it('keeps an edited body as the file wrote it, but for pictures and spaced lists', () => {
    const field = mdx();
    const lost = { pictures: 0, spacedLists: 0 };
    for (const file of bodies) {
      const text = readFileSync(file, 'utf8');
      const written = ourMarkdownStyle(decoder.decode(field.serialize(field.parse(undefined, args(text)), { slug: undefined }).content!));
      if (written === text) continue;
      if (/!\[[^\]]*\]\(\.\.\//.test(text)) lost.pictures++;
      else {
        expect(written, file).toBe(tightened(text));
        lost.spacedLists++;
      }
    }
    // Known and few; a new kind of loss fails above.
    expect(lost.pictures + lost.spacedLists).toBeLessThan(bodies.length / 4);
  });

  it('puts Keystatic’s tables, bullets and self-links back in our style', () => {
    expect(ourMarkdownStyle('| Colour | Meaning          |\n| ------ | :--------------: |\n| Blue   | a \\| b |\n')).toBe('| Colour | Meaning |\n| --- | :---: |\n| Blue | a \\| b |\n');
    expect(ourMarkdownStyle('* one\n  * two\n')).toBe('- one\n  - two\n');
    expect(ourMarkdownStyle('文号：天文旅发\\[2026]12号，见\\[附件](files/a.pdf)')).toBe('文号：天文旅发[2026]12号，见\\[附件](files/a.pdf)');
    expect(ourMarkdownStyle('邮箱：[a@tianshan.example](mailto:a@tianshan.example)，[政府网](https://www.tianshan.example)')).toBe('邮箱：a@tianshan.example，[政府网](https://www.tianshan.example)');
  });
});
