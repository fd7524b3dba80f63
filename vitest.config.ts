import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Four suites: unit (pure rules, fast), contract (the Store on SQLite and on PostgreSQL),
 * integration (the built site in dist/ and the running server), browser (Chromium through
 * playwright-core). `npm test` builds first and runs them all.
 */
export default defineConfig({
  test: {
    // At least two files at once even on 2 cores (Vitest's default there is one): the integration
    // files spend most of their time waiting on the server, a separate process.
    maxWorkers: Math.max(2, availableParallelism() - 1),
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
