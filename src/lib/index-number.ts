/**
 * 索引号 of the disclosure catalogue (STANDARDS.md §2): `前段码/后段码`, the front part the
 * publishing body's organisation code, the back part `<year>-<serial>`, e.g.
 * `11659900MB00010117/2024-00012`. Unique, assigned once and never changed. Provinces vary
 * the scheme, so its parts are settings.
 */
export interface IndexScheme {
  /** Which code makes the front part: the 18-character unified social credit code, or the 9-character organisation code inside it. */
  front: 'creditCode' | 'orgCode';
  /** Digits of the serial, zero-padded. */
  serialDigits: number;
}

export const defaultScheme: IndexScheme = { front: 'creditCode', serialDigits: 5 };

export interface IndexNumber { front: string; year: number; serial: number }

/** The front part for a department's unified social credit code under a scheme. */
export function frontPart(creditCode: string, scheme: IndexScheme = defaultScheme): string {
  // Characters 9–17 of the 18-character credit code are the organisation code.
  return scheme.front === 'orgCode' ? creditCode.slice(8, 17) : creditCode;
}

/** The back part, which is also the document's folder name and URL slug: `2024-00012`. */
export function backPart(year: number, serial: number, scheme: IndexScheme = defaultScheme): string {
  return `${year}-${String(serial).padStart(scheme.serialDigits, '0')}`;
}

export function formatIndexNumber(n: IndexNumber, scheme: IndexScheme = defaultScheme): string {
  return `${n.front}/${backPart(n.year, n.serial, scheme)}`;
}

const frontPattern: Record<IndexScheme['front'], RegExp> = {
  creditCode: /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/,
  orgCode: /^[0-9A-HJ-NPQRTUWXY]{9}$/,
};

/** Parses an index number, or explains what is wrong with it. */
export function parseIndexNumber(value: string, scheme: IndexScheme = defaultScheme): IndexNumber | { error: string } {
  const match = new RegExp(`^([^/]+)/(\\d{4})-(\\d{${scheme.serialDigits}})$`).exec(value);
  if (!match) return { error: `"${value}" is not <front part>/<year>-<${scheme.serialDigits}-digit serial>` };
  const [, front, year, serial] = match;
  if (!frontPattern[scheme.front].test(front!)) return { error: `"${front}" is not a valid ${scheme.front === 'creditCode' ? '18-character unified social credit code' : '9-character organisation code'}` };
  if (Number(serial) === 0) return { error: `serial 0 in "${value}": serials start at 1` };
  return { front: front!, year: Number(year), serial: Number(serial) };
}

/** The next free serial for a year, given the back parts already used (`2024-00012`…). */
export function nextSerial(used: Iterable<string>, year: number): number {
  let max = 0;
  for (const back of used) {
    const [y, s] = back.split('-');
    if (Number(y) === year) max = Math.max(max, Number(s));
  }
  return max + 1;
}

export interface CatalogueEntry { id: string; indexNumber: string | undefined; publishedYear: number }

/**
 * Checks a whole catalogue: every entry has a well-formed index number whose back part is its
 * folder name and whose year is its publication year, and no number is used twice.
 * Returns one message per problem, naming the entry.
 */
export function checkCatalogue(entries: CatalogueEntry[], scheme: IndexScheme = defaultScheme): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const where = `content/policies/${entry.id}/index.yaml`;
    if (!entry.indexNumber) {
      problems.push(`${where}: indexNumber is missing (run \`npm run policy:number\` to assign it)`);
      continue;
    }
    const parsed = parseIndexNumber(entry.indexNumber, scheme);
    if ('error' in parsed) {
      problems.push(`${where}: indexNumber ${parsed.error}`);
      continue;
    }
    const back = backPart(parsed.year, parsed.serial, scheme);
    if (back !== entry.id) problems.push(`${where}: indexNumber ends in ${back} but the folder is ${entry.id}; the folder name is the back part`);
    if (parsed.year !== entry.publishedYear) problems.push(`${where}: indexNumber year ${parsed.year} is not the publication year ${entry.publishedYear}`);
    const other = seen.get(entry.indexNumber);
    if (other) problems.push(`${where}: indexNumber ${entry.indexNumber} is already used by content/policies/${other}`);
    seen.set(entry.indexNumber, entry.id);
  }
  return problems;
}
