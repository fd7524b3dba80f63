import { afterAll, beforeAll, inject } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.ts';

/** One Chromium per test file; pages open against the server the suite started. */
export function useBrowser() {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (chromiumPath) browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, ...options });
      const page = await context.newPage();
      const res = await page.goto(`${inject('baseURL')}${path}`);
      if (!res) throw new Error(`no response for ${path}`);
      return page;
    },
  };
}

export const browserAvailable = !!chromiumPath;
