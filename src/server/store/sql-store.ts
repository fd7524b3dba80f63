/**
 * The Store's behaviour, written once over a Driver: SQLite and PostgreSQL differ only in
 * their drivers and migrations, so they cannot drift apart in what they do. Every statement
 * is a constant; values only travel as parameters.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Driver, Executor, Param } from './executor.ts';
import { Lane } from './lane.ts';
import { toAudit, toCase, toContentItem, toFile, toFileInfo, toPublishJob, toSession, toTimeline, toUser } from './rows.ts';
import {
  Conflict, InvalidInput, NotFound,
  CONTENT_STATES,
  type AuditFilter, type CaseChange, type CaseFilter, type CaseRecord, type ContentItemChange, type ContentItemFilter,
  type NewAuditEntry, type NewCase, type PublishAction,
  type NewFile, type NewSession, type NewTimelineEntry, type NewUser, type Store, type StoreOps, type UserPatch,
} from './store.ts';

type Atomic = <T>(fn: (ex: Executor) => Promise<T>) => Promise<T>;

const ms = (d: Date | null | undefined): number | null => (d ? d.getTime() : null);
const clock = (d?: Date): number => (d ?? new Date()).getTime();
const jsonText = (v: Record<string, unknown> | undefined): string => JSON.stringify(v ?? {});

/** What `text` filters match: code, subject and body, folded so the match ignores case in every script. */
const fold = (s: string): string => s.normalize('NFKC').toLowerCase();
const searchText = (c: { code: string; subject: string; body: string }): string => fold(`${c.code}\n${c.subject}\n${c.body}`);
const likePattern = (text: string): string => `%${fold(text).replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

function page(p: { limit?: number; offset?: number }): [number, number] {
  const limit = p.limit ?? 50;
  const offset = p.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new InvalidInput(`limit must be an integer from 1 to 500, not ${limit}`);
  if (!Number.isInteger(offset) || offset < 0) throw new InvalidInput(`offset must be a whole number, not ${offset}`);
  return [limit, offset];
}

const CASE_WHERE = `
  WHERE (CAST($1 AS TEXT) IS NULL OR kind = $1)
    AND (CAST($2 AS TEXT) IS NULL OR state = $2)
    AND (CAST($3 AS TEXT) IS NULL OR department = $3)
    AND (CAST($4 AS BIGINT) IS NULL OR due_at < $4)
    AND (CAST($5 AS BIGINT) IS NULL OR due_at >= $5)
    AND (CAST($6 AS TEXT) IS NULL OR search_text LIKE $6 ESCAPE '\\')
    AND (CAST($7 AS BIGINT) IS NULL OR created_at >= $7)
    AND (CAST($8 AS BIGINT) IS NULL OR created_at < $8)
    AND (CAST($9 AS INTEGER) IS NULL OR ($9 = 1 AND published_at IS NOT NULL) OR ($9 = 0 AND published_at IS NULL))
    AND (CAST($10 AS TEXT) IS NULL OR category = $10)`;
const CASE_ORDER = {
  newest: 'ORDER BY created_at DESC, code DESC',
  due: 'ORDER BY due_at IS NULL, due_at ASC, code ASC',
  published: 'ORDER BY published_at IS NULL, published_at DESC, code DESC',
} as const;

const AUDIT_WHERE = `
  WHERE (CAST($1 AS BIGINT) IS NULL OR at >= $1)
    AND (CAST($2 AS BIGINT) IS NULL OR at < $2)`;

/** The data methods over one executor; `atomic` makes a group of statements all-or-nothing. */
class SqlOps implements StoreOps {
  readonly #ex: Executor;
  readonly #atomic: Atomic;
  readonly #constraintOf: Driver['constraintOf'];

  constructor(ex: Executor, atomic: Atomic, constraintOf: Driver['constraintOf']) {
    this.#ex = ex;
    this.#atomic = atomic;
    this.#constraintOf = constraintOf;
  }

  /** Turns a broken constraint into the Store's named error; rethrows anything else. */
  #named(error: unknown, unique: () => Error, foreignKey: () => Error): never {
    const broken = this.#constraintOf(error);
    if (broken === 'unique') throw unique();
    if (broken === 'foreign_key') throw foreignKey();
    throw error;
  }

  async #insertEntry(ex: Executor, caseId: string, e: NewTimelineEntry, now: number) {
    const rows = await ex
      .all('INSERT INTO case_timeline (case_id, at, actor, type, data) VALUES ($1, $2, $3, $4, $5) RETURNING *', [
        caseId, ms(e.at) ?? now, e.actor, e.type, jsonText(e.data),
      ])
      .catch((err) => this.#named(err, () => err, () => new NotFound('case', caseId)));
    return toTimeline(rows[0]!);
  }

  async #insertFile(ex: Executor, f: NewFile, now: number) {
    const id = randomUUID();
    await ex
      .run('INSERT INTO files (id, case_id, name, content_type, size, bytes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        id, f.caseId ?? null, f.name, f.contentType, f.bytes.byteLength, f.bytes, now,
      ])
      .catch((err) => this.#named(err, () => err, () => new NotFound('case', String(f.caseId))));
    return { id, caseId: f.caseId ?? null, name: f.name, contentType: f.contentType, size: f.bytes.byteLength, createdAt: new Date(now) };
  }

  createCase(input: NewCase, first: NewTimelineEntry, files: NewFile[] = []) {
    return this.#atomic(async (ex) => {
      const id = randomUUID();
      const now = clock(input.createdAt);
      const rows = await ex
        .all(
          `INSERT INTO cases (id, code, kind, category, state, department, subject, body, data, search_text, created_at, updated_at, due_at, version)
           VALUES ($1, $2, $3, $12, $4, $5, $6, $7, $8, $9, $10, $10, $11, 1) RETURNING *`,
          [id, input.code, input.kind, input.state, input.department ?? null, input.subject, input.body, jsonText(input.data), searchText(input), now, ms(input.dueAt), input.category ?? null],
        )
        .catch((err) => this.#named(err, () => new Conflict('case', `tracking code already in use: ${input.code}`), () => err));
      const entry = await this.#insertEntry(ex, id, first, now);
      const stored = [];
      for (const f of files) stored.push(await this.#insertFile(ex, { ...f, caseId: id }, now));
      return { case: toCase(rows[0]!), entry, files: stored };
    });
  }

  async getCase(id: string) {
    const rows = await this.#ex.all('SELECT * FROM cases WHERE id = $1', [id]);
    return rows[0] && toCase(rows[0]);
  }

  async getCaseByCode(code: string) {
    const rows = await this.#ex.all('SELECT * FROM cases WHERE code = $1', [code]);
    return rows[0] && toCase(rows[0]);
  }

  updateCase(change: CaseChange) {
    return this.#atomic(async (ex) => {
      const found = await ex.all('SELECT * FROM cases WHERE id = $1', [change.id]);
      if (!found[0]) throw new NotFound('case', change.id);
      const current = toCase(found[0]);
      const stale = () => new Conflict('case', `case ${current.code} changed since version ${change.version}`);
      if (current.version !== change.version) throw stale();
      const next: CaseRecord = { ...current, ...definedOnly(change.set) };
      const now = clock(change.now);
      // The version test repeats in the UPDATE: another writer may have got in since the read.
      const rows = await ex.all(
        `UPDATE cases SET state = $3, department = $4, subject = $5, body = $6, data = $7, search_text = $8, due_at = $9,
                updated_at = $10, published_at = $11, version = version + 1
          WHERE id = $1 AND version = $2 RETURNING *`,
        [change.id, change.version, next.state, next.department, next.subject, next.body, JSON.stringify(next.data), searchText(next), ms(next.dueAt), now, ms(next.publishedAt)],
      );
      if (!rows[0]) throw stale();
      const entry = await this.#insertEntry(ex, change.id, change.entry, now);
      return { case: toCase(rows[0]), entry };
    });
  }

  async listCases(filter: CaseFilter = {}) {
    const [limit, offset] = page(filter);
    const where: Param[] = [
      filter.kind ?? null, filter.state ?? null, filter.department ?? null,
      ms(filter.dueBefore), ms(filter.dueAfter), filter.text ? likePattern(filter.text) : null,
      ms(filter.createdFrom), ms(filter.createdBefore), filter.published === undefined ? null : filter.published ? 1 : 0,
      filter.category ?? null,
    ];
    const order = Object.hasOwn(CASE_ORDER, filter.order ?? 'newest') ? CASE_ORDER[filter.order ?? 'newest'] : undefined;
    if (!order) throw new InvalidInput(`unknown order: ${filter.order}`);
    const rows = await this.#ex.all(`SELECT * FROM cases ${CASE_WHERE} ${order} LIMIT $11 OFFSET $12`, [...where, limit, offset]);
    const counted = await this.#ex.all(`SELECT COUNT(*) AS n FROM cases ${CASE_WHERE}`, where);
    return { items: rows.map(toCase), total: Number(counted[0]!.n) };
  }

  appendTimeline(caseId: string, entry: NewTimelineEntry) {
    return this.#insertEntry(this.#ex, caseId, entry, clock());
  }

  async listTimeline(caseId: string) {
    return (await this.#ex.all('SELECT * FROM case_timeline WHERE case_id = $1 ORDER BY id', [caseId])).map(toTimeline);
  }

  async listFirstEntries(filter: { kind: string; type: string; from: Date; before: Date }) {
    const rows = await this.#ex.all(
      `SELECT c.id AS case_id, c.created_at AS created_at, MIN(t.at) AS first_at
         FROM cases c JOIN case_timeline t ON t.case_id = c.id
        WHERE c.kind = $1 AND t.type = $2
        GROUP BY c.id, c.created_at
       HAVING MIN(t.at) >= $3 AND MIN(t.at) < $4
        ORDER BY first_at, c.id`,
      [filter.kind, filter.type, filter.from.getTime(), filter.before.getTime()],
    );
    return rows.map((r) => ({ caseId: String(r.case_id), createdAt: new Date(Number(r.created_at)), repliedAt: new Date(Number(r.first_at)) }));
  }

  putFile(file: NewFile) {
    return this.#insertFile(this.#ex, file, clock());
  }

  async getFile(id: string) {
    const rows = await this.#ex.all('SELECT * FROM files WHERE id = $1', [id]);
    return rows[0] && toFile(rows[0]);
  }

  async listCaseFiles(caseId: string) {
    const rows = await this.#ex.all(
      'SELECT id, case_id, name, content_type, size, created_at FROM files WHERE case_id = $1 ORDER BY created_at, name, id',
      [caseId],
    );
    return rows.map(toFileInfo);
  }

  async createUser(input: NewUser) {
    const now = clock();
    const rows = await this.#ex
      .all(
        `INSERT INTO users (id, username, display_name, password_hash, role, department, failed_logins, locked_until, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 0, NULL, $7, $7) RETURNING *`,
        [randomUUID(), input.username, input.displayName, input.passwordHash, input.role, input.department ?? null, now],
      )
      .catch((err) => this.#named(err, () => new Conflict('user', `username already in use: ${input.username}`), () => err));
    return toUser(rows[0]!);
  }

  async getUser(id: string) {
    const rows = await this.#ex.all('SELECT * FROM users WHERE id = $1', [id]);
    return rows[0] && toUser(rows[0]);
  }

  async getUserByUsername(username: string) {
    const rows = await this.#ex.all('SELECT * FROM users WHERE username = $1', [username]);
    return rows[0] && toUser(rows[0]);
  }

  async listUsers() {
    return (await this.#ex.all('SELECT * FROM users ORDER BY username')).map(toUser);
  }

  updateUser(id: string, patch: UserPatch) {
    return this.#atomic(async (ex) => {
      const found = await ex.all('SELECT * FROM users WHERE id = $1', [id]);
      if (!found[0]) throw new NotFound('user', id);
      const u = { ...toUser(found[0]), ...definedOnly(patch) };
      const rows = await ex.all(
        `UPDATE users SET display_name = $2, password_hash = $3, role = $4, department = $5, failed_logins = $6,
                locked_until = $7, updated_at = $8, disabled_at = $9 WHERE id = $1 RETURNING *`,
        [id, u.displayName, u.passwordHash, u.role, u.department, u.failedLogins, ms(u.lockedUntil), clock(), ms(u.disabledAt)],
      );
      return toUser(rows[0]!);
    });
  }

  async recordLoginFailure(id: string, policy: { lockAfter: number; lockMs: number }, now?: Date) {
    const at = clock(now);
    const rows = await this.#ex.all(
      `UPDATE users SET
         failed_logins = CASE WHEN failed_logins + 1 >= CAST($2 AS INTEGER) THEN 0 ELSE failed_logins + 1 END,
         locked_until = CASE WHEN failed_logins + 1 >= CAST($2 AS INTEGER) THEN CAST($3 AS BIGINT) ELSE locked_until END,
         updated_at = CAST($4 AS BIGINT)
       WHERE id = $1 RETURNING *`,
      [id, policy.lockAfter, at + policy.lockMs, at],
    );
    if (!rows[0]) throw new NotFound('user', id);
    return toUser(rows[0]);
  }

  async createSession(input: NewSession) {
    const now = clock(input.now);
    const rows = await this.#ex
      .all('INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, data) VALUES ($1, $2, $3, $3, $4, $5) RETURNING *', [
        input.id, input.userId, now, input.expiresAt.getTime(), jsonText(input.data),
      ])
      .catch((err) => this.#named(err, () => new Conflict('session', 'session id already in use'), () => new NotFound('user', input.userId)));
    return toSession(rows[0]!);
  }

  async getSession(id: string, now?: Date) {
    const rows = await this.#ex.all('SELECT * FROM sessions WHERE id = $1 AND expires_at > $2', [id, clock(now)]);
    return rows[0] && toSession(rows[0]);
  }

  async touchSession(id: string, expiresAt: Date, now?: Date) {
    const at = clock(now);
    const changed = await this.#ex.run('UPDATE sessions SET expires_at = $2, last_seen_at = $3 WHERE id = $1 AND expires_at > $3', [
      id, expiresAt.getTime(), at,
    ]);
    return changed > 0;
  }

  async deleteSession(id: string) {
    await this.#ex.run('DELETE FROM sessions WHERE id = $1', [id]);
  }

  deleteUserSessions(userId: string) {
    return this.#ex.run('DELETE FROM sessions WHERE user_id = $1', [userId]);
  }

  deleteExpiredSessions(now?: Date) {
    return this.#ex.run('DELETE FROM sessions WHERE expires_at <= $1', [clock(now)]);
  }

  async appendAudit(e: NewAuditEntry) {
    const rows = await this.#ex.all('INSERT INTO audit_log (at, actor, action, subject, ip, data) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *', [
      clock(e.at), e.actor, e.action, e.subject ?? null, e.ip ?? null, jsonText(e.data),
    ]);
    return toAudit(rows[0]!);
  }

  async listAudit(filter: AuditFilter = {}) {
    const [limit, offset] = page(filter);
    const where: Param[] = [ms(filter.from), ms(filter.to)];
    const rows = await this.#ex.all(`SELECT * FROM audit_log ${AUDIT_WHERE} ORDER BY id LIMIT $3 OFFSET $4`, [...where, limit, offset]);
    const counted = await this.#ex.all(`SELECT COUNT(*) AS n FROM audit_log ${AUDIT_WHERE}`, where);
    return { items: rows.map(toAudit), total: Number(counted[0]!.n) };
  }

  async hit(key: string, windowMs: number, now?: Date) {
    if (!Number.isInteger(windowMs) || windowMs < 1) throw new InvalidInput(`windowMs must be a positive integer, not ${windowMs}`);
    const at = clock(now);
    const windowStart = at - (at % windowMs);
    const rows = await this.#ex.all(
      `INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1 RETURNING hits`,
      [key, windowStart],
    );
    return Number(rows[0]!.hits);
  }

  pruneRateLimits(before: Date) {
    return this.#ex.run('DELETE FROM rate_limits WHERE window_start < $1', [before.getTime()]);
  }

  async getContentItem(collection: string, item: string) {
    const rows = await this.#ex.all('SELECT * FROM content_items WHERE collection = $1 AND item = $2', [collection, item]);
    return rows[0] ? toContentItem(rows[0]) : undefined;
  }

  async putContentItem(change: ContentItemChange) {
    if (!(CONTENT_STATES as readonly string[]).includes(change.state)) throw new InvalidInput(`unknown content state ${change.state}`);
    if (!change.collection || !change.item) throw new InvalidInput('a content item needs its collection and name');
    return this.#atomic(async (ex) => {
      const key = `${change.collection}/${change.item}`;
      const values = [change.collection, change.item, change.department, change.state, change.editorId, change.submittedBy, ms(change.submittedAt), change.note, clock(change.now)];
      if (change.version === 0) {
        const rows = await ex.all(
          `INSERT INTO content_items (collection, item, department, state, editor_id, submitted_by, submitted_at, note, updated_at, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1) ON CONFLICT (collection, item) DO NOTHING RETURNING *`,
          values,
        );
        if (!rows[0]) throw new Conflict('content item', `${key} was changed by someone else`);
        return toContentItem(rows[0]);
      }
      const rows = await ex.all(
        `UPDATE content_items SET department = $3, state = $4, editor_id = $5, submitted_by = $6, submitted_at = $7, note = $8,
                updated_at = $9, version = version + 1
         WHERE collection = $1 AND item = $2 AND version = $10 RETURNING *`,
        [...values, change.version],
      );
      if (!rows[0]) throw new Conflict('content item', `${key} was changed by someone else`);
      return toContentItem(rows[0]);
    });
  }

  async listContentItems(filter: ContentItemFilter = {}) {
    const rows = await this.#ex.all(
      `SELECT * FROM content_items WHERE (CAST($1 AS TEXT) IS NULL OR department = $1) ORDER BY updated_at DESC, collection, item`,
      [filter.department ?? null],
    );
    const states = filter.states;
    return rows.map(toContentItem).filter((r) => !states || states.includes(r.state));
  }

  async createPublishJob(input: { action: PublishAction; items: { collection: string; item: string }[]; reviewerId: string; now?: Date }) {
    if (input.action !== 'publish' && input.action !== 'withdraw') throw new InvalidInput(`unknown publishing action ${input.action}`);
    if (input.items.length === 0) throw new InvalidInput('a publishing run needs at least one item');
    const items = JSON.stringify(input.items.map(({ collection, item }) => ({ collection, item })));
    const rows = await this.#ex.all(
      `INSERT INTO publish_jobs (id, action, items, reviewer_id, state, started_at) VALUES ($1, $2, $3, $4, 'building', $5) RETURNING *`,
      [randomUUID(), input.action, items, input.reviewerId, clock(input.now)],
    );
    return toPublishJob(rows[0]!);
  }

  async finishPublishJob(id: string, end: { state: 'published' | 'failed'; commit?: string | null; report?: string | null; now?: Date }) {
    const rows = await this.#ex.all(
      `UPDATE publish_jobs SET state = $2, commit_sha = $3, report = $4, finished_at = $5 WHERE id = $1 AND state = 'building' RETURNING *`,
      [id, end.state, end.commit ?? null, end.report ?? null, clock(end.now)],
    );
    if (!rows[0]) throw new NotFound('publishing run in progress', id);
    return toPublishJob(rows[0]);
  }

  async getPublishJob(id: string) {
    const rows = await this.#ex.all('SELECT * FROM publish_jobs WHERE id = $1', [id]);
    return rows[0] ? toPublishJob(rows[0]) : undefined;
  }

  async listPublishJobs(filter: { limit?: number; item?: { collection: string; item: string } } = {}) {
    const [limit] = page({ limit: filter.limit ?? 50 });
    const named = filter.item ? `%${JSON.stringify({ collection: filter.item.collection, item: filter.item.item }).replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
    const rows = await this.#ex.all(
      `SELECT * FROM publish_jobs WHERE (CAST($1 AS TEXT) IS NULL OR items LIKE $1 ESCAPE '\\') ORDER BY started_at DESC, id LIMIT $2`,
      [named, limit],
    );
    return rows.map(toPublishJob);
  }

  async keepSecret(name: string, value: string, now?: Date) {
    if (!name || !value) throw new InvalidInput('a secret needs a name and a value');
    await this.#ex.run('INSERT INTO server_secrets (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [name, value, clock(now)]);
    const rows = await this.#ex.all('SELECT value FROM server_secrets WHERE name = $1', [name]);
    return String(rows[0]!.value);
  }
}

