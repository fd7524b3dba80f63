import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, useBrowser } from '../support/browser.ts';
import { sendLetter, STAFF_PASSWORD, testStore } from '../support/staff.ts';
import { hashPassword } from '../../src/server/staff/passwords.ts';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { axeViolations } from '../support/axe.ts';

/**
 * The back office in Chromium: axe (WCAG 2.2 AA) on every back-office page in all three
 * languages, and a letter's whole journey with JavaScript off — the centre accepts and
 * assigns, the department replies, the centre publishes, and the citizen reads the reply.
 */
const locales = ['zh', 'ug', 'en'] as const;
let n = 0;
const options = (javaScriptEnabled: boolean) => ({ javaScriptEnabled, extraHTTPHeaders: { 'x-forwarded-for': `198.18.0.${++n % 250}` } });


let serial = 0;
async function account(role: 'admin' | 'centre' | 'handler', department: string | null = null) {
  const username = `b${role}.${process.pid}.${++serial}`;
  await (await testStore()).createUser({ username, displayName: `${role} ${serial}`, role, department, passwordHash: await hashPassword(STAFF_PASSWORD) });
  return username;
}

async function signIn(page: Page, locale: string, username: string) {
  await page.goto(new URL(`/admin/${locale}/`, page.url()).href);
  await page.fill('#field-username', username);
  await page.fill('#field-password', STAFF_PASSWORD);
  await page.click('form.admin-form button[type=submit]');
  await page.waitForURL(`**/admin/${locale}/`);
}

/** A news item whose draft (a Uyghur title added) waits for review, in the test server's drafts tree. */
async function itemInReview(item: string, by: string) {
  const drafts = join(inject('dataDir'), 'drafts', 'content', 'news', item);
  cpSync(join('content', 'news', item), drafts, { recursive: true });
  const yaml = readFileSync(join(drafts, 'index.yaml'), 'utf8');
  writeFileSync(join(drafts, 'index.yaml'), yaml.includes('\nug:') ? yaml.replace(/^ug:\n  title: .*$/m, 'ug:\n  title: يېڭى ماۋزۇ') : `${yaml}ug:\n  title: يېڭى ماۋزۇ\n`);
  const store = await testStore();
  const user = (await store.getUserByUsername(by))!;
  const saved = await store.putContentItem({ collection: 'news', item, version: 0, department: /^department: (\S+)$/m.exec(yaml)?.[1] ?? null, state: 'review', editorId: user.id, submittedBy: user.id, submittedAt: new Date(), note: null });
  return saved;
}
const REVIEW_ITEMS = { zh: '2025-03-20-spring-sowing-preparations', ug: '2025-05-15-grassland-ecological-protection', en: '2026-04-23-river-chief-inspection' } as const;

