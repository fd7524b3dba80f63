import type { UiKey } from '../i18n/translate.ts';
import { mainNav } from './nav-items.ts';

/** The main-navigation section a standing page belongs to, for its breadcrumbs. */
export function sectionOfPage(slug: string): { key: UiKey; path: string } | undefined {
  return mainNav.find((item) => item.path !== '/' && item.owns.includes(`/${slug}/`));
}
