import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserAvailable, useBrowser } from '../support/browser.ts';
import { items } from '../support/content.ts';

const ugArticle = items('news').find((n) => n.data.ug)!;
const services = items('services');
const onlineService = services.find((s) => s.data.form)!;
const chargedService = services.find((s) => s.data.charged)!;

describe.skipIf(!browserAvailable)('layout, direction and keyboard in Chromium', () => {
  const browser = useBrowser();

  it('the skip link is the first stop and moves focus to the main content', async () => {
    const page = await browser.open('/zh/news/');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ cls: document.activeElement?.className, text: document.activeElement?.textContent }));
    expect(first.cls).toBe('skip-link');
    const box = await page.locator('.skip-link').boundingBox();
    expect(box && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  it('the main navigation works by keyboard alone', async () => {
    const page = await browser.open('/en/');
    let focused = '';
    for (let i = 0; i < 30 && focused !== '/en/publishing/'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? '');
    }
    expect(focused).toBe('/en/publishing/');
    await Promise.all([page.waitForURL('**/en/publishing/'), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe('Information');
    await page.context().close();
  });

  it('on /ug/ the navigation starts at the right edge and runs leftwards', async () => {
    const page = await browser.open('/ug/');
    const boxes = await page.locator('nav.main-nav a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().toJSON() as DOMRect));
    const list = await page.locator('nav.main-nav ul').evaluate((ul) => {
      const r = ul.getBoundingClientRect();
      const style = getComputedStyle(ul);
      return { right: r.right - parseFloat(style.paddingRight) };
    });
    expect(Math.abs(boxes[0]!.right - list.right)).toBeLessThan(2);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.right).toBeLessThanOrEqual(boxes[i - 1]!.left + 1);
    // Chinese runs the other way.
    const zh = await browser.open('/zh/');
    const zhBoxes = await zh.locator('nav.main-nav a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().left));
    expect(zhBoxes[1]!).toBeGreaterThan(zhBoxes[0]!);
    await page.context().close();
    await zh.context().close();
  });

  it('a Uyghur date inside Uyghur text reads year, month, day from the right', async () => {
    const page = await browser.open(`/ug/news/${ugArticle.slug}/`);
    const order = await page.locator('.article__facts time').evaluate((time) => {
      const text = time.firstChild as Text;
      const rectOf = (needle: RegExp) => {
        const m = needle.exec(text.data)!;
        const range = document.createRange();
        range.setStart(text, m.index);
        range.setEnd(text, m.index + m[0].length);
        return range.getBoundingClientRect();
      };
      const [year, month, day] = [/^\d{4}/, /(?<= )\d{1,2}(?=-ئاي)/, /(?<= )\d{1,2}(?=-كۈن)/].map(rectOf);
      return { year: year!.left, month: month!.left, day: day!.left, text: text.data };
    });
    expect(order.text).toMatch(/^\d{4}-يىلى \d{1,2}-ئاينىڭ \d{1,2}-كۈنى$/);
    expect(order.year).toBeGreaterThan(order.month);
    expect(order.month).toBeGreaterThan(order.day);
    await page.context().close();
  });

  it('Uyghur text is set in the self-hosted Uyghur font', async () => {
    const page = await browser.open('/ug/');
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      const family = getComputedStyle(document.querySelector('h1, h2')!).fontFamily;
      return { family, ok: document.fonts.check('18px "Portal Uyghur"', 'ئۇيغۇرچە'), faces: [...document.fonts].filter((f) => f.family.includes('Portal Uyghur') && f.status === 'loaded').length };
    });
    expect(loaded.family).toMatch(/^"?Portal Uyghur/);
    expect(loaded.ok).toBe(true);
    expect(loaded.faces).toBeGreaterThan(0);
    await page.context().close();
  });

  it('a phone number in Uyghur text keeps its left-to-right order', async () => {
    const page = await browser.open('/ug/');
    const parts = await page.locator('.site-footer__facts bdi').nth(1).evaluate((bdi) => {
      const text = bdi.firstChild as Text;
      const dash = text.data.indexOf('-');
      const range = (a: number, b: number) => {
        const r = document.createRange();
        r.setStart(text, a);
        r.setEnd(text, b);
        return r.getBoundingClientRect().left;
      };
      return { area: range(0, dash), local: range(dash + 1, text.data.length), text: text.data };
    });
    expect(parts.text).toMatch(/^0\d{2,3}-\d{7,8}$/);
    expect(parts.area).toBeLessThan(parts.local);
    await page.context().close();
  });

  const narrow = ['/', '/news/', `/news/${ugArticle.slug}/`, '/departments/education/', '/services/', '/services/a-z/', `/services/${onlineService.slug}/`, `/services/${chargedService.slug}/`, '/sitemap/', '/leaders/'];
  it.each(['zh', 'ug', 'en'])('%s pages fit a 320 px screen without sideways scrolling', async (locale) => {
    for (const path of narrow) {
      const page = await browser.open(`/${locale}${path}`, { viewport: { width: 320, height: 640 } });
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, path).toBeLessThanOrEqual(widths.client);
      await page.context().close();
    }
  });

  it('writes screenshots of the three home pages to test-output/', async () => {
    mkdirSync('test-output', { recursive: true });
    for (const locale of ['zh', 'ug', 'en']) {
      const page = await browser.open(`/${locale}/`);
      await page.screenshot({ path: `test-output/home-${locale}.png`, fullPage: true });
      await page.context().close();
    }
  });

  it('the elderly mode enlarges text and is remembered', async () => {
    const page = await browser.open('/zh/news/');
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const before = await size();
    await page.getByRole('button', { name: '长辈版' }).click();
    expect(await page.getByRole('button', { name: '长辈版' }).getAttribute('aria-pressed')).toBe('true');
    expect(await size()).toBeGreaterThanOrEqual(Math.max(20, before * 1.2));
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(true);
    await page.context().close();
  });
});

