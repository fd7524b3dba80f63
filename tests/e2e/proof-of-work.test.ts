import type { BrowserContextOptions, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openStore } from '../../src/server/store/open-store.ts';
import type { Store } from '../../src/server/store/store.ts';
import { browserAvailable, useBrowser } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';

/**
 * The proof of work in a real browser, in every language: with JavaScript on, the widget shows in
 * the reader's language and direction without moving the page, the citizen sends a letter and
 * the server records that it checked the proof; the strict CSP reports nothing; axe finds nothing
 * on the form with the widget, also when the form comes back with the proof refused. With
 * JavaScript off the form takes no room for it and the letter is sent all the same.
 */
const locales = ['zh', 'ug', 'en'] as const;
const letter = {
  zh: { title: '小区路灯损坏已经一周了', body: '幸福路小区东门的路灯已经坏了一周，晚上出行很不方便。', name: '李明' },
  ug: { title: 'يول چىرىغى بۇزۇلدى', body: 'بەختلىك يولىدىكى چىراغ بىر ھەپتىدىن بۇيان بۇزۇق، كەچتە مېڭىش قىيىن.', name: 'ئەخمەت' },
  en: { title: 'Streetlight broken a week', body: 'The streetlight by the east gate has been broken for a week.', name: 'Li Ming' },
};
const refusedMessage = {
  zh: '自动验证未通过，请重新提交表单',
  ug: 'ئاپتوماتىك تەكشۈرۈشتىن ئۆتمىدى، جەدۋەلنى قايتا يوللاڭ',
  en: 'The automatic check that a person sent this form did not pass: send the form again',
};
const label = { zh: '我不是机器人', ug: 'مەن روبوت ئەمەس', en: 'I am not a robot' };
const errorText = {
  zh: '自动验证未能完成，您仍可提交表单。',
  ug: 'ئاپتوماتىك تەكشۈرۈش ئىشلىمىدى. جەدۋەلنى يەنىلا يوللىيالايسىز.',
  en: 'The automatic check did not work. You can still send the form.',
};

let n = 0;
// The test server trusts X-Forwarded-For: an address of its own per context keeps rate limits apart.
const options = (javaScriptEnabled: boolean): BrowserContextOptions => ({ javaScriptEnabled, extraHTTPHeaders: { 'x-forwarded-for': `198.18.7.${++n % 250}` } });

let store: Store | undefined;
afterAll(() => store?.close());
async function caseData(code: string) {
  store ??= await openStore({ DATA_DIR: inject('dataDir') });
  return (await store.getCaseByCode(code.replace('-', '')))?.data;
}


