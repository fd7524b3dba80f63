/**
 * The editorial workflow's publishing, over HTTP against a portal of its own (its own Git
 * repository, drafts tree, Store and releases): an editor's draft waits for review, the centre
 * sees it against the published version, approving commits it (editor as author, reviewer as
 * committer), rebuilds the site and its search index and serves the new release; a build that
 * fails changes nothing and is reported; withdrawing takes the item off the site. Permissions
 * are checked on the server.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSave } from '../../src/server/editorial/items.ts';
import { hashPassword } from '../../src/server/staff/passwords.ts';
import { staffOf } from '../../src/server/staff/sessions.ts';
import { openStore } from '../../src/server/store/open-store.ts';
import type { Store, UserRecord } from '../../src/server/store/store.ts';
import { startPublishingPortal, type PublishingPortal } from '../support/publishing-portal.ts';

const NEWS = { collection: 'news', item: '2025-03-20-spring-sowing-preparations' };
const OTHER = { collection: 'news', item: '2025-05-15-grassland-ecological-protection' };
const UG_TITLE = 'ئاپتونوم رايون ئەتىيازلىق تېرىلغۇ خىزمىتىنى ئومۇميۈزلۈك ئورۇنلاشتۇردى';
const UG_BODY = 'ئاپتونوم رايونلۇق يېزا ئىگىلىك نازارىتى ئەتىيازلىق تېرىلغۇ تەييارلىقى خىزمىتىنى ئىلگىرى سۈرۈش يىغىنى ئاچتى.\n';
const PASSWORD = 'Tianshan-Editor-2026!';

let portal: PublishingPortal;
let store: Store;
const users: Record<string, UserRecord> = {};
const cookies: Record<string, string> = {};

async function signIn(username: string): Promise<string> {
  const res = await fetch(`${portal.base}/admin/zh/sign-in/`, {
    method: 'POST', redirect: 'manual',
    headers: { Origin: portal.base, 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': `192.0.2.${Object.keys(cookies).length + 10}` },
    body: new URLSearchParams({ username, password: PASSWORD, next: '/admin/zh/' }),
  });
  expect(res.status).toBe(303);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('portal_staff='))!;
}

async function get(who: string | null, path: string) {
  const res = await fetch(`${portal.base}${path}`, { redirect: 'manual', headers: who ? { Cookie: cookies[who]! } : {} });
  const html = await res.text();
  return { status: res.status, html, $: load(html), location: res.headers.get('location') };
}

async function post(who: string | null, path: string, fields: Record<string, string>) {
  const res = await fetch(`${portal.base}${path}`, {
    method: 'POST', redirect: 'manual',
    headers: { Origin: portal.base, 'Content-Type': 'application/x-www-form-urlencoded', ...(who ? { Cookie: cookies[who]! } : {}) },
    body: new URLSearchParams(fields),
  });
  const html = await res.text();
  return { status: res.status, html, $: load(html), location: res.headers.get('location') };
}

const itemPage = (ref: typeof NEWS) => `/admin/zh/content/${ref.collection}/${ref.item}/`;

/** Takes an action from the item page as the page offers it: with the version the page carries. */
async function act(who: string, ref: typeof NEWS, action: string, note = '') {
  const page = await get(who, itemPage(ref));
  const version = page.$(`form input[name="action"][value="${action}"]`).siblings('input[name="version"]').val() as string | undefined;
  return post(who, itemPage(ref), { action, version: version ?? page.$('input[name="version"]').first().val() as string ?? '0', note });
}

/** What the CMS does on a save: the item's files in the drafts tree, then the record of the draft. */
async function saveDraft(who: string, ref: typeof NEWS, change: (dir: string) => void) {
  change(join(portal.drafts, 'content', ref.collection, ref.item));
  const department = /^department: (\S+)$/m.exec(readFileSync(join(portal.drafts, 'content', ref.collection, ref.item, 'index.yaml'), 'utf8'))?.[1] ?? null;
  await recordSave(store, { ref, department, staff: staffOf(users[who]!)! });
}

/** Waits until the item's last publishing run has ended; its state on the page. */
async function runEnded(ref: typeof NEWS, who = 'reviewer'): Promise<string> {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const page = await get(who, itemPage(ref));
    if (page.$('#run-state[data-run="building"]').length === 0) return page.$('dd[data-state]').attr('data-state')!;
    if (Date.now() > deadline) throw new Error('the publishing run did not end within 150 s');
    await new Promise((r) => setTimeout(r, 500));
  }
}

const repoGit = (...args: string[]) => execFileSync('git', args, { cwd: portal.repo, encoding: 'utf8' }).trim();

beforeAll(async () => {
  portal = await startPublishingPortal();
  store = await openStore({ DATA_DIR: portal.dataDir });
  const hash = await hashPassword(PASSWORD);
  const make = async (key: string, role: 'handler' | 'centre' | 'auditor', department: string | null, displayName: string) => {
    users[key] = await store.createUser({ username: key, displayName, role, department, passwordHash: hash });
    cookies[key] = await signIn(key);
  };
  await make('editor', 'handler', 'agriculture', '阿依古丽·农业');
  await make('ecology', 'handler', 'ecology', '王林·生态');
  await make('reviewer', 'centre', null, '李华·信息中心');
  await make('auditor', 'auditor', null, '审计员');
}, 60_000);

