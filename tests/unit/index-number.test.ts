import { describe, expect, it } from 'vitest';
import { backPart, checkCatalogue, formatIndexNumber, frontPart, nextSerial, parseIndexNumber } from '../../src/lib/index-number.ts';

const code = '11659900MB00010117';

describe('索引号', () => {
  it('is <credit code>/<year>-<5-digit serial> by default', () => {
    expect(formatIndexNumber({ front: code, year: 2024, serial: 12 })).toBe('11659900MB00010117/2024-00012');
  });

  it('can use the 9-character organisation code inside the credit code as its front part', () => {
    expect(frontPart(code, { front: 'orgCode', serialDigits: 5 })).toBe('MB0001011');
    expect(backPart(2024, 7, { front: 'orgCode', serialDigits: 4 })).toBe('2024-0007');
  });

  it('parses what it formats', () => {
    expect(parseIndexNumber('11659900MB00010117/2024-00012')).toEqual({ front: code, year: 2024, serial: 12 });
  });

  it.each([
    ['11659900MB00010117-2024-00012', 'is not'],
    ['11659900MB00010117/2024-0012', 'is not'],
    ['11659900MB0001011I/2024-00012', 'not a valid'],
    ['11659900MB00010117/2024-00000', 'serial 0'],
  ])('rejects %s', (value, message) => {
    const result = parseIndexNumber(value);
    expect('error' in result && result.error).toContain(message);
  });

  it('assigns the next serial of the year, counting only that year', () => {
    expect(nextSerial(['2024-00001', '2024-00015', '2025-00003'], 2024)).toBe(16);
    expect(nextSerial(['2024-00001'], 2026)).toBe(1);
  });
});

describe('checking the catalogue', () => {
  const ok = { id: '2024-00012', indexNumber: `${code}/2024-00012`, publishedYear: 2024 };

  it('accepts a good catalogue', () => expect(checkCatalogue([ok, { ...ok, id: '2024-00013', indexNumber: `${code}/2024-00013` }])).toEqual([]));

  it('names the file of a missing, malformed or misplaced number', () => {
    const problems = checkCatalogue([
      { id: '2024-00001', indexNumber: undefined, publishedYear: 2024 },
      { id: '2024-00002', indexNumber: 'nonsense', publishedYear: 2024 },
      { id: '2024-00003', indexNumber: `${code}/2024-00004`, publishedYear: 2024 },
      { id: '2025-00001', indexNumber: `${code}/2025-00001`, publishedYear: 2024 },
    ]);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/content\/policies\/2024-00001\/index.yaml: indexNumber is missing/);
    expect(problems[1]).toMatch(/2024-00002.*is not/);
    expect(problems[2]).toMatch(/2024-00003.*folder/);
    expect(problems[3]).toMatch(/2025-00001.*publication year 2024/);
  });

  it('refuses a number used twice', () => {
    const problems = checkCatalogue([ok, { ...ok }]);
    expect(problems).toEqual([expect.stringMatching(/already used by content\/policies\/2024-00012/)]);
  });
});
