/**
 * Published letters and staff accounts that can be switched off:
 * - `cases.published_at`: when the centre published the letter and its reply on the portal
 *   (信件选登); null while it is not published (or after it was withdrawn).
 * - `users.disabled_at`: an account is never deleted (the audit log names it), only disabled.
 */
import type { Migration } from './index.ts';

const sql = (bigint: string) => `
ALTER TABLE cases ADD COLUMN published_at ${bigint};
CREATE INDEX cases_published ON cases (published_at);
ALTER TABLE users ADD COLUMN disabled_at ${bigint};
CREATE INDEX case_timeline_type ON case_timeline (type, at);
`;

export const publishingAndAccounts: Migration = {
  version: 2,
  name: 'publishing-and-accounts',
  sqlite: sql('INTEGER'),
  postgres: sql('BIGINT'),
};