/** Every CSP violation and script error the page reports, kept across navigations. */
async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  // A form sent back with problems is answered 400, which Chromium logs; that is the page itself.
  const formAnswer = (m: ConsoleMessage) => /status of 400/.test(m.text()) && m.location().url.includes('/letters/write/');
  page.on('console', (m) => { if (m.type() === 'error' && !formAnswer(m)) problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.exposeFunction('reportViolation', (v: string) => problems.push(`CSP: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return problems;
}

async function fillLetter(page: Page, locale: (typeof locales)[number]) {
  await page.fill('#field-title', letter[locale].title);
  await page.fill('#field-body', letter[locale].body);
  await page.fill('#field-name', letter[locale].name);
  await page.fill('#field-phone', '0991-1234567');
  await page.check('#field-publish-no');
}

/** Sends the form and waits for the answer (which comes after the proof is solved). */
async function send(page: Page) {
  const answered = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 30_000 });
  await page.click('.letter-form button[type=submit]');
  await answered;
  await page.waitForLoadState('load');
}

describe.skipIf(!browserAvailable)('the proof of work in the browser', () => {
  const browser = useBrowser();

  it.each(locales)('%s: with JavaScript on, the widget shows in place, the letter is sent and its proof checked', async (locale) => {
    const page = await browser.open(`/${locale}/letters/write/complaint/`, options(true));
    const problems = await watchProblems(page);
    await page.reload(); // with the watchers in place from the start
    await page.waitForSelector('letter-proof altcha-widget .altcha-main');

    expect(await page.textContent('altcha-widget label')).toBe(label[locale]);
    // The room kept for the widget is its own height: nothing moved when it appeared.
    const [kept, shown] = await page.evaluate(() => [
      document.querySelector('letter-proof')!.getBoundingClientRect().height,
      document.querySelector('letter-proof .altcha')!.getBoundingClientRect().height,
    ]);
    expect(Math.abs(kept! - shown!)).toBeLessThan(1.5);
    // Right to left in Uyghur: the box at the start of the line, that is on the right.
    const box = (await page.locator('altcha-widget input[type=checkbox]').boundingBox())!;
    const text = (await page.locator('altcha-widget label').boundingBox())!;
    if (locale === 'ug') expect(box.x).toBeGreaterThan(text.x);
    else expect(box.x).toBeLessThan(text.x);
    expect(await axeViolations(page), 'the form with the widget').toEqual([]);

    await fillLetter(page, locale);
    await page.evaluate(() => {
      const widget = document.querySelector('altcha-widget')!;
      widget.addEventListener('statechange', (e) => {
        const { state } = (e as CustomEvent<{ state: string }>).detail;
        if (state === 'verifying') sessionStorage.setItem('pow-start', String(performance.timeOrigin + performance.now()));
        if (state === 'verified') sessionStorage.setItem('pow-ms', String(performance.timeOrigin + performance.now() - Number(sessionStorage.getItem('pow-start'))));
      });
    });
    await send(page);
    const [code] = await page.locator('.letter-sent__value bdi').allTextContents();
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    console.log(`${locale}: proof of work solved in ${Math.round(Number(await page.evaluate(() => sessionStorage.getItem('pow-ms'))))} ms`);
    expect((await caseData(code!))?.proofOfWork).toBe('verified');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('ticking the box and sending at once: the form waits for the proof, then goes with it', async () => {
    const page = await browser.open('/en/letters/write/suggestion/', options(true));
    await page.waitForSelector('letter-proof altcha-widget .altcha-main');
    await fillLetter(page, 'en');
    // The challenge is held back a moment, so the box is still being worked on when the form is sent.
    await page.route('**/api/v1/challenge*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.click('altcha-widget label');
    expect(await page.locator('altcha-widget').evaluate((w) => String((w as unknown as { getState: () => string }).getState()))).toBe('verifying');
    await send(page);
    const [code] = await page.locator('.letter-sent__value bdi').allTextContents();
    expect((await caseData(code!))?.proofOfWork).toBe('verified');
    await page.context().close();
  });

  it.each(locales)('%s: a refused proof brings the form back with the message, the widget again, and nothing for axe', async (locale) => {
    const page = await browser.open(`/${locale}/letters/write/mailbox/`, options(true));
    const problems = await watchProblems(page);
    await page.reload();
    await page.waitForSelector('letter-proof altcha-widget .altcha-main');
    await fillLetter(page, locale);
    // A payload the server cannot accept, in the widget's own field.
    await page.evaluate(() => {
      (document.querySelector('altcha-widget') as unknown as { configure(options: { auto: string }): void }).configure({ auto: 'off' });
      document.querySelector<HTMLInputElement>('altcha-widget input[type=hidden][name=altcha]')!.value = btoa('{"forged":true}');
    });
    await send(page);
    expect(await page.textContent('.error-summary a[href="#field-verification"]')).toBe(refusedMessage[locale]);
    expect(await page.inputValue('#field-title')).toBe(letter[locale].title);
    await page.waitForSelector('letter-proof altcha-widget .altcha-main');
    expect(await page.getAttribute('altcha-widget input[type=checkbox]', 'aria-describedby')).toBe('field-verification-error');
    expect(await axeViolations(page), 'the form with the proof refused').toEqual([]);

    // Sent again as it is, with a fresh proof: accepted.
    await page.check('#field-publish-no');
    await page.fill('#field-phone', '0991-1234567');
    await send(page);
    const [code] = await page.locator('.letter-sent__value bdi').allTextContents();
    expect((await caseData(code!))?.proofOfWork).toBe('verified');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each(locales)('%s: when no challenge can be had, the widget says so in the reader’s language and the letter still goes, without a proof', async (locale) => {
    const page = await browser.open(`/${locale}/letters/write/consultation/`, options(true));
    const problems = await watchProblems(page);
    await page.route('**/api/v1/challenge', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"unavailable"}' }));
    await page.reload();
    await page.waitForSelector('letter-proof altcha-widget .altcha-main');
    await fillLetter(page, locale);
    if (locale === 'zh') {
      // Sent straight away: one press, and the letter goes without a proof.
      await send(page);
    } else {
      // Ticked first: the failure is shown (no English tooltip), nothing for axe; then sent.
      await page.click('altcha-widget label');
      const message = page.locator('altcha-widget .altcha-error');
      await expect.poll(() => message.textContent()).toBe(errorText[locale]);
      await expect.poll(() => message.getAttribute('title')).toBeNull();
      expect(await axeViolations(page), 'the widget with its error').toEqual([]);
      await send(page);
    }
    const [code] = await page.locator('.letter-sent__value bdi').allTextContents();
    expect((await caseData(code!))?.proofOfWork).toBe('none');
    // Chromium logs the refused challenge itself; nothing else may be reported.
    expect(problems.filter((p) => !/status of 503/.test(p))).toEqual([]);
    await page.context().close();
  });

  it.each(locales)('%s: with JavaScript off, nothing shows or takes room, and the letter is sent without a proof', async (locale) => {
    const page = await browser.open(`/${locale}/letters/write/suggestion/`, options(false));
    expect(await page.locator('letter-proof').evaluate((e) => e.getBoundingClientRect().height)).toBe(0);
    expect(await page.locator('altcha-widget').count()).toBe(0);
    await fillLetter(page, locale);
    await send(page);
    const [code] = await page.locator('.letter-sent__value bdi').allTextContents();
    expect((await caseData(code!))?.proofOfWork).toBe('none');
    await page.context().close();
  });
});
