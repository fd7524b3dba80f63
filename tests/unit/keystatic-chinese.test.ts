import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYSTATIC_CHINESE, replaceKeystaticChinese } from '../../src/editor/keystatic-chinese.ts';

const dist = 'node_modules/@keystatic/core/dist';
const withChinese = readdirSync(dist).filter((f) => f.endsWith('.js') && readFileSync(join(dist, f), 'utf8').includes('"zh-CN": {'));

describe('the CMS in plain Chinese', () => {
  it('finds Keystatic’s Chinese strings in the installed package, and has a translation for every one', () => {
    expect(withChinese.length).toBeGreaterThan(0);
    for (const file of withChinese) {
      const replaced = replaceKeystaticChinese(readFileSync(join(dist, file), 'utf8'));
      expect(replaced, file).not.toBeNull();
      expect(replaced).toContain('"save":"保存"');
      expect(replaced).not.toContain('节省');
    }
  });

  it('leaves the other languages as they are', () => {
    const code = readFileSync(join(dist, withChinese[0]!), 'utf8');
    const replaced = replaceKeystaticChinese(code)!;
    expect(replaced.slice(0, code.indexOf('"zh-CN": {'))).toBe(code.slice(0, code.indexOf('"zh-CN": {')));
    expect(replaced).toContain('"zh-TW": {');
    expect(Object.values(KEYSTATIC_CHINESE).every((v) => v.trim().length > 0)).toBe(true);
  });
});