describe.skipIf(!browserAvailable)('the disclosure catalogue', () => {
  const browser = useBrowser();

  it('filters by keyboard alone', async () => {
    const page = await browser.open('/zh/policies/');
    await page.focus('#filter-genre');
    const genre = await page.$eval('#filter-genre option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
    await page.keyboard.press('ArrowDown');
    expect(await page.$eval('#filter-genre', (s) => (s as HTMLSelectElement).value)).toBe(genre);
    let onSubmit = false;
    for (let i = 0; i < 12 && !onSubmit; i++) {
      await page.keyboard.press('Tab');
      onSubmit = await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.type === 'submit');
    }
    expect(onSubmit).toBe(true);
    await Promise.all([page.waitForURL(/\/zh\/policies\/filter\/\?/), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('genre')).toBe(genre);
    const genres = await page.$$eval('[data-testid="catalogue"] tbody tr', (rows) => rows.length);
    expect(genres).toBeGreaterThan(0);
    expect(await page.$eval('#filter-genre', (s) => (s as HTMLSelectElement).value)).toBe(genre);
    await page.context().close();
  });
});

describe.skipIf(!browserAvailable)('with JavaScript off', () => {
  const browser = useBrowser();

  it('a reader can browse, switch language and search', async () => {
    const page = await browser.open('/ug/news/', { javaScriptEnabled: false });
    expect(await page.locator('.article-list a').count()).toBe(20);
    await Promise.all([page.waitForURL(/\/ug\/news\/[^/]+\/$/), page.locator('.article-list a').first().click()]);
    expect(await page.locator('article h1').textContent()).toBeTruthy();
    await Promise.all([page.waitForURL(/\/en\/news\/[^/]+\/$/), page.locator('.lang-switch a[lang="en"]').click()]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.fill('#site-search', 'heating');
    await Promise.all([page.waitForURL(/\/en\/search\/\?q=heating/), page.press('#site-search', 'Enter')]);
    expect(await page.locator('h1').textContent()).toBe('Search');
    // The elderly-mode button needs a script; without one it stays out of the way.
    expect(await page.locator('.elder-toggle').isHidden()).toBe(true);
    await page.context().close();
  });
});
