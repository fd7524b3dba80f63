/**
 * The editorial workflow end to end in Chromium, through the real Keystatic admin: a department
 * editor signs in at the back office, opens the CMS, writes a news item's Uyghur edition (right
 * to left) and saves it; the draft is not on the site. The editor submits it; the centre sees
 * the change against the published version, approves it, and the rebuilt site serves the Uyghur
 * edition, found by search. The portal and the editor run on their own Store, drafts tree and
 * Git repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/staff/passwords.ts';
import { openStore } from '../../src/server/store/open-store.ts';
import type { Store } from '../../src/server/store/store.ts';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';
import { startPublishingPortal, type PublishingPortal } from '../support/publishing-portal.ts';
import { axeViolations } from '../support/axe.ts';

const ITEM = '2025-03-20-spring-sowing-preparations';
const UG_TITLE = 'ئاپتونوم رايون ئەتىيازلىق تېرىلغۇ خىزمىتىنى ئورۇنلاشتۇردى';
// Typed with a presentation form (ﻻ) and an Arabic-Indic digit: the CMS stores the normal form.
const UG_ALT_TYPED = 'كۆك ئاسمان ئاستىدىكى يېشىل ئېتىزﻻر ٢';
const UG_ALT_STORED = 'كۆك ئاسمان ئاستىدىكى يېشىل ئېتىزلار 2';
const UG_BODY = 'يېزا ئىگىلىك نازارىتى تېرىلغۇ تەييارلىقى يىغىنى ئاچتى';
const PASSWORD = 'Tianshan-Editor-2026!';

let portal: PublishingPortal;
let store: Store;
let browser: Browser;

beforeAll(async () => {
  if (!chromiumPath) return;
  portal = await startPublishingPortal({}, true);
  store = await openStore({ DATA_DIR: portal.dataDir });
  const passwordHash = await hashPassword(PASSWORD);
  await store.createUser({ username: 'ayigul', displayName: '阿依古丽', role: 'handler', department: 'agriculture', passwordHash });
  await store.createUser({ username: 'lihua', displayName: '李华', role: 'centre', department: null, passwordHash });
  await store.createUser({ username: 'wangfang', displayName: '王芳', role: 'centre', department: null, passwordHash });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await store?.close();
  await portal?.stop();
});

async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${portal.base}/admin/zh/sign-in/`);
  await page.fill('#field-username', username);
  await page.fill('#field-password', PASSWORD);
  await page.click('form.admin-form button[type=submit]');
  await page.waitForURL('**/admin/zh/');
  return { context, page };
}


