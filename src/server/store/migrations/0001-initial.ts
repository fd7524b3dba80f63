/**
 * The first schema: cases with their timeline and files, staff users, sessions, the audit
 * log and rate-limit counters. Times are epoch milliseconds; JSON is text. The two dialects
 * sit side by side so that a change to one is seen to need the other.
 */
import type { Migration } from './index.ts';

const tables = (t: { blob: string; serial: string; strict: string }) => `
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  department TEXT,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  data TEXT NOT NULL,
  search_text TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  due_at BIGINT,
  version INTEGER NOT NULL
)${t.strict};
CREATE INDEX cases_created ON cases (created_at);
CREATE INDEX cases_kind_state ON cases (kind, state, created_at);
CREATE INDEX cases_department ON cases (department, created_at);
CREATE INDEX cases_due ON cases (due_at);

CREATE TABLE case_timeline (
  id ${t.serial},
  case_id TEXT NOT NULL REFERENCES cases (id),
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL
)${t.strict};
CREATE INDEX case_timeline_case ON case_timeline (case_id, id);

CREATE TABLE files (
  id TEXT PRIMARY KEY,
  case_id TEXT REFERENCES cases (id),
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  bytes ${t.blob} NOT NULL,
  created_at BIGINT NOT NULL
)${t.strict};
CREATE INDEX files_case ON files (case_id, created_at);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  department TEXT,
  failed_logins INTEGER NOT NULL,
  locked_until BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
)${t.strict};

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  data TEXT NOT NULL
)${t.strict};
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE audit_log (
  id ${t.serial},
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT,
  ip TEXT,
  data TEXT NOT NULL
)${t.strict};
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE rate_limits (
  key TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (key, window_start)
)${t.strict};
CREATE INDEX rate_limits_window ON rate_limits (window_start);
`;

const appendOnly = ['case_timeline', 'audit_log'];

export const initial: Migration = {
  version: 1,
  name: 'initial',
  // SQLite's STRICT tables take only the declared types (BIGINT is an INTEGER there).
  sqlite:
    tables({ blob: 'BLOB', serial: 'INTEGER PRIMARY KEY AUTOINCREMENT', strict: ' STRICT' }).replaceAll('BIGINT', 'INTEGER') +
    appendOnly
      .map(
        (t) => `
CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END;
CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END;`,
      )
      .join(''),
  postgres:
    tables({ blob: 'BYTEA', serial: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY', strict: '' }) +
    `
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;` +
    appendOnly
      .map(
        (t) => `
CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();`,
      )
      .join(''),
};
