import { describe, expect, it } from 'vitest';
import { lookUp } from '../support/letters.ts';
import { act, cookieOf, sendLetter, signInRequest, staffGet, staffMember, staffPost, testStore, versionOn } from '../support/staff.ts';
import { base, freshIp } from '../support/letters.ts';

/**
 * The staff back office against the built server: sign-in and its lock-out, the whole life of a
 * letter from the centre to the department and back to the citizen, who may see what, and
 * refusals that change nothing.
 */
describe('staff sign-in', () => {
  it('sends a visitor without a session to the sign-in page, keeping where they were going', async () => {
    for (const path of ['/admin/zh/', '/admin/ug/cases/ABCDEFGHJK/', '/admin/en/cases.csv', '/admin/zh/audit/', '/admin/zh/users/']) {
      const res = await staffGet(null, path);
      expect(res.status, path).toBe(303);
      const to = new URL(res.headers.get('location')!, base());
      expect(to.pathname).toBe(`/admin/${path.split('/')[2]}/sign-in/`);
      expect(to.searchParams.get('next')).toBe(path);
    }
    const bare = await staffGet(null, '/admin/');
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toMatch(/\/admin\/(zh|ug|en)\/$/);
  });

  it('refuses a wrong password in the reader\'s language and keeps the username typed', async () => {
    const who = await staffMember('centre');
    for (const [locale, text] of [['zh', '用户名或密码不正确'], ['ug', 'پارول خاتا'], ['en', 'username or password is wrong']] as const) {
      const res = await signInRequest(who.username, 'Wrong-password-99', freshIp(), locale);
      expect(res.status).toBe(401);
      const html = await res.text();
      expect(html).toContain(text);
      expect(html).toContain(`value="${who.username}"`);
      expect(html).toContain(`lang="${locale === 'zh' ? 'zh-CN' : locale}"`);
      expect(cookieOf(res)).toBeUndefined();
    }
  });

  it('locks an account for 15 minutes after five wrong passwords, even against the right one, and logs it', async () => {
    const who = await staffMember('handler', 'transport');
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await signInRequest(who.username, `Wrong-password-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const right = await signInRequest(who.username, who.password);
    expect(right.status).toBe(423);
    expect(await right.text()).toContain('账号已锁定');
    const user = await (await testStore()).getUserByUsername(who.username);
    expect(user!.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    const { items } = await (await testStore()).listAudit({ limit: 500, from: new Date(Date.now() - 60_000) });
    const mine = items.filter((e) => e.subject === `user:${who.username}`).map((e) => e.action);
    expect(mine).toEqual(expect.arrayContaining(['sign-in', 'sign-in.failed', 'sign-in.locked']));
  });

  it('gives an unknown username the same answer as a wrong password', async () => {
    const res = await signInRequest('nobody.here', 'Whatever-password-1');
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('用户名或密码不正确');
  });

  it('sets an HttpOnly, SameSite session cookie; signing out ends the session on the server', async () => {
    const ip = freshIp();
    const who = await staffMember('centre');
    const res = await signInRequest(who.username, who.password, ip);
    const header = res.headers.getSetCookie().find((c) => c.startsWith('portal_staff='))!;
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).not.toMatch(/Secure/); // plain HTTP here; Secure when served over HTTPS
    const me = { cookie: cookieOf(res)!, ip };
    expect((await staffGet(me, '/admin/zh/')).status).toBe(200);
    const out = await staffPost(me, '/admin/zh/sign-out/', {});
    expect(out.status).toBe(303);
    const after = await staffGet(me, '/admin/zh/');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toContain('ended=1');
  });

  it('marks the cookie Secure when the request came over HTTPS through the trusted proxy', async () => {
    const who = await staffMember('auditor');
    const res = await fetch(`${base()}/admin/zh/sign-in/`, {
      method: 'POST', redirect: 'manual',
      headers: { Origin: base(), 'X-Forwarded-For': freshIp(), 'X-Forwarded-Proto': 'https', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: who.username, password: who.password }),
    });
    expect(res.headers.getSetCookie().find((c) => c.startsWith('portal_staff='))).toMatch(/; Secure/);
  });

  it('never sends a staff member off the site after sign-in', async () => {
    const who = await staffMember('centre');
    const res = await fetch(`${base()}/admin/zh/sign-in/`, {
      method: 'POST', redirect: 'manual',
      headers: { Origin: base(), 'X-Forwarded-For': freshIp(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: who.username, password: who.password, next: '//evil.example/admin/' }),
    });
    expect(res.headers.get('location')).toBe('/admin/zh/');
  });
});

describe('a letter through the back office', () => {
  it('centre accepts and assigns, the department replies, the citizen sees the reply, the centre publishes and withdraws', async () => {
    const { code, pin } = await sendLetter();
    const centre = await staffMember('centre');
    const handler = await staffMember('handler', 'transport');

    const inbox = await staffGet(centre, '/admin/zh/?state=submitted');
    expect(inbox.status).toBe(200);
    expect(inbox.$(`a[href="/admin/zh/cases/${code}/"]`)).toHaveLength(1);

    // The handler does not see it before it is theirs.
    expect((await staffGet(handler, `/admin/zh/cases/${code}/`)).status).toBe(403);

    expect((await act(centre, code, { action: 'accept' })).status).toBe(303);
    const assigned = await act(centre, code, { action: 'assign', department: 'transport' });
    expect(assigned.status).toBe(303);
    expect(assigned.headers.get('location')).toBe(`/admin/zh/cases/${code}/?done=assign`);

    const mine = await staffGet(handler, '/admin/zh/');
    expect(mine.$(`a[href="/admin/zh/cases/${code}/"]`)).toHaveLength(1);
    const casePage = await staffGet(handler, `/admin/zh/cases/${code}/`);
    expect(casePage.html).toContain('139 1234 5678'); // the handler of the case sees the writer's details
    expect(casePage.$('form#action-reply')).toHaveLength(1);
    expect(casePage.$('form#action-assign')).toHaveLength(0); // assigning is the centre's

    const replyText = '您好！已安排维修人员于本周内更换幸福路小区东门路灯。感谢您的监督。';
    expect((await act(handler, code, { action: 'reply', text: replyText, visibility: 'public' })).status).toBe(303);

    const seen = await lookUp('zh', code, pin, freshIp());
    expect(seen.status).toBe(200);
    expect(seen.$('.letter-reply__text').text()).toBe(replyText);
    expect(seen.html).toContain('交通运输厅');

    const publish = await act(centre, code, { action: 'publish', title: '幸福路小区路灯维修', body: '小区东门路灯坏了一周，请尽快维修。', reply: replyText });
    expect(publish.status).toBe(303);
    const published = (await (await testStore()).getCaseByCode(code))!;
    expect(published.publishedAt).not.toBeNull();
    expect(published.data.publication).toMatchObject({ title: '幸福路小区路灯维修', department: 'transport' });
    const board = await staffGet(null, '/zh/letters/published/');
    expect(board.status).toBe(200);
    const entry = board.$('.published-letter').filter((_, e) => board.$(e).find('h2').text() === '幸福路小区路灯维修');
    expect(entry).toHaveLength(1);
    expect(entry.text()).toContain('小区东门路灯坏了一周，请尽快维修。'); // the checked copy, not the original
    expect(entry.text()).toContain(replyText);
    expect(entry.text()).toContain('交通运输厅');
    expect(board.html).not.toContain('李明');
    expect(board.html).not.toContain('139 1234 5678');
    expect(board.html).not.toContain('幸福路小区东门的路灯已经坏了一周'); // the original letter text stays private
    expect((await lookUp('zh', code, pin, freshIp())).html).toContain('来信及答复已在信件选登中公开');

    expect((await act(centre, code, { action: 'withdraw', reason: '来信人要求撤回' })).status).toBe(303);
    expect((await (await testStore()).getCaseByCode(code))!.publishedAt).toBeNull();
    const after = await staffGet(null, '/zh/letters/published/');
    expect(after.$('.published-letter h2').map((_, e) => after.$(e).text()).get()).not.toContain('幸福路小区路灯维修');

    const timeline = (await staffGet(centre, `/admin/zh/cases/${code}/`)).$('.case-timeline li').map((_, li) => casePage.$(li).text()).get().join('\n');
    for (const step of ['来信提交', '受理', '交办', '答复', '公开选登', '撤回公开']) expect(timeline).toContain(step);

    const { items } = await (await testStore()).listAudit({ limit: 500, from: new Date(Date.now() - 5 * 60_000) });
    const actions = items.filter((e) => e.subject === `case:${code}`).map((e) => `${e.actor.split('.')[0]}:${e.action}`);
    expect(actions).toEqual(expect.arrayContaining(['staff:centre:case.accept', 'staff:centre:case.assign', 'staff:handler:case.reply', 'staff:centre:case.publish', 'staff:centre:case.withdraw', 'staff:handler:case.view']));
  });

  it('refuses to publish a letter whose writer did not agree, and a private reply', async () => {
    const centre = await staffMember('centre');
    const handler = await staffMember('handler', 'health');
    for (const [publish, visibility, message] of [[false, 'public', '来信人不同意公开'], [true, 'private', '答复标为不公开']] as const) {
      const { code } = await sendLetter({ publish });
      await act(centre, code, { action: 'accept' });
      await act(centre, code, { action: 'assign', department: 'health' });
      await act(handler, code, { action: 'reply', text: '已收悉，正在核实。', visibility });
      const page = await staffGet(centre, `/admin/zh/cases/${code}/`);
      expect(page.$('form#action-publish')).toHaveLength(0);
      const forced = await staffPost(centre, `/admin/zh/cases/${code}/`, { version: versionOn(page), action: 'publish', title: '标题标题标题', body: '正文', reply: '答复' });
      expect(forced.status).toBe(409);
      expect(forced.html).toContain(message);
      expect((await (await testStore()).getCaseByCode(code))!.publishedAt).toBeNull();
    }
  });

  it('refuses an action on a version the staff member did not see, and changes nothing', async () => {
    const { code } = await sendLetter();
    const centre = await staffMember('centre');
    const page = await staffGet(centre, `/admin/zh/cases/${code}/`);
    const version = versionOn(page);
    expect((await staffPost(centre, `/admin/zh/cases/${code}/`, { version, action: 'accept' })).status).toBe(303);
    const stale = await staffPost(centre, `/admin/zh/cases/${code}/`, { version, action: 'notAccept', reason: '重复来信' });
    expect(stale.status).toBe(409);
    expect(stale.html).toContain('刚被他人更改');
    expect((await (await testStore()).getCaseByCode(code))!.state).toBe('accepted');
  });

  it('answers a bad action form with 400 and a message in the page\'s language, keeping what was typed', async () => {
    const { code } = await sendLetter();
    const centre = await staffMember('centre');
    const missing = await act(centre, code, { action: 'notAccept', reason: '   ' }, 'ug');
    expect(missing.status).toBe(400);
    expect(missing.$('html').attr('lang')).toBe('ug');
    expect(missing.$('.error-summary').text()).toContain('بۇ تۈرنى تولدۇرۇڭ');
    const unknownDept = await act(centre, code, { action: 'accept' }, 'en');
    expect(unknownDept.status).toBe(303);
    const badDept = await act(centre, code, { action: 'assign', department: 'ministry-of-magic' }, 'en');
    expect(badDept.status).toBe(400);
    expect(badDept.$('.error-summary').text()).toContain('Choose one from the list');
    const tooLong = await act(centre, code, { action: 'note', text: '长'.repeat(5001) }, 'zh');
    expect(tooLong.status).toBe(400);
    expect(tooLong.$('#note-text').text()).toHaveLength(5001);
    const unknown = await act(centre, code, { action: 'explode' });
    expect(unknown.status).toBe(400);
    expect((await (await testStore()).getCaseByCode(code))!.state).toBe('accepted');
  });

  it('refuses a staff form posted from another site', async () => {
    const { code } = await sendLetter();
    const centre = await staffMember('centre');
    const page = await staffGet(centre, `/admin/zh/cases/${code}/`);
    const forged = await staffPost(centre, `/admin/zh/cases/${code}/`, { version: versionOn(page), action: 'accept' }, { Origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect((await (await testStore()).getCaseByCode(code))!.state).toBe('submitted');
  });
});

describe('who may see and do what', () => {
  it('a department handler gets 403 on another department\'s case, and cannot act on it', async () => {
    const { code } = await sendLetter();
    const centre = await staffMember('centre');
    await act(centre, code, { action: 'accept' });
    await act(centre, code, { action: 'assign', department: 'education' });
    const other = await staffMember('handler', 'health');
    const page = await staffGet(other, `/admin/zh/cases/${code}/`);
    expect(page.status).toBe(403);
    expect(page.html).not.toContain('139 1234 5678');
    const posted = await staffPost(other, `/admin/zh/cases/${code}/`, { version: '3', action: 'reply', text: '越权答复', visibility: 'public' });
    expect(posted.status).toBe(403);
    expect((await (await testStore()).getCaseByCode(code))!.state).toBe('assigned');
    const list = await staffGet(other, '/admin/zh/?department=education');
    expect(list.$(`a[href="/admin/zh/cases/${code}/"]`)).toHaveLength(0);
    const files = await staffGet(other, `/admin/zh/cases/${code}/files/anything`);
    expect(files.status).toBe(404);
  });

  it('the auditor reads cases without personal data and the audit log, and can change nothing', async () => {
    const { code } = await sendLetter();
    const auditor = await staffMember('auditor');
    const page = await staffGet(auditor, `/admin/zh/cases/${code}/`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('139 1234 5678');
    expect(page.html).not.toContain('li.ming@example.com');
    expect(page.$('.admin-actions form')).toHaveLength(0);
    const tried = await staffPost(auditor, `/admin/zh/cases/${code}/`, { version: versionOn(await staffGet((await staffMember('centre')), `/admin/zh/cases/${code}/`)), action: 'accept' });
    expect(tried.status).toBe(403);
    expect((await (await testStore()).getCaseByCode(code))!.state).toBe('submitted');
    expect((await staffGet(auditor, '/admin/zh/audit/')).status).toBe(200);
    expect((await staffGet(auditor, '/admin/zh/users/')).status).toBe(403);
    expect((await staffPost(auditor, '/admin/zh/users/', { username: 'sneaky', displayName: 'x', role: 'admin', password: 'Abcdefgh-12345', confirm: 'Abcdefgh-12345' })).status).toBe(403);
    expect(await (await testStore()).getUserByUsername('sneaky')).toBeUndefined();
  });

  it('only admins manage accounts; the centre and handlers do not read the audit log', async () => {
    const centre = await staffMember('centre');
    const handler = await staffMember('handler', 'transport');
    for (const who of [centre, handler]) {
      expect((await staffGet(who, '/admin/zh/users/')).status).toBe(403);
      expect((await staffGet(who, '/admin/zh/audit/')).status).toBe(403);
      expect((await staffGet(who, '/admin/zh/audit.csv')).status).toBe(403);
    }
  });
});

describe('exports and the audit log', () => {
  it('exports the inbox as CSV in the staff member\'s language, without personal data, with formulas defused', async () => {
    const { code } = await sendLetter({ title: '=HYPERLINK("x")路灯坏了请维修', name: '王秀英', phone: '138 0000 1111' });
    const centre = await staffMember('centre');
    const res = await fetch(`${base()}/admin/en/cases.csv?kind=complaint`, { headers: { Cookie: centre.cookie, 'X-Forwarded-For': centre.ip } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs to read UTF-8
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith('Tracking code,Kind,Title,State')).toBe(true);
    const row = csv.split('\r\n').find((l) => l.startsWith(code))!;
    expect(row).toContain(`"'=HYPERLINK(""x"")路灯坏了请维修"`);
    expect(csv).not.toContain('王秀英');
    expect(csv).not.toContain('138 0000 1111');
  });

  it('shows and exports the audit log for a range of days', async () => {
    const admin = await staffMember('admin');
    const page = await staffGet(admin, '/admin/zh/audit/');
    expect(page.status).toBe(200);
    expect(page.$('table.data-table tbody tr').length).toBeGreaterThan(0);
    expect(page.html).toContain(`staff:${admin.username}`);
    const csv = await (await fetch(`${base()}/admin/zh/audit.csv`, { headers: { Cookie: admin.cookie, 'X-Forwarded-For': admin.ip } })).text();
    expect(csv).toContain('sign-in');
    expect(csv.split('\r\n')[0]).toBe('序号,时间,操作人,操作,对象,地址,详情');
  });
});

describe('account management', () => {
  it('an admin creates a handler who can then sign in; a weak password is refused with the rule', async () => {
    const admin = await staffMember('admin');
    const username = `new.handler.${process.pid}`;
    const weak = await staffPost(admin, '/admin/en/users/', { username, displayName: '阿依古丽', role: 'handler', department: 'health', password: 'password', confirm: 'password' });
    expect(weak.status).toBe(400);
    expect(weak.$('.error-summary').text()).toContain('at least 12 characters');
    expect(weak.$('#field-username').val()).toBe(username);
    const made = await staffPost(admin, '/admin/en/users/', { username, displayName: '阿依古丽', role: 'handler', department: 'health', password: 'Health-Handler-2026', confirm: 'Health-Handler-2026' });
    expect(made.status).toBe(303);
    expect((await signInRequest(username, 'Health-Handler-2026')).status).toBe(303);
    const again = await staffPost(admin, '/admin/en/users/', { username, displayName: 'x', role: 'auditor', password: 'Health-Handler-2026', confirm: 'Health-Handler-2026' });
    expect(again.status).toBe(409);
  });

  it('disabling an account ends its sessions at once; an admin cannot disable themselves', async () => {
    const admin = await staffMember('admin');
    const centre = await staffMember('centre');
    expect((await staffGet(centre, '/admin/zh/')).status).toBe(200);
    expect((await staffPost(admin, `/admin/zh/users/${centre.username}/`, { change: 'disable' })).status).toBe(303);
    expect((await staffGet(centre, '/admin/zh/')).status).toBe(303);
    expect((await signInRequest(centre.username, centre.password)).status).toBe(401);
    const self = await staffPost(admin, `/admin/zh/users/${admin.username}/`, { change: 'disable' });
    expect(self.status).toBe(409);
    expect((await staffGet(admin, '/admin/zh/')).status).toBe(200);
  });
});

describe('the mailbox in figures', () => {
  it('shows this month\'s letters received and answered as the Store counts them, in every locale', async () => {
    const { code } = await sendLetter();
    const centre = await staffMember('centre');
    const handler = await staffMember('handler', 'ecology');
    await act(centre, code, { action: 'accept' });
    await act(centre, code, { action: 'assign', department: 'ecology' });
    await act(handler, code, { action: 'reply', text: '已转交环境监察支队现场核查。', visibility: 'private' });
    const store = await testStore();
    const now = new Date();
    const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(now).split('-');
    const from = new Date(`${y}-${m}-01T00:00:00+08:00`);
    const received = (await store.listCases({ kind: 'letter', createdFrom: from, limit: 1 })).total;
    const answered = (await store.listFirstEntries({ kind: 'letter', type: 'replied', from, before: new Date(now.getTime() + 60_000) })).length;
    expect(answered).toBeGreaterThan(0);
    for (const locale of ['zh', 'ug', 'en']) {
      const page = await staffGet(null, `/${locale}/letters/statistics/`);
      expect(page.status).toBe(200);
      const first = page.$('tbody tr').first().find('td').map((_, td) => page.$(td).text()).get();
      const digits = (s: string) => Number(s.replace(/[^0-9.]/g, ''));
      expect(digits(first[0]!)).toBe(received);
      expect(digits(first[1]!)).toBe(answered);
      expect(first[2]).toMatch(/^[0-9.]+$/); // replied today: 0 working days
      expect(page.$('tbody tr')).toHaveLength(12);
    }
  });
});
