/**
 * Account management in the back office (admin only) and each staff member's own password.
 * Accounts are never deleted — the audit log names them — only disabled. Changing a person's
 * role, department or password, or disabling them, ends their open sessions, so the change
 * takes effect at once. An admin cannot disable or demote their own account, so the portal
 * always keeps someone who can manage accounts.
 */
import { checkPassword, USERNAME_PATTERN, type PasswordProblem } from '../../lib/staff/password-policy.ts';
import { isStaffRole, type Staff, type StaffRole } from '../../lib/staff/roles.ts';
import { textField } from '../forms/read-form.ts';
import { Conflict, type Store, type UserPatch, type UserRecord } from '../store/store.ts';
import { audit } from './audit.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export type UserField = 'username' | 'displayName' | 'role' | 'department' | 'password' | 'confirm' | 'current';
export type UserProblem = 'required' | 'invalid' | 'taken' | 'mismatch' | 'wrong' | PasswordProblem;
export type UserProblems = Partial<Record<UserField, UserProblem>>;

export interface UserValues { username: string; displayName: string; role: string; department: string }

const DISPLAY_NAME_MAX = 50;

function readRoleFields(form: FormData, departments: ReadonlySet<string>, problems: UserProblems) {
  const displayName = textField(form, 'displayName').normalize('NFC').trim();
  const role = textField(form, 'role');
  const department = textField(form, 'department');
  if (!displayName) problems.displayName = 'required';
  else if ([...displayName].length > DISPLAY_NAME_MAX) problems.displayName = 'invalid';
  if (!isStaffRole(role)) problems.role = 'required';
  if (role === 'handler' && !department) problems.department = 'required';
  else if (role === 'handler' && !departments.has(department)) problems.department = 'invalid';
  return { displayName, role, department: role === 'handler' ? department : '' };
}

function readNewPassword(form: FormData, username: string, problems: UserProblems): string {
  const password = textField(form, 'password');
  const confirm = textField(form, 'confirm');
  if (!password) problems.password = 'required';
  else {
    const weak = checkPassword(password, username);
    if (weak) problems.password = weak;
    else if (password !== confirm) problems.confirm = 'mismatch';
  }
  return password;
}

export type UserFormResult = { ok: true; user: UserRecord } | { ok: false; values: UserValues; problems: UserProblems };

export async function createStaffUser(deps: { store: Store }, admin: Staff, form: FormData, departments: ReadonlySet<string>, client: string): Promise<UserFormResult> {
  const problems: UserProblems = {};
  const username = textField(form, 'username').trim().toLowerCase();
  if (!username) problems.username = 'required';
  else if (!USERNAME_PATTERN.test(username)) problems.username = 'invalid';
  const fields = readRoleFields(form, departments, problems);
  const password = readNewPassword(form, username, problems);
  const values = { username, ...fields };
  if (Object.keys(problems).length > 0) return { ok: false, values, problems };
  try {
    const user = await deps.store.createUser({
      username, displayName: fields.displayName, role: fields.role, department: fields.department || null, passwordHash: await hashPassword(password),
    });
    await audit(deps.store, admin, 'user.create', `user:${username}`, client, { role: fields.role, department: fields.department || null });
    return { ok: true, user };
  } catch (e) {
    if (e instanceof Conflict) return { ok: false, values, problems: { username: 'taken' } };
    throw e;
  }
}

export const USER_CHANGES = ['update', 'password', 'disable', 'enable', 'unlock'] as const;
export type UserChange = (typeof USER_CHANGES)[number];

export type UserChangeResult =
  | { ok: true; user: UserRecord; change: UserChange }
  | { ok: false; error: 'NotFound' | 'Self' | 'UnknownChange' }
  | { ok: false; error: 'Invalid'; values: UserValues; problems: UserProblems };

export async function changeStaffUser(deps: { store: Store; now?: () => Date }, admin: Staff, username: string, form: FormData, departments: ReadonlySet<string>, client: string): Promise<UserChangeResult> {
  const { store } = deps;
  const now = deps.now?.() ?? new Date();
  const user = await store.getUserByUsername(username);
  if (!user) return { ok: false, error: 'NotFound' };
  const change = textField(form, 'change') as UserChange;
  if (!(USER_CHANGES as readonly string[]).includes(change)) return { ok: false, error: 'UnknownChange' };
  const self = user.id === admin.id;
  const problems: UserProblems = {};
  let patch: UserPatch;
  let detail: Record<string, unknown> = {};
  switch (change) {
    case 'update': {
      const fields = readRoleFields(form, departments, problems);
      if (Object.keys(problems).length > 0) return { ok: false, error: 'Invalid', values: { username, ...fields }, problems };
      if (self && fields.role !== 'admin') return { ok: false, error: 'Self' };
      patch = { displayName: fields.displayName, role: fields.role as StaffRole, department: fields.department || null };
      detail = { role: fields.role, department: fields.department || null };
      break;
    }
    case 'password': {
      const password = readNewPassword(form, username, problems);
      if (Object.keys(problems).length > 0) return { ok: false, error: 'Invalid', values: valuesOf(user), problems };
      patch = { passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null };
      break;
    }
    case 'disable':
      if (self) return { ok: false, error: 'Self' };
      patch = { disabledAt: now };
      break;
    case 'enable':
      patch = { disabledAt: null };
      break;
    case 'unlock':
      patch = { failedLogins: 0, lockedUntil: null };
      break;
  }
  const updated = await store.updateUser(user.id, patch);
  // Whoever was signed in as this account must sign in again under the new rules.
  if (change !== 'unlock' && change !== 'enable' && !(self && change === 'password')) await store.deleteUserSessions(user.id);
  await audit(store, admin, `user.${change}`, `user:${username}`, client, detail, now);
  return { ok: true, user: updated, change };
}

export const valuesOf = (u: UserRecord): UserValues => ({ username: u.username, displayName: u.displayName, role: u.role, department: u.department ?? '' });

/** A staff member changes their own password, proving the current one first. */
export async function changeOwnPassword(deps: { store: Store }, staff: Staff, form: FormData, client: string): Promise<{ ok: true } | { ok: false; problems: UserProblems }> {
  const user = await deps.store.getUser(staff.id);
  if (!user) return { ok: false, problems: { current: 'wrong' } };
  const problems: UserProblems = {};
  if (!(await verifyPassword(textField(form, 'current'), user.passwordHash))) problems.current = 'wrong';
  const password = readNewPassword(form, user.username, problems);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  await deps.store.updateUser(user.id, { passwordHash: await hashPassword(password) });
  await audit(deps.store, staff, 'user.own-password', `user:${user.username}`, client);
  return { ok: true };
}
