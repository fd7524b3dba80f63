/**
 * The body of Keystatic's `POST /api/keystatic/update` (local mode; see `update()` in
 * @keystatic/core/dist/keystatic-core-api-generic.node.js): the files to write, their contents
 * base64url-encoded, and the files to delete, all by repository path.
 */
export interface FileWrite {
  path: string;
  contents: Uint8Array;
}

export interface Update {
  additions: FileWrite[];
  deletions: string[];
}

const isString = (v: unknown): v is string => typeof v === 'string';
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** The update a request body describes, or null when it is not one. */
export function readUpdate(body: unknown): Update | null {
  if (!body || typeof body !== 'object') return null;
  const { additions, deletions } = body as { additions?: unknown; deletions?: unknown };
  if (!Array.isArray(additions) || !Array.isArray(deletions)) return null;
  const writes: FileWrite[] = [];
  for (const a of additions) {
    const { path, contents } = (a ?? {}) as { path?: unknown; contents?: unknown };
    if (!isString(path) || !isString(contents) || !BASE64.test(contents)) return null;
    writes.push({ path, contents: new Uint8Array(Buffer.from(contents, 'base64url')) });
  }
  const removed: string[] = [];
  for (const d of deletions) {
    const { path } = (d ?? {}) as { path?: unknown };
    if (!isString(path)) return null;
    removed.push(path);
  }
  return { additions: writes, deletions: removed };
}

/** The request body Keystatic's handler reads. */
export function updateBody(update: Update): string {
  return JSON.stringify({
    additions: update.additions.map((a) => ({ path: a.path, contents: Buffer.from(a.contents).toString('base64url') })),
    deletions: update.deletions.map((path) => ({ path })),
  });
}
