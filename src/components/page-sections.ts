import type { UiKey } from '../i18n/translate.ts';
import { mainNav } from './nav-items.ts';

/** Standing pages shown inside a section rather than at /<locale>/<slug>/. */
export const SECTION_PAGES = new Set(['disclosure-guide']);

/** The main-navigation section a standing page belongs to, for its breadcrumbs. */
export function sectionOfPage(slug: string): { key: UiKey; path: string } | undefined {
  return mainNav.find((item) => item.path !== '/' && item.owns.includes(`/${slug}/`));
}
