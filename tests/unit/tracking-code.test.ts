import { describe, expect, it } from 'vitest';
import {
  ALPHABET, CODE_LENGTH, formatTrackingCode, generatePin, generateTrackingCode, hashPin, isValidTrackingCode,
  newPinSalt, normalizeTrackingCode, verifyPin,
} from '../../src/lib/cases/tracking-code.ts';

const codes = Array.from({ length: 2_000 }, generateTrackingCode);

describe('tracking codes', () => {
  it('use an alphabet without look-alike characters, of prime size', () => {
    for (const confusable of '0O1IL2Z5S8BQU') expect(ALPHABET).not.toContain(confusable);
    expect(new Set(ALPHABET).size).toBe(ALPHABET.length);
    expect(ALPHABET.length).toBe(23);
  });

  it('are 10 characters of the alphabet and valid', () => {
    for (const code of codes) {
      expect(code).toHaveLength(CODE_LENGTH);
      expect([...code].every((ch) => ALPHABET.includes(ch))).toBe(true);
      expect(isValidTrackingCode(code)).toBe(true);
    }
  });

  it('are random: 2,000 codes are all different and use every character in every position', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (let i = 0; i < CODE_LENGTH - 1; i++) expect(new Set(codes.map((c) => c[i])).size).toBe(ALPHABET.length);
  });

  it('catch every single-character substitution (2,000 codes × 10 positions × 22 wrong characters)', () => {
    let checked = 0;
    const missed: string[] = [];
    for (const code of codes) {
      for (let i = 0; i < CODE_LENGTH; i++) {
        for (const ch of ALPHABET) {
          if (ch === code[i]) continue;
          const typo = code.slice(0, i) + ch + code.slice(i + 1);
          if (isValidTrackingCode(typo)) missed.push(`${code} → ${typo}`);
          checked++;
        }
      }
    }
    expect(missed).toEqual([]);
    expect(checked).toBe(2_000 * 10 * 22);
  });

  it('catch every transposition of two different neighbours, the check character included', () => {
    let checked = 0;
    const missed: string[] = [];
    for (const code of codes) {
      for (let i = 0; i < CODE_LENGTH - 1; i++) {
        if (code[i] === code[i + 1]) continue;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        if (isValidTrackingCode(swapped)) missed.push(`${code} → ${swapped}`);
        checked++;
      }
    }
    expect(missed).toEqual([]);
    expect(checked).toBeGreaterThan(2_000 * 8);
  });

  it('are recognised however a citizen types them', () => {
    const code = codes[0]!;
    const spaced = `${code.slice(0, 5).toLowerCase()} - ${code.slice(5)}`;
    expect(normalizeTrackingCode(spaced)).toEqual({ ok: true, code });
    expect(normalizeTrackingCode(` ${formatTrackingCode(code)} `)).toEqual({ ok: true, code });
    // Full-width letters and an ideographic space from a Chinese input method.
    const fullWidth = [...code].map((ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0)).join('');
    expect(normalizeTrackingCode(`${fullWidth.slice(0, 5)}\u3000${fullWidth.slice(5)}`)).toEqual({ ok: true, code });
  });

  it('say what is wrong with what was typed', () => {
    const code = codes[1]!;
    expect(normalizeTrackingCode('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(normalizeTrackingCode(code.slice(0, 9))).toEqual({ ok: false, problem: 'wrong-length' });
    expect(normalizeTrackingCode(`0${code.slice(1)}`)).toEqual({ ok: false, problem: 'invalid-character' });
    const typo = (code[0] === 'A' ? 'C' : 'A') + code.slice(1);
    expect(normalizeTrackingCode(typo)).toEqual({ ok: false, problem: 'check-failed' });
  });

  it('are printed in two groups of five', () => {
    expect(formatTrackingCode('ACDEF34679')).toBe('ACDEF-34679');
  });
});

describe('query PINs', () => {
  it('are 6 digits, leading zeros kept', () => {
    const pins = Array.from({ length: 2_000 }, generatePin);
    for (const pin of pins) expect(pin).toMatch(/^\d{6}$/);
    expect(new Set(pins).size).toBeGreaterThan(1_990);
  });

  it('are stored as a salted hash that verifies the right PIN only', async () => {
    const salt = newPinSalt();
    const stored = await hashPin('012345', salt);
    expect(stored).not.toContain('012345');
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(await verifyPin('012345', stored)).toBe(true);
    expect(await verifyPin('012346', stored)).toBe(false);
    expect(await verifyPin('12345', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it('hash the same PIN differently for different cases', async () => {
    expect(await hashPin('123456', newPinSalt())).not.toBe(await hashPin('123456', newPinSalt()));
    expect(await hashPin('123456', 'fixed-salt')).toBe(await hashPin('123456', 'fixed-salt'));
  });

  it('treat a malformed stored value as a mismatch, not an exception', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$2$3', 'md5$16384$8$1$salt$hash', 'scrypt$3$8$1$salt$aGFzaA', 'scrypt$16384$8$1$salt$']) {
      expect(await verifyPin('123456', bad)).toBe(false);
    }
  });
});
