import { describe, expect, it } from 'vitest';
import { browserAvailable, useBrowser } from '../support/browser.ts';

/** The search page in a real browser: as-you-type results, filters, keyboard, right to left. */
describe.skipIf(!browserAvailable)('searching in the browser', () => {
  const browser = useBrowser();

  it('shows results as the reader types and announces the count', async () => {
    const page = await browser.open('/zh/search/');
    const status = page.locator('[data-testid="search-status"]');
    const before = await status.textContent();
    await page.locator('#search-q').pressSequentially('医疗保险', { delay: 30 });
    await page.waitForFunction(() => document.querySelectorAll('.search-results li').length > 0);
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).not.toBe(before);
    expect(await status.textContent()).toMatch(/找到 \d+ 条结果/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('医疗保险');
    expect(await page.locator('.search-result__excerpt mark').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('narrows the results with a filter chosen by keyboard', async () => {
    const page = await browser.open('/en/search/?q=region');
    const total = async () => Number((await page.locator('[data-testid="search-status"]').textContent())!.match(/\d+/)![0]);
    const all = await total();
    await page.focus('#search-type');
    await page.selectOption('#search-type', 'policy');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === 'policy');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="search-status"]')!.textContent!.match(/\d+/)![0]) !== n, all);
    expect(await total()).toBeLessThan(all);
    const urls = await page.locator('.search-result__title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(urls.every((u) => u!.startsWith('/en/policies/'))).toBe(true);
    await page.context().close();
  });

  it('loads more results on demand', async () => {
    const page = await browser.open('/zh/search/?q=2025');
    const count = () => page.locator('.search-results > li').count();
    expect(await count()).toBe(10);
    await page.getByRole('button', { name: '更多结果' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.search-results > li').length > 10);
    expect(await count()).toBeGreaterThan(10);
    await page.context().close();
  });

  it('finds Uyghur pages from a query typed in Latin Uyghur, laid out right to left', async () => {
    const page = await browser.open('/ug/search/?q=hokumet');
    expect(await page.locator('.search-results > li').count()).toBeGreaterThan(0);
    const first = await page.locator('.search-result__title').first().evaluate((a) => getComputedStyle(a).direction);
    expect(first).toBe('rtl');
    await page.context().close();
  });

  it('works with JavaScript off: the form submits and the server answers', async () => {
    const page = await browser.open('/ug/search/', { javaScriptEnabled: false });
    await page.fill('#search-q', 'ھۆكۈمەت');
    await Promise.all([page.waitForURL(/q=/), page.press('#search-q', 'Enter')]);
    expect(await page.locator('.search-results > li').count()).toBeGreaterThan(0);
    expect(await page.locator('.pagination a[rel="next"]').count()).toBe(1);
    await page.context().close();
  });
});
