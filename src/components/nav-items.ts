import type { UiKey } from '../i18n/translate.ts';

/**
 * The main navigation: home and the four core functions of a government portal
 * (信息发布, 解读回应, 办事服务, 互动交流). `owns` lists the paths that belong to a section,
 * so an article under /news/ marks 信息发布 as current.
 */
export const mainNav: { key: UiKey; path: string; owns: string[] }[] = [
  { key: 'nav.home', path: '/', owns: [] },
  { key: 'nav.publishing', path: '/publishing/', owns: ['/news/', '/notices/', '/departments/', '/overview/', '/functions/', '/leaders/', '/disclosure/', '/policies/', '/reports/'] },
  { key: 'nav.interpretation', path: '/interpretations/', owns: [] },
  { key: 'nav.services', path: '/services/', owns: [] },
  { key: 'nav.interaction', path: '/interaction/', owns: ['/contact/', '/report-errors/'] },
];

/** True when `path` (locale-less) is the nav item's page or belongs to its section. */
export function isCurrentSection(item: { path: string; owns: string[] }, path: string): boolean {
  if (item.path === '/') return path === '/';
  return path.startsWith(item.path) || item.owns.some((p) => path.startsWith(p));
}
