/**
 * Counts in words. The dictionaries have no plural forms (Chinese and Uyghur do not inflect for
 * number after a numeral), so English's "1 working day" has a key of its own.
 */
import type { Translate } from '../../i18n/translate.ts';

/** A time limit in working days; 0 is 即办, done on the spot. */
export function daysText(t: Translate, days: number): string {
  if (days === 0) return t('services.onTheSpot');
  return days === 1 ? t('services.oneWorkingDay') : t('services.workingDays', { days });
}

/** How many times the applicant must go to the office; 0 is 零跑动. */
export function visitsText(t: Translate, visits: number): string {
  if (visits === 0) return t('services.noVisit');
  return visits === 1 ? t('services.oneVisit') : t('services.visits', { visits });
}

/** How many services a group holds. */
export function countText(t: Translate, count: number): string {
  return count === 1 ? t('services.oneService') : t('services.serviceCount', { n: count });
}
