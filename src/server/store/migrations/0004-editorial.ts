/**
 * The editorial workflow (docs/editorial-workflow.md): where each content item stands between
 * its editor's draft and the published site, and the publishing runs the centre starts. The
 * content itself lives in Git; these tables hold only what Git cannot say (who submitted, the
 * reviewer's note, a build in progress or failed).
 */
import type { Migration } from './index.ts';

const sql = (bigint: string, strict: string) => `
CREATE TABLE content_items (
  collection TEXT NOT NULL,
  item TEXT NOT NULL,
  department TEXT,
  state TEXT NOT NULL,
  editor_id TEXT,
  submitted_by TEXT,
  submitted_at ${bigint},
  note TEXT,
  updated_at ${bigint} NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (collection, item)
)${strict};
CREATE INDEX content_items_state ON content_items (state, updated_at);

CREATE TABLE publish_jobs (
  id TEXT PRIMARY KEY,
  action TEXT NOT NULL,
  items TEXT NOT NULL,
  reviewer_id TEXT NOT NULL,
  state TEXT NOT NULL,
  started_at ${bigint} NOT NULL,
  finished_at ${bigint},
  commit_sha TEXT,
  report TEXT
)${strict};
CREATE INDEX publish_jobs_started ON publish_jobs (started_at);
`;

export const editorial: Migration = {
  version: 4,
  name: 'editorial',
  sqlite: sql('INTEGER', ' STRICT'),
  postgres: sql('BIGINT', ''),
};
