/**
 * Reads the two `git log` passes of the translation report (src/server/editorial/
 * translation-report.ts) into "when did this change last" maps. Each commit starts with a NUL
 * and its committer time in seconds (`--format=%x00%ct`).
 *
 * - `lastChangeOfFiles`: `git log --name-only`, for whole files (the Markdown bodies).
 * - `lastChangeOfBlocks`: `git log -p --unified=0`, for the zh/ug/en blocks of YAML files. A
 *   changed line belongs to the last top-level key at or above it: the hunk header names the
 *   top-level line before the hunk (Git's default function-name rule: a line starting with a
 *   letter, `_` or `$`), and a changed top-level line inside the hunk starts a new block.
 *   Changed comment and blank lines count for nothing.
 */
import { topLevelKey } from './yaml-blocks.ts';

const COMMIT = /^\0(\d+)$/;

function later(map: Map<string, Date>, key: string, at: Date) {
  const had = map.get(key);
  if (!had || had < at) map.set(key, at);
}

/** path → the time of the last commit that touched it. */
export function lastChangeOfFiles(log: string): Map<string, Date> {
  const out = new Map<string, Date>();
  let at: Date | undefined;
  for (const line of log.split('\n')) {
    const c = COMMIT.exec(line);
    if (c) at = new Date(Number(c[1]) * 1000);
    else if (at && line.trim()) later(out, line.trim(), at);
  }
  return out;
}

/** `path#block` → the time of the last commit that changed a line in that top-level block. */
export function lastChangeOfBlocks(log: string): Map<string, Date> {
  const out = new Map<string, Date>();
  let at: Date | undefined;
  let path: string | undefined;
  let block: string | null = null;
  for (const line of log.split('\n')) {
    const c = COMMIT.exec(line);
    if (c) { at = new Date(Number(c[1]) * 1000); path = undefined; continue; }
    if (line.startsWith('diff --git ')) { path = / b\/(.+)$/.exec(line)?.[1]; continue; }
    if (line.startsWith('+++ ') || line.startsWith('--- ')) continue;
    if (line.startsWith('@@')) { block = topLevelKey(/^@@ [^@]* @@ ?(.*)$/.exec(line)?.[1] ?? ''); continue; }
    if (!at || !path || !(line.startsWith('+') || line.startsWith('-'))) continue;
    const text = line.slice(1);
    block = topLevelKey(text) ?? block;
    // Comments and blank lines are notes to editors, not the edition's text.
    if (block && text.trim() !== '' && !text.trimStart().startsWith('#')) later(out, `${path}#${block}`, at);
  }
  return out;
}
