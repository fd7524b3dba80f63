import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, useBrowser } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';

/**
 * A citizen writes a letter and looks it up with JavaScript off, in every language; axe
 * (WCAG 2.2 AA) checks the form empty and with errors, the confirmation and the status pages.
 */
const locales = ['zh', 'ug', 'en'] as const;
let n = 0;
// The test server trusts X-Forwarded-For: a fresh address per context keeps rate limits apart.
// axe runs inside the page, so the pages it checks are opened with JavaScript on; the citizen's
// journey itself is also walked with JavaScript off.
const options = (javaScriptEnabled: boolean) => ({ javaScriptEnabled, extraHTTPHeaders: { 'x-forwarded-for': `203.0.113.${++n % 250}` } });


const letter = {
  zh: { title: '小区路灯损坏已经一周了', body: '幸福路小区东门的路灯已经坏了一周，晚上出行很不方便。', name: '李明' },
  ug: { title: 'يول چىرىغى بۇزۇلدى', body: 'بەختلىك يولىدىكى چىراغ بىر ھەپتىدىن بۇيان بۇزۇق، كەچتە مېڭىش قىيىن.', name: 'ئەخمەت' },
  en: { title: 'Streetlight broken a week', body: 'The streetlight by the east gate has been broken for a week.', name: 'Li Ming' },
};

/**
 * Sends the form and waits for the answer. With JavaScript on, the letter form first solves its
 * proof of work, so the page goes on only after a second or so, not at the click.
 */
async function send(page: Page) {
  const answered = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 30_000 });
  await page.click('.letter-form button[type=submit]');
  await answered;
  await page.waitForLoadState('load');
}

describe.skipIf(!browserAvailable)('letters in the browser', () => {
  const browser = useBrowser();

  const journeys = locales.flatMap((locale) => [[locale, 'JavaScript off', false], [locale, 'axe on every page', true]] as const);
  it.each(journeys)('%s: a citizen sends a letter and looks it up (%s)', async (locale, _, js) => {
    const axe = js ? axeViolations : async () => [];
    const page = await browser.open(`/${locale}/letters/write/consultation/`, options(js));
    page.setDefaultTimeout(10_000);
    expect(await axe(page), 'empty form').toEqual([]);

    // Sent with mistakes first: the form comes back with a summary, messages and the typed text.
    await page.fill('#field-title', letter[locale].title);
    await page.fill('#field-body', letter[locale].body);
    await send(page);
    expect(await page.locator('.error-summary a').count()).toBe(3); // publish, name, phone
    expect(await page.inputValue('#field-title')).toBe(letter[locale].title);
    expect(await axe(page), 'form with errors').toEqual([]);
    await page.click('.error-summary a[href="#field-name"]');
    expect(await page.evaluate(() => location.hash)).toBe('#field-name');

    await page.fill('#field-name', letter[locale].name);
    await page.fill('#field-phone', '0991-1234567');
    await page.check('#field-publish-no');
    await send(page);
    const [code, pin] = await page.locator('.letter-sent__value bdi').allTextContents();
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(pin).toMatch(/^\d{6}$/);
    expect(await axe(page), 'confirmation').toEqual([]);

    await page.click('a[href$="/letters/status/"].button');
    expect(await axe(page), 'status form').toEqual([]);
    await page.fill('#field-code', code!);
    await page.fill('#field-pin', pin!);
    await send(page);
    expect(page.url()).not.toContain(pin!);
    await expect.poll(() => page.locator('main').textContent()).toContain(letter[locale].title);
    expect(await axe(page), 'status').toEqual([]);

    await page.click(`a[href="/${locale}/letters/status/"]`);
    await page.fill('#field-code', code!);
    await page.fill('#field-pin', '000000' === pin ? '111111' : '000000');
    await send(page);
    expect(await page.locator('.error-summary').count()).toBe(1);
    expect(await axe(page), 'status with the generic error').toEqual([]);
    await page.context().close();
  });

  it.each(locales)('%s: the letters page and the interaction hub link to writing and looking up', async (locale) => {
    const page = await browser.open(`/${locale}/interaction/`, options(false));
    await page.click(`a[href="/${locale}/letters/"]`);
    expect(await page.locator(`a[href^="/${locale}/letters/write/"]`).count()).toBe(4);
    expect(await page.locator(`a[href="/${locale}/letters/status/"]`).count()).toBeGreaterThan(0);
    await page.context().close();
    const checked = await browser.open(`/${locale}/letters/`, options(true));
    expect(await axeViolations(checked), 'letters page').toEqual([]);
    await checked.context().close();
  });
});