describe.skipIf(!browserAvailable)('the back office in the browser', () => {
  const browser = useBrowser();

  it.each(locales)('%s: every back-office page passes axe', async (locale) => {
    const { code } = await sendLetter();
    const admin = await account('admin');
    const page = await browser.open(`/admin/${locale}/sign-in/`, options(true));
    page.setDefaultTimeout(10_000);
    const check = async (what: string) => expect(await axeViolations(page), what).toEqual([]);
    await check('sign-in');
    await page.fill('#field-username', admin);
    await page.fill('#field-password', 'not-the-password');
    await page.click('form.admin-form button[type=submit]');
    expect(await page.locator('.error-summary').count()).toBe(1);
    await check('sign-in refused');
    await signIn(page, locale, admin);
    await check('inbox');
    await page.goto(new URL(`/admin/${locale}/?state=submitted&due=soon`, page.url()).href);
    await check('inbox filtered');
    await page.goto(new URL(`/admin/${locale}/cases/${code}/`, page.url()).href);
    expect(await page.locator('form#action-accept').count()).toBe(1);
    await check('case page');
    await page.fill('#notAccept-reason', ' ');
    await page.click('form#action-notAccept button[type=submit]');
    expect(await page.locator('.error-summary').count()).toBe(1);
    await check('case page with a refused action');
    await page.click('form#action-accept button[type=submit]');
    await page.waitForURL('**?done=accept');
    await check('case page after an action');
    for (const path of ['/users/', `/users/${admin}/`, '/audit/', '/translations/', '/account/']) {
      await page.goto(new URL(`/admin/${locale}${path}`, page.url()).href);
      await check(path);
    }
    await itemInReview(REVIEW_ITEMS[locale], admin);
    await page.goto(new URL(`/admin/${locale}/content/`, page.url()).href);
    expect(await page.locator('#pending-table tr[data-item]').count()).toBeGreaterThan(0);
    await check('content');
    await page.goto(new URL(`/admin/${locale}/content/news/${REVIEW_ITEMS[locale]}/`, page.url()).href);
    expect(await page.locator('.diff ins').count()).toBeGreaterThan(0);
    await check('content item with its changes');
    await page.click('form:has(input[name=action][value=return]) button[type=submit]');
    expect(await page.locator('.error-summary').count()).toBe(1);
    await check('content item with a refused action');
    await page.goto(new URL(`/admin/${locale}/users/`, page.url()).href);
    await page.click('form.admin-form button[type=submit]');
    expect(await page.locator('.error-summary').count()).toBe(1);
    await check('account form with errors');
    for (const path of ['/letters/published/', '/letters/statistics/']) {
      await page.goto(new URL(`/${locale}${path}`, page.url()).href);
      await check(path);
    }
    await page.context().close();
  });

  it('the translation report fits a 320 px screen in every language: its tables scroll in their own box', async () => {
    const admin = await account('admin');
    for (const locale of locales) {
      const page = await browser.open(`/admin/${locale}/sign-in/`, { ...options(false), viewport: { width: 320, height: 640 } });
      page.setDefaultTimeout(10_000);
      await signIn(page, locale, admin);
      await page.goto(new URL(`/admin/${locale}/translations/`, page.url()).href);
      expect(await page.locator('#missing-table').count()).toBe(1);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, locale).toBeLessThanOrEqual(widths.client);
      await page.context().close();
    }
  });

  it('a letter from the citizen to the department and back, with JavaScript off', async () => {
    const { code, pin } = await sendLetter({ title: '请修复幸福路的路灯和人行道', publish: true });
    const centre = await account('centre');
    const handler = await account('handler', 'housing');

    const staffPage = await browser.open('/admin/zh/sign-in/', options(false));
    staffPage.setDefaultTimeout(10_000);
    await signIn(staffPage, 'zh', centre);
    await staffPage.click(`a[href="/admin/zh/cases/${code}/"]`);
    await staffPage.click('form#action-accept button[type=submit]');
    await staffPage.selectOption('#assign-department', 'housing');
    await staffPage.click('form#action-assign button[type=submit]');
    expect(await staffPage.locator('.flash').textContent()).toContain('交办');

    const handlerPage = await browser.open('/admin/ug/sign-in/', options(false));
    handlerPage.setDefaultTimeout(10_000);
    await signIn(handlerPage, 'ug', handler);
    await handlerPage.click(`a[href="/admin/ug/cases/${code}/"]`);
    const reply = 'ھۆرمەتلىك ئاھالە، چىراغ ۋە پىيادىلەر يولى بۇ ھەپتە رېمونت قىلىنىدۇ.';
    await handlerPage.fill('#reply-text', reply);
    await handlerPage.check('form#action-reply input[value="public"]');
    await handlerPage.click('form#action-reply button[type=submit]');
    expect(await handlerPage.locator('.case-text').last().textContent()).toContain('ھۆرمەتلىك');

    await staffPage.reload();
    await staffPage.fill('#publish-body', '幸福路的路灯坏了，人行道也有破损，请修复。');
    await staffPage.click('form#action-publish button[type=submit]');
    await staffPage.waitForURL('**?done=publish');

    const citizen = await browser.open('/zh/letters/status/', options(false));
    await citizen.fill('#field-code', code);
    await citizen.fill('#field-pin', pin);
    await citizen.click('.letter-form button[type=submit]');
    expect(await citizen.locator('.letter-reply__text').textContent()).toBe(reply);

    await citizen.goto(new URL('/zh/letters/published/', citizen.url()).href);
    const published = citizen.locator('.published-letter', { hasText: '幸福路的路灯坏了，人行道也有破损' });
    expect(await published.count()).toBe(1);
    expect(await published.textContent()).toContain(reply);
    for (const p of [staffPage, handlerPage, citizen]) await p.context().close();
  });
});