describe.skipIf(!chromiumPath)('editing, review and publishing in the browser', () => {
  it('an editor writes the Uyghur edition in Keystatic, the centre approves it, and the rebuilt site serves it', async () => {
    // Not signed in: the CMS sends staff to the back office's sign-in.
    const anonymous = await browser.newPage();
    await anonymous.goto(`${portal.editor}/keystatic`);
    expect(anonymous.url()).toContain(`${portal.base}/admin/zh/sign-in/`);
    await anonymous.close();

    const editor = await signedIn('ayigul');
    await editor.page.goto(`${portal.base}/admin/zh/content/`);
    const cmsLink = editor.page.locator(`a[href="${portal.editor}/keystatic"]`);
    await cmsLink.click();
    await editor.page.waitForURL(`${portal.editor}/keystatic**`);
    await editor.page.goto(`${portal.editor}/keystatic/collection/news/item/${ITEM}`);
    const ug = editor.page.locator('[lang="ug"][dir="rtl"]');
    await ug.first().locator('input').waitFor();
    // The Uyghur fields are laid out right to left.
    expect(await ug.first().locator('input').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await ug.filter({ hasText: '标题' }).locator('input').fill(UG_TITLE);
    await ug.filter({ hasText: '替代文字' }).locator('input').fill(UG_ALT_TYPED);
    await ug.locator('[contenteditable=true]').click();
    await editor.page.keyboard.type(UG_BODY);
    const saved = editor.page.waitForResponse((r) => r.url().endsWith('/api/keystatic/update'));
    await editor.page.getByRole('button', { name: '保存', exact: true }).click();
    expect((await saved).status()).toBe(200);

    const yaml = readFileSync(join(portal.drafts, 'content/news', ITEM, 'index.yaml'), 'utf8');
    expect(yaml).toContain(`ug:\n  title: ${UG_TITLE}`);
    expect(yaml).toContain(UG_ALT_STORED);
    expect(readFileSync(join(portal.drafts, 'content/news', ITEM, 'body/ug.md'), 'utf8')).toContain(UG_BODY);
    // A draft is not on the site.
    const citizen = await browser.newPage();
    await citizen.goto(`${portal.base}/ug/news/${ITEM}/`);
    expect(await citizen.locator('h1').textContent()).not.toContain(UG_TITLE);

    // The editor submits the draft from the back office.
    await editor.page.goto(`${portal.base}/admin/zh/content/`);
    await editor.page.click(`#drafts-table tr[data-item="news/${ITEM}"] a`);
    await editor.page.click('form:has(input[name=action][value=submit]) button[type=submit]');
    await editor.page.waitForURL('**?done=submit');
    expect(await editor.page.locator('dd[data-state]').getAttribute('data-state')).toBe('review');
    await editor.context.close();

    // The centre reviews the change against the published version and approves it.
    const reviewer = await signedIn('lihua');
    await reviewer.page.goto(`${portal.base}/admin/ug/content/`);
    await reviewer.page.click(`#pending-table tr[data-item="news/${ITEM}"] a`);
    expect(await reviewer.page.locator(`[data-file="content/news/${ITEM}/index.yaml"] ins`, { hasText: UG_TITLE }).count()).toBe(1);
    expect(await reviewer.page.locator(`[data-file="content/news/${ITEM}/body/ug.md"]`).getAttribute('data-change')).toBe('added');
    expect(await axeViolations(reviewer.page), 'the review page in Uyghur').toEqual([]);
    await reviewer.page.click('form:has(input[name=action][value=approve]) button[type=submit]');
    await reviewer.page.waitForURL('**?done=approve');
    const deadline = Date.now() + 150_000;
    while ((await reviewer.page.locator('dd[data-state]').getAttribute('data-state')) !== 'published') {
      expect(await reviewer.page.locator('#run-state[data-run="failed"]').count(), 'the publishing run failed').toBe(0);
      if (Date.now() > deadline) throw new Error('the site was not rebuilt within 150 s');
      await reviewer.page.waitForTimeout(1000);
      await reviewer.page.reload();
    }
    expect(await reviewer.page.locator('#history-table tbody tr').first().textContent()).toContain('阿依古丽');
    await reviewer.context.close();

    // The rebuilt site serves the Uyghur edition, and search finds it.
    await citizen.goto(`${portal.base}/ug/news/${ITEM}/`);
    expect(await citizen.locator('h1').textContent()).toContain(UG_TITLE);
    expect(await citizen.locator('main').textContent()).toContain(UG_BODY);
    await citizen.goto(`${portal.base}/ug/search/?q=${encodeURIComponent('تېرىلغۇ')}`);
    expect(await citizen.locator(`a[href="/ug/news/${ITEM}/"]`).count()).toBeGreaterThan(0);
    await citizen.close();
  }, 300_000);

  it('refuses a save over another editor’s newer one, saying so, and takes it once the editor has reloaded', async () => {
    const other = '2025-05-15-grassland-ecological-protection';
    const theirs = 'ئوتلاق ئېكولوگىيىسىنى قوغداش: ئىككىنچى تەھرىر';
    const mine = 'ئوتلاق ئېكولوگىيىسىنى قوغداش: بىرىنچى تەھرىر';
    const open = async (page: Page) => {
      await page.goto(`${portal.editor}/keystatic/collection/news/item/${other}`);
      await page.locator('[lang="ug"][dir="rtl"] input').first().waitFor();
    };
    const ugTitle = (page: Page) => page.locator('[lang="ug"][dir="rtl"]').filter({ hasText: '标题' }).locator('input');
    const save = async (page: Page) => {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/keystatic/update'));
      await page.getByRole('button', { name: '保存', exact: true }).click();
      return (await answered).status();
    };
    const stored = () => readFileSync(join(portal.drafts, 'content/news', other, 'index.yaml'), 'utf8');

    const first = await signedIn('lihua');
    const second = await signedIn('wangfang');
    await open(first.page);
    await open(second.page);
    await ugTitle(second.page).fill(theirs);
    expect(await save(second.page)).toBe(200);

    await ugTitle(first.page).fill(mine);
    expect(await save(first.page)).toBe(409);
    await first.page.getByText('其他人保存了修改').first().waitFor();
    expect(stored()).toContain(theirs);

    // Reloaded, Keystatic restores the editor's unsaved change; "Reset changes", as the refusal
    // says, shows the other editor's version, and the editor's change is saved on top of it.
    await open(first.page);
    expect(await ugTitle(first.page).inputValue()).toBe(mine);
    await first.page.getByRole('button', { name: 'Reset changes' }).click();
    expect(await ugTitle(first.page).inputValue()).toBe(theirs);
    await ugTitle(first.page).fill(mine);
    expect(await save(first.page)).toBe(200);
    expect(stored()).toContain(mine);
    await first.context.close();
    await second.context.close();
  }, 120_000);
});
