import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS, checkTable3, checkTable4, table2Counts, type ApplicantRow, type CatalogueDocument, type Table3 } from '../../src/lib/annual-report.ts';

const d = (s: string) => new Date(`${s}T10:00:00+08:00`);
const doc = (id: string, genre: string, published: string, validity: CatalogueDocument['validity'] = 'valid', validUntil?: string): CatalogueDocument => ({
  id, genre, published: d(published), validity, validUntil: validUntil ? d(validUntil) : undefined,
});

describe('table 2, computed from the catalogue', () => {
  const catalogue = [
    doc('a', 'regulation', '2023-05-01'),
    doc('b', 'regulation', '2024-02-01', 'repealed', '2025-03-31'),
    doc('c', 'regulation', '2025-03-20'),
    doc('d', 'normative-document', '2024-06-01', 'expired', '2025-12-31'),
    doc('e', 'normative-document', '2025-01-10', 'amended'),
    doc('f', 'notice', '2025-04-01'),
  ];

  it('counts 规章 issued, repealed and in force at the end of the year', () => {
    expect(table2Counts(catalogue, 2024).regulations).toEqual({ issued: 1, repealed: 0, inForce: 2 });
    expect(table2Counts(catalogue, 2025).regulations).toEqual({ issued: 1, repealed: 1, inForce: 2 });
  });

  it('counts 行政规范性文件, amended ones still in force, expired ones not', () => {
    expect(table2Counts(catalogue, 2024).normativeDocuments).toEqual({ issued: 1, repealed: 0, inForce: 1 });
    expect(table2Counts(catalogue, 2025).normativeDocuments).toEqual({ issued: 1, repealed: 0, inForce: 1 });
  });

  it('counts by the year in Beijing time', () => {
    const newYearsEve = { ...doc('g', 'regulation', '2024-01-01'), published: new Date('2024-12-31T17:00:00Z') }; // 01:00 on 1 Jan 2025 in Beijing
    expect(table2Counts([newYearsEve], 2025).regulations.issued).toBe(1);
    expect(table2Counts([newYearsEve], 2024).regulations.issued).toBe(0);
  });

  it('ignores other genres', () => {
    expect(table2Counts([doc('f', 'notice', '2025-04-01')], 2025)).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
    });
  });
});

const row = (n: number, natural = n): ApplicantRow => ({ ...Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, n])), natural } as ApplicantRow);
const zero = row(0);
const table3 = (): Table3 => ({
  newApplications: row(2, 100),
  carriedOver: row(0, 5),
  results: {
    disclosed: row(1, 60),
    partlyDisclosed: row(0, 10),
    withheld: { stateSecret: zero, thirdPartyRights: row(0, 5) },
    unavailable: { notHeld: row(1, 15) },
    notProcessed: { repeated: row(0, 3) },
    otherHandling: { other: zero },
    total: row(2, 93),
  },
  carriedForward: row(0, 12),
});

describe('the table 3 check', () => {
  it('accepts a table where 一 + 二 = 三（七） + 四 in every column', () => expect(checkTable3(table3())).toEqual([]));

  it('refuses a column where 一 + 二 ≠ 三（七） + 四, naming it', () => {
    const t = table3();
    t.carriedForward.natural = 11;
    expect(checkTable3(t)).toEqual([expect.stringMatching(/^column natural: 一 100 \+ 二 5 = 105, but 三（七） 93 \+ 四 11 = 104$/)]);
  });

  it('refuses a （七）总计 that is not the sum of the results', () => {
    const t = table3();
    t.results.total.research = 3;
    t.carriedForward.research = -1;
    expect(checkTable3(t)[0]).toMatch(/column research: the results add up to 2 but （七）总计 says 3/);
  });
});

describe('the table 4 check', () => {
  it('wants each total to be the sum of its results', () => {
    expect(checkTable4({ reconsideration: { upheld: 2, corrected: 1, other: 0, pending: 1, total: 4 } })).toEqual([]);
    expect(checkTable4({ litigation: { upheld: 2, corrected: 1, other: 0, pending: 1, total: 5 } })).toEqual([expect.stringMatching(/^litigation: .* = 4, but 总计 says 5$/)]);
  });
});