afterAll(async () => {
  await store?.close();
  await portal?.stop();
});

describe('publishing content', () => {
  it('an editor’s saved draft is listed, shows its changes against the published version, and goes to review when submitted', async () => {
    const before = await get('editor', itemPage(NEWS));
    await saveDraft('editor', NEWS, (dir) => {
      const yaml = readFileSync(join(dir, 'index.yaml'), 'utf8');
      writeFileSync(join(dir, 'index.yaml'), yaml.replace(/^en:/m, `ug:\n  title: ${UG_TITLE}\n  imageAlt: كۆك ئاسمان ئاستىدىكى يېشىل ئېتىزلار\nen:`));
      mkdirSync(join(dir, 'body'), { recursive: true });
      writeFileSync(join(dir, 'body', 'ug.md'), UG_BODY);
    });
    const list = await get('editor', '/admin/zh/content/');
    expect(list.$(`#drafts-table tr[data-item="news/${NEWS.item}"]`).attr('data-state')).toBe('draft');

    const page = await get('editor', itemPage(NEWS));
    expect(page.status).toBe(200);
    expect(page.$('dd[data-state]').attr('data-state')).toBe('draft');
    // The Uyghur edition was missing before this draft; the draft has all three.
    expect(page.$('#editions [data-lang="ug"]').attr('data-present')).toBe('true');
    expect(page.$('#editions [data-lang="en"]').attr('data-present')).toBe('true');
    expect(before.$('#editions [data-lang="ug"]').attr('data-present')).toBe('false');
    expect(page.$(`[data-file="content/news/${NEWS.item}/body/ug.md"]`).attr('data-change')).toBe('added');
    expect(page.$(`[data-file="content/news/${NEWS.item}/index.yaml"] ins`).text()).toContain(UG_TITLE);
    // The editor may submit but not approve; the approve button is not offered.
    expect(page.$('input[name="action"][value="approve"]').length).toBe(0);

    const submitted = await act('editor', NEWS, 'submit');
    expect(submitted.status).toBe(303);
    expect((await store.getContentItem(NEWS.collection, NEWS.item))?.state).toBe('review');
    const pending = await get('reviewer', '/admin/zh/content/');
    expect(pending.$(`#pending-table tr[data-item="news/${NEWS.item}"]`).attr('data-state')).toBe('review');
  });

  it('only the centre publishes, and a department editor cannot reach another department’s item', async () => {
    const head = repoGit('rev-parse', 'HEAD');
    const version = String((await store.getContentItem(NEWS.collection, NEWS.item))!.version);
    expect((await post('editor', itemPage(NEWS), { action: 'approve', version, note: '' })).status).toBe(403);
    expect((await post('auditor', itemPage(NEWS), { action: 'approve', version, note: '' })).status).toBe(403);
    expect((await post('ecology', itemPage(NEWS), { action: 'submit', version, note: '' })).status).toBe(403);
    expect((await get('ecology', itemPage(NEWS))).status).toBe(403);
    const anonymous = await post(null, itemPage(NEWS), { action: 'approve', version, note: '' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toContain('/admin/zh/sign-in/');
    // An approval from a page read before the last change is refused.
    expect((await post('reviewer', itemPage(NEWS), { action: 'approve', version: String(Number(version) - 1), note: '' })).status).toBe(409);
    // Sending back needs a note, and keeps what was typed when refused.
    const noNote = await post('reviewer', itemPage(NEWS), { action: 'return', version, note: '   ' });
    expect(noNote.status).toBe(400);
    expect(noNote.$('.error-summary').text()).toContain('请填写意见或理由');
    expect((await store.getContentItem(NEWS.collection, NEWS.item))?.state).toBe('review');
    expect(repoGit('rev-parse', 'HEAD')).toBe(head);
    expect(await store.listPublishJobs()).toEqual([]);
  });

  it('a run a server restart cut short is reported as such, and approval is offered again', async () => {
    // The run was started by a server process that stopped: it began before this one did.
    const reviewer = users.reviewer!;
    const cutShort = await store.createPublishJob({ action: 'publish', items: [NEWS], reviewerId: reviewer.id, now: new Date(portal.startedAt.getTime() - 60_000) });
    const page = await get('reviewer', itemPage(NEWS));
    expect(page.$('#run-state').attr('data-run')).toBe('failed');
    expect(page.$('#run-state [data-interrupted]').text()).toContain('中断');
    expect(page.$('input[name="action"][value="approve"]').length).toBe(1);
    const [run] = await store.listPublishJobs({ item: NEWS, limit: 1 });
    expect(run).toMatchObject({ id: cutShort.id, state: 'failed' });
  });

  it('approving commits the item (editor as author, reviewer as committer), rebuilds the site and its search, and serves it', async () => {
    const before = await get(null, `/ug/news/${NEWS.item}/`);
    expect(before.html).not.toContain(UG_TITLE);
    const approved = await act('reviewer', NEWS, 'approve');
    expect(approved.status).toBe(303);
    expect(approved.location).toContain('done=approve');
    // While the new site is built, the old one serves.
    expect((await get(null, `/ug/news/${NEWS.item}/`)).status).toBe(200);

    expect(await runEnded(NEWS)).toBe('published');
    const after = await get(null, `/ug/news/${NEWS.item}/`);
    expect(after.status).toBe(200);
    expect(after.$('h1').text()).toContain(UG_TITLE);
    expect(after.html).toContain('يېزا ئىگىلىك نازارىتى');

    const [author, committer, subject] = repoGit('log', '-1', '--format=%an%n%cn%n%s').split('\n');
    expect(author).toBe('阿依古丽·农业');
    expect(committer).toBe('李华·信息中心');
    expect(subject).toContain(`Publish news/${NEWS.item}`);
    expect(repoGit('status', '--porcelain')).toBe('');
    expect(readFileSync(join(portal.repo, 'content/news', NEWS.item, 'body/ug.md'), 'utf8')).toBe(UG_BODY);

    const search = (await (await fetch(`${portal.base}/api/v1/search?locale=ug&q=${encodeURIComponent('تېرىلغۇ')}`)).json()) as { results: { url: string }[] };
    expect(search.results.map((r) => r.url)).toContain(`/ug/news/${NEWS.item}/`);

    const page = await get('reviewer', itemPage(NEWS));
    expect(page.$('#history-table tr[data-commit]').first().attr('data-commit')).toBe(repoGit('rev-parse', 'HEAD'));
    expect(page.$('#history-table tbody tr').first().text()).toContain('李华·信息中心');
    expect(page.$('[data-file]').length).toBe(0);
  });

  it('a build that fails changes nothing, and the reviewer is told why', async () => {
    const head = repoGit('rev-parse', 'HEAD');
    const served = await get(null, `/zh/news/${NEWS.item}/`);
    await saveDraft('editor', NEWS, (dir) => {
      const yaml = readFileSync(join(dir, 'index.yaml'), 'utf8');
      writeFileSync(join(dir, 'index.yaml'), yaml.replace(/^published: .*$/m, 'published: the day after tomorrow'));
    });
    expect((await act('editor', NEWS, 'submit')).status).toBe(303);
    expect((await act('reviewer', NEWS, 'approve')).status).toBe(303);

    expect(await runEnded(NEWS)).toBe('review');
    const page = await get('reviewer', itemPage(NEWS));
    const report = page.$('#run-state[data-run="failed"] .build-report').text();
    expect(report).toContain(`content/news/${NEWS.item}/index.yaml`);
    expect(report).toContain('published');
    expect(repoGit('rev-parse', 'HEAD')).toBe(head);
    expect(repoGit('status', '--porcelain')).toBe('');
    const still = await get(null, `/zh/news/${NEWS.item}/`);
    expect(still.status).toBe(200);
    expect(still.$('main').text()).toBe(served.$('main').text());
    const [run] = await store.listPublishJobs({ item: NEWS, limit: 1 });
    expect(run).toMatchObject({ state: 'failed', commit: null });
  });

  it('withdrawing takes a published item off the rebuilt site, with the reason kept; drafts catch up with the branch', async () => {
    expect((await get(null, `/zh/news/${OTHER.item}/`)).status).toBe(200);
    // A change committed outside the CMS, to an item nobody is editing.
    const contact = join(portal.repo, 'content/pages/contact/index.yaml');
    writeFileSync(contact, readFileSync(contact, 'utf8').replace(/^(\s*title: .*)$/m, '$1（已更新）'));
    repoGit('-c', 'user.name=Developer', '-c', 'user.email=dev@staff.invalid', 'commit', '--quiet', '--all', '-m', 'Contact page corrected');
    const noReason = await act('reviewer', OTHER, 'withdraw', '');
    expect(noReason.status).toBe(400);
    const withdrawn = await act('reviewer', OTHER, 'withdraw', '内容已过时');
    expect(withdrawn.status).toBe(303);
    expect(await runEnded(OTHER)).toBe('withdrawn');
    expect((await get(null, `/zh/news/${OTHER.item}/`)).status).toBe(404);
    expect(repoGit('log', '-1', '--format=%s')).toContain(`Withdraw news/${OTHER.item}`);
    // The published item edited and sent back earlier is still there.
    expect((await get(null, `/ug/news/${NEWS.item}/`)).$('h1').text()).toContain(UG_TITLE);
    const page = await get('ecology', itemPage(OTHER));
    expect(page.status).toBe(200);
    expect(page.html).toContain('内容已过时');
    expect(readFileSync(join(portal.drafts, 'content/pages/contact/index.yaml'), 'utf8')).toContain('（已更新）');
    // The item in review keeps its draft.
    expect(readFileSync(join(portal.drafts, 'content/news', NEWS.item, 'index.yaml'), 'utf8')).toContain('the day after tomorrow');
  });
});
