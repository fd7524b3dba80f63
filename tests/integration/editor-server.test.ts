/**
 * The editor server over HTTP, as Keystatic's pages use it: who gets in, which saves are
 * refused and what a save writes. The server is built and started once for this file, with its
 * own Store and drafts tree; the published content/ must come out untouched.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_URL, staffCookie, startEditorServer, type EditorServer } from '../support/editor-server.ts';

const OWN = 'content/news/2025-03-20-spring-sowing-preparations'; // agriculture
const OTHERS = 'content/news/2025-05-15-grassland-ecological-protection'; // ecology

let editor: EditorServer;
let publishedBefore: string;

/** A fingerprint of every file under content/. */
function fingerprint(dir = 'content'): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

beforeAll(async () => {
  publishedBefore = fingerprint();
  editor = await startEditorServer();
}, 180_000);

afterAll(async () => {
  await editor?.stop();
});

const drafted = (path: string) => join(editor.draftsDir, path);
const draftText = (path: string) => readFileSync(drafted(path), 'utf8');
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Keystatic's YAML for an item after an edit: js-yaml's style, with the defaults it writes. */
function asKeystaticWrites(yamlPath: string, edit: (item: Record<string, any>) => void): string {
  const item = load(draftText(yamlPath)) as Record<string, any>;
  item.featured ??= false;
  item.attachments ??= [];
  item.body = {};
  edit(item);
  return dump(item);
}

interface Files {
  additions?: { path: string; contents: string }[];
  deletions?: { path: string }[];
}

/** `POST /api/keystatic/update` as Keystatic's page sends it. */
function save(cookie: string | null, files: Files, origin = editor.url) {
  return fetch(`${editor.url}/api/keystatic/update`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'no-cors': '1', Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify({ additions: files.additions ?? [], deletions: files.deletions ?? [] }),
  });
}

const get = (cookie: string | null, path: string) =>
  fetch(`${editor.url}${path}`, { redirect: 'manual', headers: { 'no-cors': '1', ...(cookie ? { Cookie: cookie } : {}) } });

