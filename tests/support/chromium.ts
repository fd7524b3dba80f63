import { existsSync } from 'node:fs';

/**
 * The browser for the browser suite: Debian's Chromium (apt-get install chromium), or the
 * one named by CHROMIUM_PATH. Where there is none, the suite is skipped with a message,
 * unless REQUIRE_BROWSER=1 (as in CI), where a missing browser is a failure.
 */
export const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => !!p && existsSync(p),
);
export const browserRequired = process.env.REQUIRE_BROWSER === '1';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
