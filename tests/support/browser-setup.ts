import { browserRequired, chromiumPath } from './chromium.ts';

/** Says plainly when the browser suite cannot run, and fails where it must run. */
export function setup() {
  if (chromiumPath) return;
  const message =
    'Browser tests SKIPPED: no Chromium found (looked for $CHROMIUM_PATH, /usr/bin/chromium). ' +
    "Install it with `apt-get install chromium fonts-noto-cjk` (Debian) or set CHROMIUM_PATH; `.ci/run` does this.";
  if (browserRequired) throw new Error(`${message} REQUIRE_BROWSER=1 makes this a failure.`);
  console.warn(`\n\x1b[33m${message}\x1b[0m\n`);
}
