/** Git, run as a program on the published working copy: the content's history is Git's own. */
import { execFile } from 'node:child_process';

export class GitFailed extends Error {
  override name = 'GitFailed';
}

/** Runs `git <args>` in `cwd`; resolves to its standard output, rejects with its standard error. */
export function git(cwd: string, args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, env: { ...process.env, ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new GitFailed(`git ${args[0]}: ${(stderr || error.message).trim()}`));
      else resolve(stdout);
    });
  });
}

/** A person as Git records them. Names cannot hold the characters Git uses around them. */
export interface GitPerson {
  name: string;
  email: string;
}
export const gitPerson = (displayName: string, username: string): GitPerson => ({
  name: displayName.replace(/[<>\n]/g, ' ').trim() || username,
  email: `${username.replace(/[^A-Za-z0-9._-]/g, '-')}@staff.invalid`,
});
