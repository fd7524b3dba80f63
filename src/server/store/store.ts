/**
 * The Store: everything the server layer keeps. One interface, two implementations
 * (SQLite through node:sqlite, PostgreSQL through pg) that pass one contract suite
 * (tests/contract/store.contract.ts). Times are `Date`s, kept as epoch milliseconds;
 * ids are UUIDs made by the Store, except timeline and audit ids, which count up.
 *
 * Cases, timelines and the audit log are append-only where the law wants a record:
 * there is no method to change or delete a timeline or audit entry, and the schema
 * refuses it too (triggers).
 */

/** What a citizen started: a letter now; online service applications and disclosure requests later. */
export type CaseKind = 'letter' | 'application' | 'disclosure';

export interface CaseRecord {
  id: string;
  /** The tracking code the citizen is given; unique. */
  code: string;
  kind: CaseKind;
  /** What it is within its kind: the letter kind, an application's service code. */
  category: string | null;
  /** The case state machine lives in src/lib; the Store keeps the name. */
  state: string;
  department: string | null;
  subject: string;
  body: string;
  /** Kind-specific facts (the applicant, the service code, …), stored as JSON. */
  data: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  dueAt: Date | null;
  /** When the letter and its reply were published on the portal (信件选登); null if not published. */
  publishedAt: Date | null;
  /** Optimistic concurrency: every update names the version it read and bumps it. */
  version: number;
}

export interface NewCase {
  code: string;
  kind: CaseKind;
  category?: string | null;
  state: string;
  department?: string | null;
  subject: string;
  body: string;
  data?: Record<string, unknown>;
  dueAt?: Date | null;
  /** Defaults to the clock. */
  createdAt?: Date;
}

/** The fields an update may change; what is left out stays as it was. */
export interface CasePatch {
  state?: string;
  department?: string | null;
  subject?: string;
  body?: string;
  data?: Record<string, unknown>;
  dueAt?: Date | null;
  publishedAt?: Date | null;
}

export interface TimelineEntry {
  id: number;
  caseId: string;
  at: Date;
  /** Who: 'citizen', 'system' or 'staff:<username>'. */
  actor: string;
  /** What happened: 'submitted', 'assigned', 'replied', … */
  type: string;
  data: Record<string, unknown>;
}

export interface NewTimelineEntry {
  actor: string;
  type: string;
  data?: Record<string, unknown>;
  at?: Date;
}

/** An uploaded file's facts, without its bytes. */
export interface FileInfo {
  id: string;
  caseId: string | null;
  /** Made by the server, never the name the uploader sent. */
  name: string;
  contentType: string;
  size: number;
  createdAt: Date;
}

export interface StoredFile extends FileInfo {
  bytes: Uint8Array;
}

export interface NewFile {
  name: string;
  contentType: string;
  bytes: Uint8Array;
  caseId?: string | null;
}

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  /** An argon2id hash in PHC form, made by the auth module. */
  passwordHash: string;
  role: string;
  department: string | null;
  failedLogins: number;
  lockedUntil: Date | null;
  /** A disabled account cannot sign in; accounts are never deleted, the audit log names them. */
  disabledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: string;
  department?: string | null;
}

export type UserPatch = Partial<Pick<UserRecord, 'displayName' | 'passwordHash' | 'role' | 'department' | 'failedLogins' | 'lockedUntil' | 'disabledAt'>>;

export interface SessionRecord {
  /** The caller passes a hash of the cookie's token, so a leaked table opens no session. */
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  data: Record<string, unknown>;
}

export interface NewSession {
  id: string;
  userId: string;
  expiresAt: Date;
  data?: Record<string, unknown>;
  now?: Date;
}

export interface AuditEntry {
  id: number;
  at: Date;
  actor: string;
  action: string;
  /** What was acted on: 'case:<code>', 'user:<username>', … */
  subject: string | null;
  ip: string | null;
  data: Record<string, unknown>;
}

export interface NewAuditEntry {
  actor: string;
  action: string;
  subject?: string | null;
  ip?: string | null;
  data?: Record<string, unknown>;
  at?: Date;
}

export interface Page {
  /** At most 500; default 50. */
  limit?: number;
  offset?: number;
}

