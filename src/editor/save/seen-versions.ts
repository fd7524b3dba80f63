/**
 * Which version of each file an editor's open CMS holds, so that a save made over someone else's
 * newer one is refused instead of silently undoing it. Keystatic in local mode sends no base
 * version with a save, but its page reads every file it shows through
 * `GET /api/keystatic/blob/<sha>/<path>`, which answers only when `<sha>` is the file's version on
 * disk, and keeps what it read for as long as the page is open. So the version an editor works
 * on is the last one their session read, or the one their own last save wrote.
 *
 * Kept in memory, by sign-in session: after the editor server restarts nothing is known, and
 * saves are let through as before. Two tabs of one session count as one editor.
 */
import { createHash } from 'node:crypto';

/** Git's blob hash, which Keystatic names files' versions by. */
export function blobSha(contents: Uint8Array): string {
  return createHash('sha1').update(`blob ${contents.byteLength}\0`).update(contents).digest('hex');
}

const BLOB_READ = /^\/api\/keystatic\/blob\/([0-9a-f]{40})\/(.+)$/;

/** The version and path a blob request reads, or null when the request is not one. */
export function blobRead(pathname: string): { sha: string; path: string } | null {
  const match = BLOB_READ.exec(pathname);
  if (!match) return null;
  try {
    return { sha: match[1]!, path: decodeURIComponent(match[2]!) };
  } catch {
    return null;
  }
}

/** Sessions remembered at most; the oldest is forgotten first (a session lasts 12 hours at most). */
const MAX_SESSIONS = 2000;

export class SeenVersions {
  private readonly sessions = new Map<string, Map<string, string>>();

  /** The session has this version of the file: it read it, or its save wrote it. */
  saw(session: string, path: string, sha: string): void {
    let files = this.sessions.get(session);
    if (!files) {
      if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
      files = new Map();
      this.sessions.set(session, files);
    }
    files.set(path, sha);
  }

  /** The session's save deleted the file. */
  forget(session: string, path: string): void {
    this.sessions.get(session)?.delete(path);
  }

  /**
   * The files of an item (`inItem`) whose version on disk (null: no longer there) is not the one
   * the session has: someone else saved them since.
   */
  changedSince(session: string, inItem: (path: string) => boolean, onDisk: (path: string) => string | null): string[] {
    const files = this.sessions.get(session);
    if (!files) return [];
    return [...files].filter(([path, sha]) => inItem(path) && onDisk(path) !== sha).map(([path]) => path);
  }
}
