/**
 * Creates a back-office account: the first admin of a new portal, or any account when nobody
 * can sign in to make it. There is no default password: the password is asked for twice on
 * the terminal (not echoed), or read from the first line of standard input when that is not a
 * terminal (for provisioning scripts).
 *
 *   npm run admin:create -- <username> ["Display name"] [--role admin|centre|handler|auditor] [--department <id>]
 *
 * It uses the same Store as the server (DATABASE_URL, or DATA_DIR/portal.sqlite) and writes
 * the creation into the audit log.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { checkPassword, USERNAME_PATTERN } from '../src/lib/staff/password-policy.ts';
import { isStaffRole } from '../src/lib/staff/roles.ts';
import { hashPassword } from '../src/server/staff/passwords.ts';
import { openStore } from '../src/server/store/open-store.ts';
import { Conflict } from '../src/server/store/store.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};
const role = option('role') ?? 'admin';
const department = option('department') ?? null;
const [username, displayName = username] = args;

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!username || !USERNAME_PATTERN.test(username)) stop('Usage: npm run admin:create -- <username> ["Display name"] [--role admin|centre|handler|auditor] [--department <id>]\nA username is 2–32 lower-case letters, digits, dots, hyphens or underscores, starting with a letter.');
if (!isStaffRole(role)) stop(`Unknown role "${role}": use admin, centre, handler or auditor.`);
if (role === 'handler' && !department) stop('A handler needs --department <department id> (the folder name under content/departments).');

async function askPasswords(): Promise<[string, string]> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return [line, line];
    stop('No password on standard input.');
  }
  // Echo off: the prompt is written, the typed characters are not.
  let muted = false;
  const output = new Writable({ write(chunk, _enc, done) { if (!muted) process.stdout.write(chunk); done(); } });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const ask = (q: string) => new Promise<string>((resolve) => { muted = false; rl.question(q, (a) => { process.stdout.write('\n'); resolve(a); }); muted = true; });
  const first = await ask('Password: ');
  const second = await ask('Password again: ');
  rl.close();
  return [first, second];
}

const [password, again] = await askPasswords();
if (password !== again) stop('The two passwords differ; nothing was created.');
const weak = checkPassword(password, username);
if (weak) stop(({
  tooShort: 'The password is too short: use at least 12 characters.',
  tooLong: 'The password is too long: use at most 256 characters.',
  tooSimple: 'The password is too simple: mix at least three of lower case, upper case, digits and other characters.',
  containsUsername: 'The password must not contain the username.',
} as const)[weak]);

const store = await openStore(process.env);
try {
  await store.createUser({ username, displayName: displayName ?? username, role, department, passwordHash: await hashPassword(password) });
  await store.appendAudit({ actor: 'cli:admin:create', action: 'user.create', subject: `user:${username}`, data: { role, department } });
  console.log(`Created ${role} account "${username}". Sign in at /admin/.`);
} catch (e) {
  if (e instanceof Conflict) stop(`There is already an account "${username}"; nothing was changed.`);
  throw e;
} finally {
  await store.close();
}