export interface CaseFilter extends Page {
  kind?: CaseKind;
  category?: string;
  state?: string;
  department?: string;
  /** Due strictly before this time (cases without a due time never match). */
  dueBefore?: Date;
  /** Due at or after this time. */
  dueAfter?: Date;
  /** A substring of the code, subject or body; case-insensitive in every script. */
  text?: string;
  /** Received at or after this time. */
  createdFrom?: Date;
  /** Received strictly before this time. */
  createdBefore?: Date;
  /** Only published (true) or only unpublished (false) cases. */
  published?: boolean;
  /** 'newest' (default), 'due' (soonest first, undated last) or 'published' (latest published first). */
  order?: 'newest' | 'due' | 'published';
}

/** A case's first answer: when it came in and when a reply was first given (for statistics). */
export interface FirstReply {
  caseId: string;
  createdAt: Date;
  repliedAt: Date;
}

export interface AuditFilter extends Page {
  /** At or after. */
  from?: Date;
  /** Strictly before. */
  to?: Date;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

/** Where a content item stands: being edited, waiting for review, on the site, taken off it. */
export const CONTENT_STATES = ['draft', 'review', 'published', 'withdrawn'] as const;
export type ContentState = (typeof CONTENT_STATES)[number];

export interface ContentItemRecord {
  collection: string;
  item: string;
  /** The item's department when it has one (department editors are limited to theirs). */
  department: string | null;
  state: ContentState;
  /** The staff member who last saved the draft: the author of its commit. */
  editorId: string | null;
  submittedBy: string | null;
  submittedAt: Date | null;
  /** The reviewer's note when an item was sent back, or the reason it was withdrawn. */
  note: string | null;
  updatedAt: Date;
  /** Grows by one with every change: a change made from a stale page is refused. */
  version: number;
}

/** The whole new standing of an item; `version` is the one read (0: the item has no record yet). */
export type ContentItemChange = Omit<ContentItemRecord, 'updatedAt'> & { now?: Date };

export interface ContentItemFilter {
  states?: readonly ContentState[];
  /** Only this department's items. */
  department?: string;
}

export type PublishAction = 'publish' | 'withdraw';
export type PublishJobState = 'building' | 'published' | 'failed';

/** One run of the publisher: commit, build, switch; what happened and, on failure, why. */
export interface PublishJobRecord {
  id: string;
  action: PublishAction;
  items: { collection: string; item: string }[];
  reviewerId: string;
  state: PublishJobState;
  startedAt: Date;
  finishedAt: Date | null;
  commit: string | null;
  /** The end of the build's output when it failed; what was published when it succeeded. */
  report: string | null;
}

/** A change to a case: the version it was read at, what changes, and the timeline entry that records it. */
export interface CaseChange {
  id: string;
  version: number;
  set: CasePatch;
  entry: NewTimelineEntry;
  now?: Date;
}

/** Every data method; inside `transaction` they all run in the one transaction. */
export interface StoreOps {
  /** Creates a case with its first timeline entry and its files, atomically. Conflict on a used code. */
  createCase(input: NewCase, first: NewTimelineEntry, files?: NewFile[]): Promise<{ case: CaseRecord; entry: TimelineEntry; files: FileInfo[] }>;
  getCase(id: string): Promise<CaseRecord | undefined>;
  getCaseByCode(code: string): Promise<CaseRecord | undefined>;
  /** Applies a change if the case is still at `change.version`; Conflict if not, NotFound if no such case. */
  updateCase(change: CaseChange): Promise<{ case: CaseRecord; entry: TimelineEntry }>;
  listCases(filter?: CaseFilter): Promise<Paged<CaseRecord>>;
  appendTimeline(caseId: string, entry: NewTimelineEntry): Promise<TimelineEntry>;
  /** Oldest first. */
  listTimeline(caseId: string): Promise<TimelineEntry[]>;
  /**
   * Cases of `kind` whose first timeline entry of type `type` (a reply, say) falls in
   * [from, before), with when each case came in; oldest first.
   */
  listFirstEntries(filter: { kind: CaseKind; type: string; from: Date; before: Date }): Promise<FirstReply[]>;

