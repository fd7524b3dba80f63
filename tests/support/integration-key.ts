import { createHash } from 'node:crypto';

/** The API key the test server knows as the integration `hotline-test` (see server-setup.ts). */
export const TEST_API_KEY = 'test-hotline-key-000000000000000000000000';
export const TEST_API_CLIENTS = `hotline-test:${createHash('sha256').update(TEST_API_KEY).digest('hex')}`;
