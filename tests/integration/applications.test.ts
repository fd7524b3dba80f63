import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { definitionOf, departmentOf, ONLINE_SERVICES, PDF, requiredFields, validApplication } from '../support/applications.ts';
import { base, freshIp } from '../support/letters.ts';
import { act, staffGet, staffMember, staffPost, testStore, versionOn, type TestStaff } from '../support/staff.ts';

/**
 * Online applications against the built server: every online service takes its form; bad input
 * is refused with messages in the reader's language and the typed values kept; and one
 * application goes the whole way — accepted, sent back for corrections, corrected (the clock
 * restarts), decided with its document, completed, downloaded and rated, the bad rating put right.
 */
interface Answer { status: number; html: string; $: ReturnType<typeof load>; headers: Headers }

async function post(path: string, body: FormData | URLSearchParams, ip = freshIp(), headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${base()}${path}`, { method: 'POST', body, redirect: 'manual', headers: { Origin: base(), 'X-Forwarded-For': ip, ...headers } });
  const html = await res.text();
  return { status: res.status, html, $: load(html), headers: res.headers };
}
const keys = (a: Answer) => {
  const [code, pin] = a.$('.letter-sent__value bdi').map((_, e) => a.$(e).text()).get();
  return { code: code!.replace('-', ''), pin: pin! };
};
const status = (fields: Record<string, string>, ip = freshIp()) => post('/zh/services/status/', new URLSearchParams(fields), ip);

describe('applying online', () => {
  it.each(ONLINE_SERVICES)('%s takes a filled-in application and gives a code and PIN', async (code) => {
    const page = await fetch(`${base()}/en/services/${code}/apply/`);
    expect(page.status).toBe(200);
    const sent = await post(`/en/services/${code}/apply/`, await validApplication(definitionOf(code)));
    expect(sent.status, sent.$('.error-summary').text()).toBe(200);
    const { code: tracking, pin } = keys(sent);
    expect(pin).toMatch(/^\d{6}$/);
    const stored = (await (await testStore()).getCaseByCode(tracking))!;
    expect(stored).toMatchObject({ kind: 'application', category: code, department: departmentOf(code), state: 'submitted' });
    const files = await (await testStore()).listCaseFiles(stored.id);
    expect(files.length).toBe(definitionOf(code).fields.filter((f) => f.type === 'file').length);
  });

  it('answers 404 for a service that cannot be applied for online, and for no service', async () => {
    const offline = (await fetch(`${base()}/zh/services/`).then((r) => r.text())).match(/\/zh\/services\/(\d{12})\//g)!.map((m) => m.slice(13, 25)).find((c) => !(ONLINE_SERVICES as readonly string[]).includes(c))!;
    expect((await fetch(`${base()}/zh/services/${offline}/apply/`)).status).toBe(404);
    expect((await fetch(`${base()}/zh/services/999999999999/apply/`)).status).toBe(404);
  });

  it('returns the form with a message on each missing field, in the reader\'s language, keeping what was typed', async () => {
    const code = '010300101000';
    const definition = definitionOf(code);
    const form = await validApplication(definition);
    const missing = requiredFields(definition).filter((f) => f.type !== 'file').slice(0, 2);
    for (const f of missing) form.delete(f.id);
    const kept = definition.fields.find((f) => f.type === 'text' && !missing.includes(f))!;
    for (const [locale, word] of [['zh', '请'], ['ug', 'ئ'], ['en', '']] as const) {
      const back = await post(`/${locale}/services/${code}/apply/`, form);
      expect(back.status).toBe(400);
      expect(back.$('html').attr('lang')).toBe(locale === 'zh' ? 'zh-CN' : locale);
      const items = back.$('.error-summary a').map((_, a) => back.$(a).attr('href')).get();
      expect(items).toEqual(missing.map((f) => `#field-${f.id}`));
      expect(back.$('.error-summary').text()).toContain(word);
      expect(back.$(`#field-${kept.id}`).val()).toBe(form.get(kept.id));
      expect(back.$('.error-summary').text()).toContain(back.$('.error-summary p').text()); // files must be chosen again
    }
  });

  it('refuses a file whose bytes are not what it claims, an oversized request, and a form from another site', async () => {
    const code = '050600101000';
    const definition = definitionOf(code);
    const fileField = definition.fields.find((f) => f.type === 'file')!;
    const lying = await validApplication(definition);
    lying.set(fileField.id, new Blob([new TextEncoder().encode('MZ not a pdf at all')], { type: 'application/pdf' }), 'diploma.pdf');
    const refused = await post(`/zh/services/${code}/apply/`, lying);
    expect(refused.status).toBe(400);
    expect(refused.$('.error-summary a').attr('href')).toBe(`#field-${fileField.id}`);

    const huge = await validApplication(definition);
    huge.set(fileField.id, new Blob([new Uint8Array(16 * 1024 * 1024)], { type: 'application/pdf' }), 'big.pdf');
    const tooBig = await post(`/en/services/${code}/apply/`, huge);
    expect(tooBig.status).toBe(413);

    const forged = await post(`/zh/services/${code}/apply/`, await validApplication(definition), freshIp(), { Origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
  });
});

