/**
 * Where content lives on the editing server:
 * - the published tree: a Git working copy (CONTENT_REPO, by default this project) whose
 *   `content/` is what the site is built from. Only the publisher writes to it, by commits.
 * - the drafts tree (DRAFTS_DIR, by default data/drafts): a copy of `content/` that the CMS
 *   writes to. An item's draft is its folder here; it reaches the published tree only when the
 *   centre approves it.
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const publishedRoot = (env: NodeJS.ProcessEnv = process.env): string => resolve(env.CONTENT_REPO ?? '.');
export const draftsRoot = (env: NodeJS.ProcessEnv = process.env): string => resolve(env.DRAFTS_DIR ?? join(env.DATA_DIR ?? 'data', 'drafts'));

/** Makes the drafts tree from the published content the first time the CMS is used. */
export function ensureDrafts(env: NodeJS.ProcessEnv = process.env): string {
  const drafts = draftsRoot(env);
  if (!existsSync(join(drafts, 'content'))) {
    mkdirSync(drafts, { recursive: true });
    cpSync(join(publishedRoot(env), 'content'), join(drafts, 'content'), { recursive: true });
  }
  return drafts;
}
