/**
 * Staff sessions, kept in the Store. The browser holds a random token in an HttpOnly cookie;
 * the Store keeps only the token's SHA-256, so a copy of the table opens no session. A session
 * ends after 30 minutes without a request (idle logout) and, whatever the activity, 12 hours
 * after sign-in; signing in always starts a new one (no fixation).
 */
import { createHash, randomBytes } from 'node:crypto';
import { isStaffRole, type Staff } from '../../lib/staff/roles.ts';
import type { Store, UserRecord } from '../store/store.ts';

export const SESSION_COOKIE = 'portal_staff';
export const IDLE_MS = 30 * 60_000;
export const MAX_SESSION_MS = 12 * 60 * 60_000;

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export function staffOf(user: UserRecord): Staff | undefined {
  if (!isStaffRole(user.role) || user.disabledAt) return undefined;
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, department: user.department };
}

/** Starts a session for a user who has just proved their password; returns the cookie's token. */
export async function startSession(store: Store, user: UserRecord, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await store.createSession({ id: sessionIdOf(token), userId: user.id, expiresAt: new Date(now.getTime() + IDLE_MS), now });
  return token;
}

/**
 * The staff member a cookie's token belongs to, sliding the idle expiry; undefined when the
 * session is gone, idle too long, past its 12 hours, or its account disabled or changed to no
 * known role.
 */
export async function resumeSession(store: Store, token: string, now: Date): Promise<{ staff: Staff; sessionId: string } | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const id = sessionIdOf(token);
  const session = await store.getSession(id, now);
  if (!session) return undefined;
  const hardEnd = session.createdAt.getTime() + MAX_SESSION_MS;
  const user = now.getTime() < hardEnd ? await store.getUser(session.userId) : undefined;
  const staff = user && staffOf(user);
  if (!staff) {
    await store.deleteSession(id);
    return undefined;
  }
  if (!(await store.touchSession(id, new Date(Math.min(now.getTime() + IDLE_MS, hardEnd)), now))) return undefined;
  return { staff, sessionId: id };
}

export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;
}

export function tokenFromCookies(header: string | null): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}
