/**
 * Database rows to Store records. Both drivers hand back snake_case columns; PostgreSQL
 * returns BIGINT as a string and BYTEA as a Buffer, so numbers and bytes are normalised here.
 */
import type { AuditEntry, CaseKind, CaseRecord, ContentItemRecord, ContentState, FileInfo, PublishJobRecord, SessionRecord, StoredFile, TimelineEntry, UserRecord } from './store.ts';
import type { Row } from './executor.ts';

const num = (v: unknown): number => Number(v);
const date = (v: unknown): Date => new Date(Number(v));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(Number(v)));
const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const json = (v: unknown): Record<string, unknown> => JSON.parse(String(v)) as Record<string, unknown>;

export function bytesOf(v: unknown): Uint8Array {
  const view = v as Uint8Array;
  // A plain Uint8Array of its own, whatever the driver returned (Buffer, a view on a pool).
  return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
}

export const toCase = (r: Row): CaseRecord => ({
  id: str(r.id),
  code: str(r.code),
  kind: str(r.kind) as CaseKind,
  category: strOrNull(r.category),
  state: str(r.state),
  department: strOrNull(r.department),
  subject: str(r.subject),
  body: str(r.body),
  data: json(r.data),
  createdAt: date(r.created_at),
  updatedAt: date(r.updated_at),
  dueAt: dateOrNull(r.due_at),
  publishedAt: dateOrNull(r.published_at),
  version: num(r.version),
});

export const toTimeline = (r: Row): TimelineEntry => ({
  id: num(r.id),
  caseId: str(r.case_id),
  at: date(r.at),
  actor: str(r.actor),
  type: str(r.type),
  data: json(r.data),
});

export const toFileInfo = (r: Row): FileInfo => ({
  id: str(r.id),
  caseId: strOrNull(r.case_id),
  name: str(r.name),
  contentType: str(r.content_type),
  size: num(r.size),
  createdAt: date(r.created_at),
});

export const toFile = (r: Row): StoredFile => ({ ...toFileInfo(r), bytes: bytesOf(r.bytes) });

export const toUser = (r: Row): UserRecord => ({
  id: str(r.id),
  username: str(r.username),
  displayName: str(r.display_name),
  passwordHash: str(r.password_hash),
  role: str(r.role),
  department: strOrNull(r.department),
  failedLogins: num(r.failed_logins),
  lockedUntil: dateOrNull(r.locked_until),
  disabledAt: dateOrNull(r.disabled_at),
  createdAt: date(r.created_at),
  updatedAt: date(r.updated_at),
});

export const toSession = (r: Row): SessionRecord => ({
  id: str(r.id),
  userId: str(r.user_id),
  createdAt: date(r.created_at),
  lastSeenAt: date(r.last_seen_at),
  expiresAt: date(r.expires_at),
  data: json(r.data),
});

export const toAudit = (r: Row): AuditEntry => ({
  id: num(r.id),
  at: date(r.at),
  actor: str(r.actor),
  action: str(r.action),
  subject: strOrNull(r.subject),
  ip: strOrNull(r.ip),
  data: json(r.data),
});

export const toContentItem = (r: Row): ContentItemRecord => ({
  collection: str(r.collection),
  item: str(r.item),
  department: strOrNull(r.department),
  state: str(r.state) as ContentState,
  editorId: strOrNull(r.editor_id),
  submittedBy: strOrNull(r.submitted_by),
  submittedAt: dateOrNull(r.submitted_at),
  note: strOrNull(r.note),
  updatedAt: date(r.updated_at),
  version: num(r.version),
});

export const toPublishJob = (r: Row): PublishJobRecord => ({
  id: str(r.id),
  action: str(r.action) as PublishJobRecord['action'],
  items: JSON.parse(str(r.items)) as PublishJobRecord['items'],
  reviewerId: str(r.reviewer_id),
  state: str(r.state) as PublishJobRecord['state'],
  startedAt: date(r.started_at),
  finishedAt: dateOrNull(r.finished_at),
  commit: strOrNull(r.commit_sha),
  report: strOrNull(r.report),
});
