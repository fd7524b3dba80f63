import { checkDates } from './dates.ts';
import { checkImages } from './images.ts';
import { checkIndexNumbers } from './index-numbers.ts';
import { checkLinks } from './links.ts';
import { checkUyghur } from './uyghur.ts';
import type { ContentSet, Finding } from './types.ts';

export { loadContent } from './load.ts';
export { formatFinding, type Finding } from './types.ts';

/** The checks `npm run check:content` runs after the schemas, by name. */
export const CHECKS = {
  'index numbers': (set: ContentSet) => checkIndexNumbers(set),
  links: (set: ContentSet) => checkLinks(set),
  images: (set: ContentSet) => checkImages(set),
  uyghur: (set: ContentSet) => checkUyghur(set),
  dates: (set: ContentSet, now: Date) => checkDates(set, now),
} as const;

/** Every check over a content set; findings grouped by check. */
export function runChecks(set: ContentSet, now: Date = new Date()): Record<keyof typeof CHECKS, Finding[]> {
  return Object.fromEntries(Object.entries(CHECKS).map(([name, check]) => [name, check(set, now)])) as Record<keyof typeof CHECKS, Finding[]>;
}