describe('who may use the editor', () => {
  it('sends a visitor without a session to the back office sign-in, and the API answers 401', async () => {
    for (const path of ['/keystatic', '/keystatic/collection/news']) {
      const res = await get(null, path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe(`${PORTAL_URL}/admin/zh/sign-in/?next=/admin/zh/`);
    }
    expect((await get(null, '/api/keystatic/tree')).status).toBe(401);
    const ended = await get('portal_staff=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/api/keystatic/tree');
    expect(ended.status).toBe(401);
    const write = await save(null, { additions: [{ path: `${OWN}/index.yaml`, contents: b64('x: 1\n') }] });
    expect(write.status).toBe(401);
    expect(await write.json()).toEqual({ error: expect.any(String) });
  });

  it('refuses staff who may not edit content', async () => {
    const auditor = await staffCookie(editor.store, 'auditor');
    expect((await get(auditor, '/keystatic')).status).toBe(403);
    expect((await get(auditor, '/api/keystatic/tree')).status).toBe(403);
    expect((await save(auditor, { additions: [{ path: `${OWN}/index.yaml`, contents: b64('x: 1\n') }] })).status).toBe(403);
  });

  it('serves the CMS to an editor, with its own security headers', async () => {
    const handler = await staffCookie(editor.store, 'handler', 'agriculture');
    const page = await get(handler, '/keystatic');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('keystatic-page');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/googleapis|gstatic|https:/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-robots-tag')).toContain('noindex');

    const tree = await get(handler, '/api/keystatic/tree');
    expect(tree.status).toBe(200);
    const paths = ((await tree.json()) as { path: string }[]).map((e) => e.path);
    expect(paths).toContain(`${OWN}/index.yaml`);
    // Keystatic reads the drafts tree, which holds the content and nothing else.
    expect(paths.every((p) => p === 'content' || p.startsWith('content/'))).toBe(true);
  });

  it('refuses a write from another site, and any write that goes around the checked save', async () => {
    const handler = await staffCookie(editor.store, 'handler', 'agriculture');
    const before = draftText(`${OWN}/index.yaml`);
    const posted = asKeystaticWrites(`${OWN}/index.yaml`, (item) => (item.zh.title = '跨站写入'));
    const res = await save(handler, { additions: [{ path: `${OWN}/index.yaml`, contents: b64(posted) }] }, 'http://evil.example');
    expect(res.status).toBe(403);
    const other = await fetch(`${editor.url}/api/keystatic/tree`, { method: 'POST', headers: { Cookie: handler, Origin: editor.url, 'no-cors': '1' } });
    expect(other.status).toBe(405);
    expect(draftText(`${OWN}/index.yaml`)).toBe(before);
  });
});

describe('saving an item', () => {
  it('writes a department editor’s change to their item into the drafts tree, normalised and canonical, and records a draft', async () => {
    const handler = await staffCookie(editor.store, 'handler', 'agriculture');
    const published = readFileSync(`${OWN}/index.yaml`, 'utf8');
    // Presentation forms (ﺗ…) and a Persian-keyboard ی, as old software types them.
    const posted = asKeystaticWrites(`${OWN}/index.yaml`, (item) => (item.ug = { title: 'ﺑﺎﮬﺎﺭﻟﯩﻖ ﺗﯧﺮﯨﻘﭽﯩﻠﯩﻖ', keywords: ['یېزا ئىگىلىكى'] }));
    const res = await save(handler, {
      additions: [
        { path: `${OWN}/index.yaml`, contents: b64(posted) },
        { path: `${OWN}/body/ug.md`, contents: b64('ﺑﺎﮬﺎﺭﻟﯩﻖ ﺗﯧﺮﯨﻘﭽﯩﻠﯩﻖ باشلاندى.\n') },
        { path: `${OWN}/body/en.md`, contents: '' },
      ],
    });
    expect(res.status, await res.clone().text()).toBe(200);

    const stored = draftText(`${OWN}/index.yaml`);
    // Only the new Uyghur edition was added, laid out as this file lays out its languages.
    expect(stored).toBe(published.replace(/\nen:/, '\nug:\n  title: باھارلىق تېرىقچىلىق\n  keywords: [يېزا ئىگىلىكى]\nen:'));
    expect(draftText(`${OWN}/body/ug.md`)).toBe('باھارلىق تېرىقچىلىق باشلاندى.\n');
    // An emptied body is no body.
    expect(existsSync(drafted(`${OWN}/body/en.md`))).toBe(false);

    const record = await editor.store.getContentItem('news', '2025-03-20-spring-sowing-preparations');
    expect(record).toMatchObject({ state: 'draft', department: 'agriculture' });
  });

  it('refuses a department editor’s save of another department’s item, and writes nothing', async () => {
    const handler = await staffCookie(editor.store, 'handler', 'agriculture');
    const before = draftText(`${OTHERS}/index.yaml`);
    const posted = asKeystaticWrites(`${OTHERS}/index.yaml`, (item) => (item.zh.title = '改别人的稿件'));
    const res = await save(handler, { additions: [{ path: `${OTHERS}/index.yaml`, contents: b64(posted) }, { path: `${OTHERS}/body/zh.md`, contents: b64('改写\n') }] });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('ecology');
    expect(draftText(`${OTHERS}/index.yaml`)).toBe(before);
    expect(draftText(`${OTHERS}/body/zh.md`)).not.toBe('改写\n');
    expect(await editor.store.getContentItem('news', '2025-05-15-grassland-ecological-protection')).toBeUndefined();
  });

  it('refuses moving an item into or out of the editor’s department', async () => {
    const handler = await staffCookie(editor.store, 'handler', 'agriculture');
    const ownBefore = draftText(`${OWN}/index.yaml`);
    const away = asKeystaticWrites(`${OWN}/index.yaml`, (item) => (item.department = 'ecology'));
    expect((await save(handler, { additions: [{ path: `${OWN}/index.yaml`, contents: b64(away) }] })).status).toBe(403);
    expect(draftText(`${OWN}/index.yaml`)).toBe(ownBefore);

    const othersBefore = draftText(`${OTHERS}/index.yaml`);
    const taken = asKeystaticWrites(`${OTHERS}/index.yaml`, (item) => (item.department = 'agriculture'));
    expect((await save(handler, { additions: [{ path: `${OTHERS}/index.yaml`, contents: b64(taken) }] })).status).toBe(403);
    expect(draftText(`${OTHERS}/index.yaml`)).toBe(othersBefore);
  });

  it('refuses a save that is not inside one item', async () => {
    const centre = await staffCookie(editor.store, 'centre');
    const yaml = b64(draftText(`${OWN}/index.yaml`));
    for (const files of [
      { additions: [{ path: `${OWN}/index.yaml`, contents: yaml }, { path: `${OTHERS}/body/zh.md`, contents: b64('x\n') }] },
      { additions: [{ path: `${OWN}/index.yaml`, contents: yaml }], deletions: [{ path: 'content/departments/agriculture.yaml' }] },
      { additions: [{ path: 'package.json', contents: b64('{}') }] },
      { additions: [{ path: `${OWN}/../../../package.json`, contents: b64('{}') }] },
      { additions: [] },
    ]) {
      expect((await save(centre, files)).status, JSON.stringify(files).slice(0, 120)).toBe(400);
    }
    expect((await save(centre, { additions: [{ path: `${OWN}/index.yaml`, contents: 'not base64!' }] })).status).toBe(400);
  });

  it('takes only files the portal publishes: no page or script among the downloads', async () => {
    const centre = await staffCookie(editor.store, 'centre');
    for (const path of [`${OWN}/files/notice.html`, `${OWN}/files/Notice.PDF`, `${OWN}/cover.svg`, `${OWN}/notes.txt`, 'content/departments/agriculture/photo.jpg']) {
      const res = await save(centre, { additions: [{ path, contents: b64('<script>alert(1)</script>') }] });
      expect([400, 422], path).toContain(res.status);
      expect(existsSync(drafted(path)), path).toBe(false);
    }
  });

  it('refuses an item the content model rejects, saying why', async () => {
    const centre = await staffCookie(editor.store, 'centre');
    const before = draftText(`${OWN}/index.yaml`);
    const posted = asKeystaticWrites(`${OWN}/index.yaml`, (item) => {
      item.zh.title = '';
      item.image = 'https://example.com/x.jpg';
    });
    const res = await save(centre, { additions: [{ path: `${OWN}/index.yaml`, contents: b64(posted) }] });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/zh\.title[\s\S]*image|image[\s\S]*zh\.title/);
    expect(draftText(`${OWN}/index.yaml`)).toBe(before);
  });

  it('lets a department editor create an item of their department, without empty editions', async () => {
    const handler = await staffCookie(editor.store, 'handler', 'agriculture');
    const dir = 'content/news/2026-12-01-winter-wheat-sowing';
    const posted = dump({ published: new Date('2026-12-01T02:00:00Z'), department: 'agriculture', featured: false, attachments: [], zh: { title: '冬小麦播种完成', keywords: [] }, ug: { keywords: [] }, en: { keywords: [] }, body: {} });
    const res = await save(handler, {
      additions: [
        { path: `${dir}/index.yaml`, contents: b64(posted) },
        { path: `${dir}/body/zh.md`, contents: b64('全区冬小麦播种已经完成。\n') },
        { path: `${dir}/body/ug.md`, contents: '' },
        { path: `${dir}/body/en.md`, contents: '' },
      ],
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(draftText(`${dir}/index.yaml`)).toBe('published: 2026-12-01T10:00:00+08:00\ndepartment: agriculture\n\nzh:\n  title: 冬小麦播种完成\n');
    expect(readdirSync(drafted(`${dir}/body`))).toEqual(['zh.md']);
    expect(await editor.store.getContentItem('news', '2026-12-01-winter-wheat-sowing')).toMatchObject({ state: 'draft', department: 'agriculture' });
  });

  it('keeps the pictures of a body: an untouched body keeps them, an edit that would lose them is refused', async () => {
    const centre = await staffCookie(editor.store, 'centre');
    const dir = 'content/news/2026-08-06-beiting-tianchi-expressway-opens';
    // Keystatic reads `![…](../photo-2.jpg)` as body/<lang>/../photo-2.jpg and asks to delete it on every save.
    const misread = ['zh', 'ug', 'en'].map((lang) => ({ path: `${dir}/body/${lang}/../photo-2.jpg` }));
    const posted = asKeystaticWrites(`${dir}/index.yaml`, (item) => (item.zh.title += '（更新）'));
    const titleOnly = await save(centre, { additions: [{ path: `${dir}/index.yaml`, contents: b64(posted) }], deletions: misread });
    expect(titleOnly.status, await titleOnly.clone().text()).toBe(200);
    expect(existsSync(drafted(`${dir}/photo-2.jpg`))).toBe(true);
    expect(draftText(`${dir}/index.yaml`)).toContain('（更新）');

    const zh = draftText(`${dir}/body/zh.md`);
    const asText = zh.replace('![', '!\\[').replace('](', ']\\(');
    const edited = await save(centre, { additions: [{ path: `${dir}/body/zh.md`, contents: b64(`补充。\n\n${asText}`) }], deletions: misread });
    expect(edited.status).toBe(422);
    expect(await edited.text()).toContain('图片');
    expect(draftText(`${dir}/body/zh.md`)).toBe(zh);
    expect(existsSync(drafted(`${dir}/photo-2.jpg`))).toBe(true);
  });

  it('writes an edited body’s tables as our files do', async () => {
    const centre = await staffCookie(editor.store, 'centre');
    const body = 'content/interpretations/2026-04-30-flood-emergency-plan-graphic/body/en.md';
    const published = readFileSync(body, 'utf8');
    // Keystatic pads every cell; the edit is the heading.
    const padded = published.replace('| Colour | Meaning |', '| Colour | Meaning                                             |').replace('| --- | --- |', '| ------ | --------------------------------------------------- |').replace(/^## (.*)$/m, '## $1 (updated)');
    const res = await save(centre, { additions: [{ path: body, contents: b64(padded) }] });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(draftText(body)).toBe(published.replace(/^## (.*)$/m, '## $1 (updated)'));
  });

  it('keeps the site’s shared frame (settings, departments…) to the centre', async () => {
    const path = 'content/settings/site.yaml';
    const posted = dump({ ...(load(draftText(path)) as object), phone: '0990-5550199' });
    const handler = await staffCookie(editor.store, 'handler', 'agriculture');
    expect((await save(handler, { additions: [{ path, contents: b64(posted) }] })).status).toBe(403);
    const centre = await staffCookie(editor.store, 'centre');
    const res = await save(centre, { additions: [{ path, contents: b64(posted) }] });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(draftText(path)).toContain('\nphone: 0990-5550199\n');
    expect(await editor.store.getContentItem('settings', 'site')).toMatchObject({ state: 'draft', department: null });
  });

  it('refuses a save over someone else’s newer one, and takes it once the editor’s page has read that version', async () => {
    const [first, second] = [await staffCookie(editor.store, 'centre'), await staffCookie(editor.store, 'centre')];
    const path = `${OWN}/index.yaml`;
    const sha = () => createHash('sha1').update(`blob ${readFileSync(drafted(path)).byteLength}\0`).update(readFileSync(drafted(path))).digest('hex');
    // What Keystatic's page does when an item is opened: read its files by version.
    const open = async (cookie: string) => expect((await get(cookie, `/api/keystatic/blob/${sha()}/${path}`)).status).toBe(200);
    const edit = (title: string) => ({ additions: [{ path, contents: b64(asKeystaticWrites(path, (item) => (item.zh.title = title))) }] });

    await open(first);
    await open(second);
    expect((await save(second, edit('第二位编辑的标题'))).status).toBe(200);
    const theirs = draftText(path);

    const over = await save(first, edit('第一位编辑的标题'));
    expect(over.status).toBe(409);
    expect(await over.text()).toContain('其他人保存了修改（index.yaml）');
    expect(draftText(path)).toBe(theirs);

    // Reloaded, the page reads the newer version; the save is taken, and so is the editor's next one.
    await open(first);
    expect((await save(first, edit('第一位编辑的标题'))).status).toBe(200);
    expect(draftText(path)).toContain('第一位编辑的标题');
    expect((await save(first, edit('第一位编辑再次修改的标题'))).status).toBe(200);
    // The second editor's page still holds their own version, which is no longer the one on disk.
    expect((await save(second, edit('第二位编辑又改了'))).status).toBe(409);
  });

  it('never touches the published content', () => {
    expect(fingerprint()).toBe(publishedBefore);
  });
});