/** A patch without its undefined keys, so that leaving a field out keeps it. */
function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const METHODS = Object.getOwnPropertyNames(SqlOps.prototype).filter((m) => m !== 'constructor') as (keyof StoreOps)[];

/** Wraps every data method of `target` in `around`. */
function wrapOps(target: StoreOps, around: <T>(call: () => Promise<T>) => Promise<T>): StoreOps {
  const wrapped: Record<string, unknown> = {};
  for (const m of METHODS) {
    const method = target[m] as (...args: unknown[]) => Promise<unknown>;
    wrapped[m] = (...args: unknown[]) => around(() => method.apply(target, args));
  }
  return wrapped as unknown as StoreOps;
}

/** Builds a Store on a driver whose schema is already migrated. */
export function sqlStore(driver: Driver): Store {
  const insideTransaction = new AsyncLocalStorage<Driver>();
  const outside = <T>(call: () => Promise<T>): Promise<T> => {
    // Inside a transaction, the store itself would run outside it (PostgreSQL) or wait for it forever (SQLite).
    if (insideTransaction.getStore() === driver) return Promise.reject(new InvalidInput('inside a transaction, use its tx, not the store'));
    return call();
  };
  const top = new SqlOps(driver.autocommit, (fn) => driver.withTransaction(fn), driver.constraintOf);
  let savepoints = 0;

  return {
    ...wrapOps(top, outside),
    dialect: driver.dialect,
    transaction<T>(fn: (tx: StoreOps) => Promise<T>) {
      return outside(() =>
        driver.withTransaction((ex) => {
          // One call at a time, each in a savepoint: a call that fails leaves nothing behind and
          // (on PostgreSQL) does not poison the transaction, so a caller may catch and go on.
          const lane = new Lane();
          const inner = new SqlOps(ex, (body) => body(ex), driver.constraintOf);
          const tx = wrapOps(inner, (call) =>
            lane.run(async () => {
              const name = `sp_${++savepoints}`;
              await ex.exec(`SAVEPOINT ${name}`);
              try {
                const result = await call();
                await ex.exec(`RELEASE SAVEPOINT ${name}`);
                return result;
              } catch (err) {
                await ex.exec(`ROLLBACK TO SAVEPOINT ${name}`);
                throw err;
              }
            }),
          );
          return insideTransaction.run(driver, () => fn(tx));
        }),
      );
    },
    close: () => driver.close(),
  };
}