describe('an application from submission to rating', () => {
  const code = '051100401000';

  async function decide(handler: TestStaff, tracking: string, decision: 'approved' | 'refused') {
    const page = await staffGet(handler, `/admin/zh/cases/${tracking}/`);
    const form = new FormData();
    form.append('version', versionOn(page));
    form.append('action', 'reply');
    form.append('visibility', 'private');
    form.append('decision', decision);
    form.append('text', '经审查，符合条件，准予办理。');
    form.append('resultFile', new Blob([PDF as BlobPart], { type: 'application/pdf' }), 'decision.pdf');
    const res = await fetch(`${base()}/admin/zh/cases/${tracking}/`, { method: 'POST', body: form, redirect: 'manual', headers: { Origin: base(), Cookie: handler.cookie, 'X-Forwarded-For': handler.ip } });
    return res.status;
  }

  it('is accepted, corrected, decided, completed, downloaded and rated; a bad rating is put right', async () => {
    const definition = definitionOf(code);
    const sent = await post(`/zh/services/${code}/apply/`, await validApplication(definition));
    const { code: tracking, pin } = keys(sent);
    const handler = await staffMember('handler', departmentOf(code));
    const stranger = await staffMember('handler', 'transport');
    expect((await staffGet(stranger, `/admin/zh/cases/${tracking}/`)).status).toBe(403);

    const inbox = await staffGet(handler, '/admin/zh/?kind=application');
    expect(inbox.$(`a[href="/admin/zh/cases/${tracking}/"]`)).toHaveLength(1);
    const casePage = await staffGet(handler, `/admin/zh/cases/${tracking}/`);
    expect(casePage.html).toContain('13912345678'); // the department sees what the applicant sent
    expect(casePage.$('form#action-requestCorrection')).toHaveLength(1);

    const asked = await act(handler, tracking, { action: 'requestCorrection', reason: '请补充上传清晰的身份证明材料。' });
    expect(asked.status).toBe(303);
    const before = (await (await testStore()).getCaseByCode(tracking))!;
    expect(before.state).toBe('correction-requested');
    expect(before.dueAt).toBeNull();

    const seen = await status({ code: tracking, pin });
    expect(seen.status).toBe(200);
    expect(seen.html).toContain('请补充上传清晰的身份证明材料。');
    const resubmit = await validApplication(definition);
    resubmit.append('code', tracking);
    resubmit.append('pin', pin);
    resubmit.append('action', 'resubmit');
    const corrected = await post('/zh/services/status/', resubmit);
    expect(corrected.status, corrected.$('.error-summary').text()).toBe(200);
    expect(corrected.html).toContain('补正已提交');
    const after = (await (await testStore()).getCaseByCode(tracking))!;
    expect(after.state).toBe('submitted');
    expect(after.dueAt).not.toBeNull();

    expect((await act(handler, tracking, { action: 'accept' })).status).toBe(303);
    const missingDecision = await act(handler, tracking, { action: 'reply', text: '准予办理', visibility: 'private' });
    expect(missingDecision.status).toBe(400);
    expect(await decide(handler, tracking, 'approved')).toBe(303);
    expect((await act(handler, tracking, { action: 'close' })).status).toBe(303);

    const done = await status({ code: tracking, pin });
    expect(done.html).toContain('准予办理');
    const download = await fetch(`${base()}/zh/services/status/`, { method: 'POST', body: new URLSearchParams({ code: tracking, pin, action: 'download' }), headers: { Origin: base(), 'X-Forwarded-For': freshIp() } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(PDF))).toBe(true);

    const noScore = await status({ code: tracking, pin, action: 'rate', comment: '' });
    expect(noScore.status).toBe(400);
    const rated = await status({ code: tracking, pin, action: 'rate', score: '1', comment: '等待时间太长，窗口人员态度一般。' });
    expect(rated.status).toBe(200);
    expect(rated.html).toContain('感谢您的评价');
    const again = await status({ code: tracking, pin, action: 'rate', score: '5' });
    expect(again.status).toBe(409);

    const flagged = (await (await testStore()).getCaseByCode(tracking))!;
    expect(flagged.data.ratingFix).toMatchObject({ dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(flagged.dueAt).not.toBeNull();
    const overdueSoon = await staffGet(handler, '/admin/zh/?kind=application&state=closed');
    expect(overdueSoon.$(`a[href="/admin/zh/cases/${tracking}/"]`)).toHaveLength(1);
    expect((await act(handler, tracking, { action: 'rectify', text: '已约谈窗口负责人并增加午间服务窗口。' })).status).toBe(303);
    const fixed = (await (await testStore()).getCaseByCode(tracking))!;
    expect(fixed.dueAt).toBeNull();
    expect(fixed.data.ratingFix).toMatchObject({ fixedAt: expect.any(String) });

    const ratings = await fetch(`${base()}/en/services/${code}/ratings/`).then((r) => r.text());
    const $ = load(ratings);
    expect(Number($('.report-table tbody tr').last().find('td').text())).toBeGreaterThanOrEqual(1);
  });

  it('refuses the status actions to a wrong PIN without saying whether the code exists', async () => {
    const sent = await post(`/zh/services/${code}/apply/`, await validApplication(definitionOf(code)));
    const { code: tracking, pin } = keys(sent);
    const wrong = await status({ code: tracking, pin: pin === '000000' ? '111111' : '000000', action: 'rate', score: '5' });
    expect(wrong.status).toBe(400);
    expect(wrong.$('.error-summary').text()).toContain(load(wrong.html)('.error-summary').text());
    const none = await status({ code: 'ACDEFGHJK2', pin: '123456' });
    expect(none.status).toBe(400);
  });
});

describe('在线咨询 on a guide', () => {
  it('sends a question as a consultation about the service, which the centre passes to its department', async () => {
    const code = '011000101000';
    const form = new FormData();
    for (const [k, v] of Object.entries({ title: '个体工商户登记需要哪些材料', body: '请问办理个体工商户登记需要准备哪些材料，可以全程网上办理吗？', name: '阿不都', phone: '13800001111', publish: 'no' })) form.append(k, v);
    const sent = await post(`/zh/services/${code}/ask/`, form);
    expect(sent.status, sent.$('.error-summary').text()).toBe(200);
    const { code: tracking } = keys(sent);
    const stored = (await (await testStore()).getCaseByCode(tracking))!;
    expect(stored).toMatchObject({ kind: 'letter', category: 'consultation' });
    expect(stored.data.about).toEqual({ service: code, department: departmentOf(code) });
    const centre = await staffMember('centre');
    await act(centre, tracking, { action: 'accept' });
    const page = await staffGet(centre, `/admin/zh/cases/${tracking}/`);
    expect(page.$('#assign-department option[selected]').val()).toBe(departmentOf(code));
  });
});
