import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The rule set every page is held to: WCAG 2.2 at levels A and AA. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe's violations on the page as it stands, one line each: the rule and its first three elements.
 *
 * Legacy mode runs axe.run() in the page and its same-origin frames, instead of collecting partial
 * results and finishing them in a fresh blank page. The portal's CSP (`default-src 'self'`) allows
 * no cross-origin frame, so nothing goes unchecked, and a page takes half the time.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_AA).setLegacyMode().analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}
