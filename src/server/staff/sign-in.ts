/**
 * Staff sign-in: username and password against the argon2id hash, five failures lock the
 * account for fifteen minutes, and every attempt is counted per address too (a guesser trying
 * many accounts from one place). An unknown username costs the same time as a wrong password
 * and gets the same answer; only a locked account is named as such, so its owner knows to wait.
 */
import { readForm, textField } from '../forms/read-form.ts';
import { overLimit, type RateLimit } from '../cases/rate-limit.ts';
import type { Store } from '../store/store.ts';
import { audit } from './audit.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { staffOf, startSession } from './sessions.ts';

export const LOCKOUT = { lockAfter: 5, lockMs: 15 * 60_000 } as const;
export const SIGN_IN_PER_ADDRESS: RateLimit = { max: 30, windowMs: 15 * 60_000 };

export type SignInError =
  | { name: 'RateLimited' }
  | { name: 'UnreadableForm' }
  | { name: 'RequestTooLarge'; limit: number }
  | { name: 'Missing'; username: string }
  | { name: 'Invalid'; username: string }
  | { name: 'Locked'; username: string; until: Date };

export type SignInResult = { ok: true; token: string; next: string } | { ok: false; error: SignInError };

/** Where to go after signing in: only a path inside the back office, never another site. */
export function safeNext(value: string, fallback: string): string {
  return /^\/admin\/[A-Za-z0-9/_.%?=&-]*$/.test(value) && !value.includes('//') ? value : fallback;
}

export async function signIn(deps: { store: Store; now?: () => Date }, input: { request: Request; client: string; home: string }): Promise<SignInResult> {
  const { store } = deps;
  const now = deps.now?.() ?? new Date();
  if (await overLimit(store, `staff-sign-in:${input.client}`, SIGN_IN_PER_ADDRESS, now)) return { ok: false, error: { name: 'RateLimited' } };
  const read = await readForm(input.request, 16 * 1024);
  if (!read.ok) return { ok: false, error: read.error };
  const username = textField(read.form, 'username').trim().toLowerCase().slice(0, 64);
  const password = textField(read.form, 'password').slice(0, 1024);
  const next = safeNext(textField(read.form, 'next'), input.home);
  if (!username || !password) return { ok: false, error: { name: 'Missing', username } };

  const user = await store.getUserByUsername(username);
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  const refuse = async (error: SignInError, action: string) => {
    if (user) await audit(store, `staff:${user.username}`, action, `user:${user.username}`, input.client, {}, now);
    return { ok: false as const, error };
  };
  if (!user || !staffOf(user)) return refuse({ name: 'Invalid', username }, 'sign-in.refused');
  if (user.lockedUntil && user.lockedUntil > now) return refuse({ name: 'Locked', username, until: user.lockedUntil }, 'sign-in.locked');
  if (!matches) {
    const after = await store.recordLoginFailure(user.id, LOCKOUT, now);
    if (after.lockedUntil && after.lockedUntil > now) return refuse({ name: 'Locked', username, until: after.lockedUntil }, 'sign-in.locked');
    return refuse({ name: 'Invalid', username }, 'sign-in.failed');
  }
  if (user.failedLogins > 0 || user.lockedUntil) await store.updateUser(user.id, { failedLogins: 0, lockedUntil: null });
  const token = await startSession(store, user, now);
  await audit(store, user, 'sign-in', `user:${user.username}`, input.client, {}, now);
  return { ok: true, token, next };
}