  putFile(file: NewFile): Promise<FileInfo>;
  getFile(id: string): Promise<StoredFile | undefined>;
  listCaseFiles(caseId: string): Promise<FileInfo[]>;

  /** Conflict on a used username. */
  createUser(input: NewUser): Promise<UserRecord>;
  getUser(id: string): Promise<UserRecord | undefined>;
  getUserByUsername(username: string): Promise<UserRecord | undefined>;
  /** Every account, disabled ones included, by username. */
  listUsers(): Promise<UserRecord[]>;
  updateUser(id: string, patch: UserPatch): Promise<UserRecord>;
  /**
   * Counts a failed login atomically; at `lockAfter` failures locks the account until
   * now + lockMs and starts counting again.
   */
  recordLoginFailure(id: string, policy: { lockAfter: number; lockMs: number }, now?: Date): Promise<UserRecord>;

  createSession(input: NewSession): Promise<SessionRecord>;
  /** Undefined when there is none or it has expired by `now`. */
  getSession(id: string, now?: Date): Promise<SessionRecord | undefined>;
  /** Slides a live session's expiry; false if it had expired or is gone. */
  touchSession(id: string, expiresAt: Date, now?: Date): Promise<boolean>;
  deleteSession(id: string): Promise<void>;
  deleteUserSessions(userId: string): Promise<number>;
  deleteExpiredSessions(now?: Date): Promise<number>;

  /** The audit log is append-only. */
  appendAudit(entry: NewAuditEntry): Promise<AuditEntry>;
  /** In the order appended. */
  listAudit(filter?: AuditFilter): Promise<Paged<AuditEntry>>;

  /** Counts a hit on `key` in the fixed window of `windowMs` that holds `now`; returns the count so far, atomically. */
  hit(key: string, windowMs: number, now?: Date): Promise<number>;
  /** Forgets counters of windows that started before `before`. */
  pruneRateLimits(before: Date): Promise<number>;

  /** The item's standing, or undefined for an item never edited in the CMS (published from Git). */
  getContentItem(collection: string, item: string): Promise<ContentItemRecord | undefined>;
  /** Sets the item's standing; Conflict when its version is not `change.version` (0: must not exist yet). */
  putContentItem(change: ContentItemChange): Promise<ContentItemRecord>;
  /** Items by state and department, latest change first. */
  listContentItems(filter?: ContentItemFilter): Promise<ContentItemRecord[]>;

  /** Records a publishing run as started (state `building`). */
  createPublishJob(input: { action: PublishAction; items: { collection: string; item: string }[]; reviewerId: string; now?: Date }): Promise<PublishJobRecord>;
  /** Records how a run ended. */
  finishPublishJob(id: string, end: { state: 'published' | 'failed'; commit?: string | null; report?: string | null; now?: Date }): Promise<PublishJobRecord>;
  getPublishJob(id: string): Promise<PublishJobRecord | undefined>;
  /** The latest runs first; those naming `item` only, when given. */
  listPublishJobs(filter?: { limit?: number; item?: { collection: string; item: string } }): Promise<PublishJobRecord[]>;

  /**
   * The secret kept under `name`: `value` if none was kept yet (it is kept then), else the one
   * kept before. Servers that ask at once with different values all get the same one back.
   */
  keepSecret(name: string, value: string, now?: Date): Promise<string>;
}

export interface Store extends StoreOps {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in one transaction: committed if it resolves, rolled back if it throws.
   * Use only `tx` inside; calling the store itself from inside throws.
   */
  transaction<T>(fn: (tx: StoreOps) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Base of the Store's named errors. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** The thing asked for does not exist. */
export class NotFound extends StoreError {
  override name = 'NotFound';
  readonly what: string;
  readonly key: string;
  constructor(what: string, key: string) {
    super(`${what} not found: ${key}`);
    this.what = what;
    this.key = key;
  }
}

/** A unique value is taken, or the record changed since it was read (optimistic concurrency). */
export class Conflict extends StoreError {
  override name = 'Conflict';
  readonly what: string;
  constructor(what: string, message: string) {
    super(message);
    this.what = what;
  }
}

/** A caller broke a rule of the interface (a bad page size, a store call inside its own transaction). */
export class InvalidInput extends StoreError {
  override name = 'InvalidInput';
}
