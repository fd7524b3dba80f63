import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, useBrowser } from '../support/browser.ts';
import { definitionOf, departmentOf, fileFor, validValue } from '../support/applications.ts';
import { STAFF_PASSWORD, testStore } from '../support/staff.ts';
import { hashPassword } from '../../src/server/staff/passwords.ts';
import { axeViolations } from '../support/axe.ts';

/**
 * Online applications in Chromium: axe on the application form (empty and with errors), the
 * confirmation, the status page with a correction request, the decision and the rating form,
 * the ratings page and the question page, in all three languages; and an applicant who applies,
 * corrects and rates with JavaScript off while the department handles it in the back office.
 */
const locales = ['zh', 'ug', 'en'] as const;
const code = '050600101000';
let n = 0;
const options = (javaScriptEnabled: boolean) => ({ javaScriptEnabled, extraHTTPHeaders: { 'x-forwarded-for': `198.19.0.${++n % 250}` } });


/** Fills the form of `code` on the page with values that pass, choosing a PDF for each file field. */
async function fill(page: Page) {
  for (const f of definitionOf(code).fields) {
    const sel = `#field-${f.id}`;
    if (f.type === 'file') {
      const file = await fileFor(f);
      await page.setInputFiles(sel, { name: file.name, mimeType: file.type, buffer: Buffer.from(file.bytes) });
    } else if (f.type === 'choice') {
      for (const v of validValue(f)) await page.check(`${sel} input[value="${v}"]`);
    } else await page.fill(sel, validValue(f) as string);
  }
}

let serial = 0;
async function handler() {
  const username = `apph.${process.pid}.${++serial}`;
  await (await testStore()).createUser({ username, displayName: 'handler', role: 'handler', department: departmentOf(code), passwordHash: await hashPassword(STAFF_PASSWORD) });
  return username;
}

describe.skipIf(!browserAvailable)('online applications in the browser', () => {
  const browser = useBrowser();

  it.each(locales)('%s: apply, be asked for corrections, correct, and rate — with JavaScript off; axe on every page (JavaScript on)', async (locale) => {
    // Applicant, JavaScript off.
    const applicant = await browser.open(`/${locale}/services/${code}/apply/`, options(false));
    applicant.setDefaultTimeout(15_000);
    await applicant.click('.application-form button[type=submit]');
    expect(await applicant.locator('.error-summary a').count()).toBeGreaterThan(0);
    await fill(applicant);
    await applicant.click('.application-form button[type=submit]');
    const [tracking, pin] = await applicant.locator('.letter-sent__value bdi').allTextContents();
    expect(pin).toMatch(/^\d{6}$/);
    const caseCode = tracking!.replace('-', '');

    // The department asks for corrections.
    const staff = await browser.open('/admin/zh/sign-in/', options(false));
    staff.setDefaultTimeout(15_000);
    await staff.fill('#field-username', await handler());
    await staff.fill('#field-password', STAFF_PASSWORD);
    await staff.click('form.admin-form button[type=submit]');
    await staff.goto(new URL(`/admin/zh/cases/${caseCode}/`, staff.url()).href);
    await staff.fill('#requestCorrection-reason', '请上传加盖公章的证明材料。');
    await staff.click('form#action-requestCorrection button[type=submit]');

    // The applicant sees the request and sends the form again.
    await applicant.click('a[href$="/services/status/"]');
    await applicant.fill('#field-code', tracking!);
    await applicant.fill('#field-pin', pin!);
    await applicant.click('.letter-form button[type=submit]');
    expect(await applicant.locator('.notice').first().textContent()).toContain('请上传加盖公章的证明材料。');
    await applicant.click('.application-form button[type=submit]');
    expect(await applicant.locator('[role=status]').first().textContent()).toBeTruthy();

    // The department accepts, decides with a document, and completes.
    await staff.reload();
    await staff.click('form#action-accept button[type=submit]');
    await staff.check('form#action-reply input[value="approved"]');
    await staff.fill('#reply-text', '经审查，准予办理。');
    await staff.setInputFiles('#reply-resultFile', { name: 'decision.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await staff.click('form#action-reply button[type=submit]');
    await staff.click('form#action-close button[type=submit]');
    await staff.waitForURL('**?done=close');

    // axe, with JavaScript on, on each kind of page the applicant met.
    const page = await browser.open(`/${locale}/services/${code}/apply/`, options(true));
    page.setDefaultTimeout(15_000);
    expect(await axeViolations(page), 'form').toEqual([]);
    await page.click('.application-form button[type=submit]');
    expect(await axeViolations(page), 'form with errors').toEqual([]);
    await page.goto(new URL(`/${locale}/services/status/`, page.url()).href);
    await page.fill('#field-code', tracking!);
    await page.fill('#field-pin', pin!);
    await page.click('.letter-form button[type=submit]');
    expect(await axeViolations(page), 'status with the decision and the rating form').toEqual([]);
    for (const path of [`/services/${code}/ratings/`, `/services/${code}/ask/`]) {
      await page.goto(new URL(`/${locale}${path}`, page.url()).href);
      expect(await axeViolations(page), path).toEqual([]);
    }
    // The applicant reads the decision and rates, JavaScript still off.
    await applicant.goto(new URL(`/${locale}/services/status/`, applicant.url()).href);
    await applicant.fill('#field-code', tracking!);
    await applicant.fill('#field-pin', pin!);
    await applicant.click('.letter-form button[type=submit]');
    expect(await applicant.locator('#decision-title').count()).toBe(1);
    await applicant.check('#score-5');
    await applicant.click('form:has(#score-5) button[type=submit]');
    expect(await applicant.locator('#rating-title').count()).toBe(1);
    expect(await applicant.locator('#score-5').count()).toBe(0);

    const office = await browser.open(`/admin/${locale}/sign-in/`, options(true));
    await office.fill('#field-username', await handler());
    await office.fill('#field-password', STAFF_PASSWORD);
    await office.click('form.admin-form button[type=submit]');
    await office.goto(new URL(`/admin/${locale}/cases/${caseCode}/`, office.url()).href);
    expect(await axeViolations(office), 'back-office page of a rated application').toEqual([]);
    for (const p of [applicant, staff, page, office]) await p.context().close();
  });

  it('axe on the status page while a correction is awaited, and on the confirmation', async () => {
    const page = await browser.open(`/ug/services/${code}/apply/`, options(true));
    page.setDefaultTimeout(15_000);
    await fill(page);
    await page.click('.application-form button[type=submit]');
    expect(await axeViolations(page), 'confirmation').toEqual([]);
    const [tracking, pin] = await page.locator('.letter-sent__value bdi').allTextContents();
    const staff = await browser.open('/admin/ug/sign-in/', options(true));
    await staff.fill('#field-username', await handler());
    await staff.fill('#field-password', STAFF_PASSWORD);
    await staff.click('form.admin-form button[type=submit]');
    await staff.goto(new URL(`/admin/ug/cases/${tracking!.replace('-', '')}/`, staff.url()).href);
    expect(await axeViolations(staff), 'back-office application page').toEqual([]);
    await staff.fill('#requestCorrection-reason', 'ماتېرىيالنى تولۇقلاڭ.');
    await staff.click('form#action-requestCorrection button[type=submit]');
    await page.goto(new URL('/ug/services/status/', page.url()).href);
    await page.fill('#field-code', tracking!);
    await page.fill('#field-pin', pin!);
    await page.click('.letter-form button[type=submit]');
    expect(await page.locator('#correction-title').count()).toBe(1);
    expect(await axeViolations(page), 'status with a correction request').toEqual([]);
    for (const p of [page, staff]) await p.context().close();
  });
});
