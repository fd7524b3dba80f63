/**
 * Case categories, published letters and staff accounts that can be switched off:
 * - `cases.category`: what the case is within its kind — the letter kind (mailbox, complaint, …),
 *   the service code of an application — so the back office can filter on it.
 * - `cases.published_at`: when the centre published the letter and its reply on the portal
 *   (信件选登); null while it is not published (or after it was withdrawn).
 * - `users.disabled_at`: an account is never deleted (the audit log names it), only disabled.
 */
import type { Migration } from './index.ts';

const sql = (bigint: string) => `
ALTER TABLE cases ADD COLUMN category TEXT;
CREATE INDEX cases_category ON cases (kind, category, created_at);
ALTER TABLE cases ADD COLUMN published_at ${bigint};
CREATE INDEX cases_published ON cases (published_at);
ALTER TABLE users ADD COLUMN disabled_at ${bigint};
CREATE INDEX case_timeline_type ON case_timeline (type, at);
`;

export const categoriesPublishingAccounts: Migration = {
  version: 2,
  name: 'categories-publishing-accounts',
  sqlite: sql('INTEGER'),
  postgres: sql('BIGINT'),
};
