import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { browserAvailable, useBrowser } from '../support/browser.ts';
import { items } from '../support/content.ts';

/** axe (WCAG 2.2 AA) on every template in all three locales. */
const news = items('news');
const withBodyPicture = news.find((n) => n.slug && n.data.image)!;
const fallbackUg = news.find((n) => !n.data.ug)!;
const notice = items('notices').find((n) => Array.isArray(n.data.attachments) && n.data.attachments.length > 0)!;

const policies = items('policies');
const repealed = policies.find((p) => p.data.validity === 'repealed')!;
const withInterpretation = String(items('interpretations')[0]!.data.policy);
const interpretation = items('interpretations')[0]!;

const services = items('services');
const onlineService = services.find((s) => s.data.form)!;
const chargedService = services.find((s) => s.data.charged)!;
const serviceDepartment = String(services[0]!.data.department);
const lifeEvent = String((services[0]!.data.lifeEvents as string[])[0]);

const templates = [
  ['disclosure home', '/disclosure/'],
  ['disclosure guide', '/disclosure/guide/'],
  ['catalogue', '/policies/'],
  ['catalogue facet page', `/policies/department/${String(policies[0]!.data.department)}/`],
  ['catalogue filtered by the server', '/policies/filter/?genre=notice&sort=oldest'],
  ['policy with interpretations', `/policies/${withInterpretation}/`],
  ['repealed policy', `/policies/${repealed.slug}/`],
  ['interpretations', '/interpretations/'],
  ['interpretation', `/interpretations/${interpretation.slug}/`],
  ['annual reports', '/reports/'],
  ['annual report', '/reports/2025/'],
  ['home', '/'],
  ['news list', '/news/'],
  ['news list page 2', '/news/page/2/'],
  ['news article', `/news/${withBodyPicture.slug}/`],
  ['news article (Chinese fallback)', `/news/${fallbackUg.slug}/`],
  ['notices list', '/notices/'],
  ['notice with attachments', `/notices/${notice.slug}/`],
  ['departments', '/departments/'],
  ['department', '/departments/education/'],
  ['page with a table', '/overview/'],
  ['leaders', '/leaders/'],
  ['contact', '/contact/'],
  ['publishing hub', '/publishing/'],
  ['services hall', '/services/'],
  ['services for citizens', '/services/audience/person/'],
  ['services for businesses', '/services/audience/business/'],
  ['services of a life event', `/services/event/${lifeEvent}/`],
  ['services of a department', `/services/department/${serviceDepartment}/`],
  ['services A–Z', '/services/a-z/'],
  ['service guide with an online form', `/services/${onlineService.slug}/`],
  ['service guide with fees, in person', `/services/${chargedService.slug}/`],
  ['interaction hub', '/interaction/'],
  ['sitemap', '/sitemap/'],
  ['search', '/search/'],
  ['search results', '/search/?q=2025'],
  ['not found', '/no-such-page/'],
] as const;

const cases = ['zh', 'ug', 'en'].flatMap((locale) => templates.map(([name, path]) => [`${locale} ${name}`, `/${locale}${path}`]));

describe.skipIf(!browserAvailable)('accessibility (axe, WCAG 2.2 AA)', () => {
  const browser = useBrowser();
  // One page goes from template to template: these pages keep no state, and a fresh browser
  // context per template cost a third of the suite's time.
  let page: Page;
  beforeAll(async () => {
    page = await browser.open('/zh/');
  });
  const visit = async (path: string) => {
    if (!(await page.goto(`${inject('baseURL')}${path}`))) throw new Error(`no response for ${path}`);
  };

  it.each(cases)('%s (%s) has no violation', async (_, path) => {
    await visit(path);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the language choice page at /index.html has no violation', async () => {
    await visit('/index.html');
    expect(await axeViolations(page)).toEqual([]);
  });
});
