import { checkCatalogue, defaultScheme, type IndexScheme } from '../index-number.ts';
import { inCollection, type ContentSet, type Finding } from './types.ts';

/** The 索引号 scheme in settings/site.yaml, or the default. */
export function schemeOf(set: ContentSet): IndexScheme {
  const site = set.items.find((i) => i.collection === 'settings' && i.slug === 'site');
  return { ...defaultScheme, ...((site?.data.indexScheme as Partial<IndexScheme>) ?? {}) };
}

/**
 * 文号 as written vary in brackets and widths (`〔2025〕`, `[2025]`, `（2025）`, full-width
 * digits); two spellings of one number are one number.
 */
export function documentNumberKey(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[〔［[（(【]/g, '〔')
    .replace(/[〕］\]）)】]/g, '〕')
    .replace(/\s+/g, '');
}

/**
 * Index numbers: every catalogue entry has a well-formed, unique 索引号 whose back part is its
 * folder and whose year is its publication year (src/lib/index-number.ts, the rules the build
 * applies); and no 文号 is used by two documents. A 文号 carries its issuer and its year
 * (`天政办发〔2025〕12号`), so one number per issuer and year is one string.
 */
export function checkIndexNumbers(set: ContentSet): Finding[] {
  const policies = inCollection(set, 'policies');
  const fileOf = new Map(policies.map((p) => [p.slug, p.file]));
  const entries = policies.map((p) => ({
    id: p.slug,
    indexNumber: typeof p.data.indexNumber === 'string' ? p.data.indexNumber : undefined,
    publishedYear: beijingYear(p.data.published),
  }));
  const findings: Finding[] = checkCatalogue(entries, schemeOf(set)).map((problem) => {
    // checkCatalogue answers `content/policies/<id>/index.yaml: indexNumber …`.
    const [where, ...rest] = problem.split(': ');
    const id = /policies\/([^/]+)\/index\.yaml$/.exec(where!)?.[1] ?? '';
    const message = rest.join(': ').replace(/^indexNumber /, '').replace(/content\/policies\/(\S+)/g, (_, other) => fileOf.get(other) ?? `policies/${other}`);
    return { file: fileOf.get(id) ?? where!, field: 'indexNumber', message };
  });
  const seen = new Map<string, string>();
  for (const p of policies) {
    if (typeof p.data.documentNumber !== 'string') continue;
    const key = documentNumberKey(p.data.documentNumber);
    const other = seen.get(key);
    if (other) findings.push({ file: p.file, field: 'documentNumber', message: `${p.data.documentNumber} is already used by ${other}` });
    else seen.set(key, p.file);
  }
  return findings;
}

/** The year of a publish time in Beijing time (NaN when it is not a date). */
function beijingYear(value: unknown): number {
  const time = Date.parse(String(value));
  return Number.isNaN(time) ? NaN : new Date(time + 8 * 3600_000).getUTCFullYear();
}
