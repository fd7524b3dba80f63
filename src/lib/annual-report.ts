/**
 * 政府信息公开工作年度报告 (format 国办公开办函〔2021〕30号): table 2 computed from the
 * catalogue, and the arithmetic check of table 3 printed under it:
 * 一 新收 + 二 上年结转 = 三（七）总计 + 四 结转下年度, in every column.
 */

export type Validity = 'valid' | 'amended' | 'repealed' | 'expired';

export interface CatalogueDocument {
  id: string;
  genre: string;
  published: Date;
  validity: Validity;
  validUntil?: Date | undefined;
}

export interface DocumentCounts {
  /** 本年制发件数 */
  issued: number;
  /** 本年废止件数 */
  repealed: number;
  /** 现行有效件数 (at the end of the year) */
  inForce: number;
}

/** Genres whose documents table 2 counts. */
export const TABLE2_GENRES = { regulations: 'regulation', normativeDocuments: 'normative-document' } as const;

const yearFormat = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' });
const yearOf = (d: Date) => Number(yearFormat.format(d));

/** Whether a document no longer applies by the end of `year`. */
function endedBy(doc: CatalogueDocument, year: number): boolean {
  if (doc.validity !== 'repealed' && doc.validity !== 'expired') return false;
  // A repealed or expired document without a date is taken to have ended when it was marked so.
  return doc.validUntil === undefined || yearOf(doc.validUntil) <= year;
}

/** Table 2's rows for 规章 and 行政规范性文件 in `year`, from the catalogue. */
export function table2Counts(catalogue: readonly CatalogueDocument[], year: number): Record<keyof typeof TABLE2_GENRES, DocumentCounts> {
  const count = (genre: string): DocumentCounts => {
    const docs = catalogue.filter((d) => d.genre === genre);
    return {
      issued: docs.filter((d) => yearOf(d.published) === year).length,
      repealed: docs.filter((d) => d.validity === 'repealed' && d.validUntil && yearOf(d.validUntil) === year).length,
      inForce: docs.filter((d) => yearOf(d.published) <= year && !endedBy(d, year)).length,
    };
  };
  return { regulations: count(TABLE2_GENRES.regulations), normativeDocuments: count(TABLE2_GENRES.normativeDocuments) };
}

/** Table 3's applicant columns, in the order of the official form. */
export const APPLICANT_COLUMNS = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'other'] as const;
export type ApplicantRow = Record<(typeof APPLICANT_COLUMNS)[number], number>;

export interface Table3 {
  newApplications: ApplicantRow;
  carriedOver: ApplicantRow;
  results: {
    disclosed: ApplicantRow;
    partlyDisclosed: ApplicantRow;
    withheld: Record<string, ApplicantRow>;
    unavailable: Record<string, ApplicantRow>;
    notProcessed: Record<string, ApplicantRow>;
    otherHandling: Record<string, ApplicantRow>;
    total: ApplicantRow;
  };
  carriedForward: ApplicantRow;
}

/** The 总计 column: the sum of a row's applicant columns. */
export const rowTotal = (row: ApplicantRow) => APPLICANT_COLUMNS.reduce((sum, c) => sum + row[c], 0);

/** Every result row of （一）…（六）, flattened, for summing into （七）总计. */
export function resultRows(results: Table3['results']): ApplicantRow[] {
  return [
    results.disclosed,
    results.partlyDisclosed,
    ...Object.values(results.withheld),
    ...Object.values(results.unavailable),
    ...Object.values(results.notProcessed),
    ...Object.values(results.otherHandling),
  ];
}

/**
 * The problems with a table 3, one message per broken column (empty when it is right):
 * （七）总计 must be the sum of the results, and 一 + 二 must equal 三（七） + 四.
 */
export function checkTable3(t: Table3): string[] {
  const problems: string[] = [];
  const rows = resultRows(t.results);
  for (const c of APPLICANT_COLUMNS) {
    const sum = rows.reduce((s, r) => s + r[c], 0);
    if (sum !== t.results.total[c]) problems.push(`column ${c}: the results add up to ${sum} but （七）总计 says ${t.results.total[c]}`);
    const left = t.newApplications[c] + t.carriedOver[c];
    const right = t.results.total[c] + t.carriedForward[c];
    if (left !== right) problems.push(`column ${c}: 一 ${t.newApplications[c]} + 二 ${t.carriedOver[c]} = ${left}, but 三（七） ${t.results.total[c]} + 四 ${t.carriedForward[c]} = ${right}`);
  }
  return problems;
}

export interface ReviewRow { upheld: number; corrected: number; other: number; pending: number; total: number }

/** Table 4: each row's 总计 must be the sum of its four results. */
export function checkTable4(rows: Record<string, ReviewRow>): string[] {
  return Object.entries(rows).flatMap(([name, r]) => {
    const sum = r.upheld + r.corrected + r.other + r.pending;
    return sum === r.total ? [] : [`${name}: ${r.upheld} + ${r.corrected} + ${r.other} + ${r.pending} = ${sum}, but 总计 says ${r.total}`];
  });
}
