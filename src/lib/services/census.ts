/**
 * The eight elements of a service guide that the 2015 national census of government websites
 * checked (STANDARDS.md §1, "services not practical"): a guide without any of them fails the
 * whole site. The build refuses such a guide, naming the file and the element, before the
 * inspectors find it. Checked on the raw content, before the rest of the schema, so the message
 * speaks of the census element and not of a schema path alone.
 */

export interface CensusElement {
  /** Where the element is kept: a shared fact, or a field of every language's edition. */
  key: 'title' | 'legalBasis' | 'conditions' | 'materials' | 'place' | 'hours' | 'phone' | 'steps';
  in: 'facts' | 'edition';
  /** The element's name on the census form, and in English. */
  zh: string;
  en: string;
}

export const CENSUS_ELEMENTS: readonly CensusElement[] = [
  { key: 'title', in: 'edition', zh: '事项名称', en: 'name of the service' },
  { key: 'legalBasis', in: 'edition', zh: '设定依据', en: 'legal basis' },
  { key: 'conditions', in: 'edition', zh: '申请条件', en: 'conditions' },
  { key: 'materials', in: 'facts', zh: '办理材料', en: 'materials' },
  { key: 'place', in: 'edition', zh: '办理地点', en: 'place' },
  { key: 'hours', in: 'edition', zh: '办理时间', en: 'hours' },
  { key: 'phone', in: 'facts', zh: '联系电话', en: 'enquiry telephone' },
  { key: 'steps', in: 'edition', zh: '办理流程', en: 'steps' },
];

export interface CensusGap {
  element: CensusElement;
  /** Where it is missing in index.yaml, e.g. `ug.place`. */
  path: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Present means: a non-blank string, or a list with at least one entry. */
function present(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null;
}

/**
 * The census elements a guide lacks. Chinese is the master edition and always checked; a
 * Uyghur or English edition, once it exists, must be complete too.
 */
export function censusGaps(guide: unknown): CensusGap[] {
  const data = isRecord(guide) ? guide : {};
  const editions = ['zh', ...['ug', 'en'].filter((l) => data[l] !== undefined)];
  const gaps: CensusGap[] = [];
  for (const element of CENSUS_ELEMENTS) {
    if (element.in === 'facts') {
      if (!present(data[element.key])) gaps.push({ element, path: [element.key] });
      continue;
    }
    for (const lang of editions) {
      const edition = data[lang];
      if (!isRecord(edition) || !present(edition[element.key])) gaps.push({ element, path: [lang, element.key] });
    }
  }
  return gaps;
}

/** The build's message for a gap; the build names the file beside it. */
export function censusMessage(gap: CensusGap): string {
  return `census element ${gap.element.zh} (${gap.element.en}) is missing at ${gap.path.join('.')}: every service guide must carry 事项名称, 设定依据, 申请条件, 办理材料, 办理地点, 办理时间, 联系电话 and 办理流程`;
}
