import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/server/store/open-store.ts';
import { KINDS } from '../../src/lib/cases/state-machine.ts';

/** `npm run seed:sample`: sample letters and applications for the sample portal, only into an empty Store. */
const node = existsSync('node_modules/.bin/node') ? 'node_modules/.bin/node' : process.execPath;
const seed = (dataDir: string) => spawnSync(node, ['scripts/seed-sample.ts'], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });

describe('seed:sample', () => {
  it('fills an empty Store with letters in every state, published ones and rated applications, and never touches one in use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-'));
    const first = seed(dir);
    expect(first.status, first.stderr).toBe(0);
    const store = await openStore({ DATA_DIR: dir });
    try {
      const { items } = await store.listCases({ limit: 500 });
      expect(items.every((c) => c.data.sample === true)).toBe(true);
      const letters = items.filter((c) => c.kind === 'letter');
      expect(new Set(letters.map((c) => c.state))).toEqual(new Set(['submitted', 'accepted', 'assigned', 'replied', 'closed']));
      expect(new Set(letters.map((c) => c.category))).toEqual(new Set(Object.keys(KINDS).filter((k) => k !== 'service')));
      const published = letters.filter((c) => c.publishedAt);
      expect(published.length).toBeGreaterThanOrEqual(5);
      for (const c of published) expect(c.data.publishConsent).toBe(true);
      // The published copies are in all three languages.
      const scripts = published.map((c) => String((c.data.publication as { title: string }).title));
      expect(scripts.some((s) => /[\u4e00-\u9fff]/.test(s)) && scripts.some((s) => /[\u0600-\u06ff]/.test(s)) && scripts.some((s) => /^[A-Za-z]/.test(s))).toBe(true);
      expect(items.filter((c) => c.kind === 'application' && c.data.rating).length).toBeGreaterThan(0);
      const before = items.length;
      const again = seed(dir);
      expect(again.stdout).toContain('nothing added');
      expect((await store.listCases({ limit: 1 })).total).toBe(before);
    } finally {
      await store.close();
    }
  });
});
