import { defineConfig } from 'vitest/config';

/**
 * Four suites: unit (pure rules, fast), contract (the Store on SQLite and on PostgreSQL),
 * integration (the built site in dist/ and the running server), browser (Chromium through
 * playwright-core). `npm test` builds first and runs them all.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'contract',
          include: ['tests/contract/**/*.test.ts'],
          globalSetup: ['tests/support/postgres-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/server-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/browser-setup.ts', 'tests/support/server-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One file at a time: two Chromiums beside the other suites made the whole run slower on 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
