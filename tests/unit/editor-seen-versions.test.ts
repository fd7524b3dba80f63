import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blobRead, blobSha, SeenVersions } from '../../src/editor/save/seen-versions.ts';

const ITEM = 'content/news/2025-03-20-spring-sowing-preparations';
const inItem = (path: string) => path.startsWith(`${ITEM}/`);

describe('the versions an editor’s page holds', () => {
  it('names a file’s version as Git (and so Keystatic) does', () => {
    const file = `${ITEM}/index.yaml`;
    expect(blobSha(readFileSync(file))).toBe(execFileSync('git', ['hash-object', file], { encoding: 'utf8' }).trim());
  });

  it('reads the version and path of a blob request, and nothing else', () => {
    const sha = 'a'.repeat(40);
    expect(blobRead(`/api/keystatic/blob/${sha}/${ITEM}/body/ug.md`)).toEqual({ sha, path: `${ITEM}/body/ug.md` });
    expect(blobRead('/api/keystatic/tree')).toBeNull();
    expect(blobRead(`/api/keystatic/blob/xyz/${ITEM}/index.yaml`)).toBeNull();
    expect(blobRead(`/api/keystatic/blob/${sha}/%E0%A4%A`)).toBeNull();
  });

  it('lists the item’s files someone else changed or removed since the session had them', () => {
    const seen = new SeenVersions();
    const disk = new Map([[`${ITEM}/index.yaml`, 'v2'], [`${ITEM}/body/zh.md`, 'b1']]);
    const onDisk = (path: string) => disk.get(path) ?? null;
    // Nothing known of a session: nothing to refuse.
    expect(seen.changedSince('s1', inItem, onDisk)).toEqual([]);
    seen.saw('s1', `${ITEM}/index.yaml`, 'v1');
    seen.saw('s1', `${ITEM}/body/zh.md`, 'b1');
    seen.saw('s1', `${ITEM}/body/ug.md`, 'u1');
    seen.saw('s1', 'content/news/another-item/index.yaml', 'x1');
    expect(seen.changedSince('s1', inItem, onDisk).sort()).toEqual([`${ITEM}/body/ug.md`, `${ITEM}/index.yaml`]);
    // The session's own save is what it now has; a deleted file is no longer held.
    seen.saw('s1', `${ITEM}/index.yaml`, 'v2');
    seen.forget('s1', `${ITEM}/body/ug.md`);
    expect(seen.changedSince('s1', inItem, onDisk)).toEqual([]);
    // Another session's versions are its own.
    expect(seen.changedSince('s2', inItem, onDisk)).toEqual([]);
  });
});
