import { load } from 'cheerio';
import sharp from 'sharp';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { generateTrackingCode } from '../../src/lib/cases/tracking-code.ts';
import { openStore } from '../../src/server/store/open-store.ts';
import type { Store } from '../../src/server/store/store.ts';
import { base, freshIp, goodLetter, keys, letterForm, lookUp, post } from '../support/letters.ts';

/**
 * The citizen side of the letters over HTTP against the built server: every kind sent and looked
 * up, the PIN guarded, and hostile or mistaken input answered with a 4xx and a message — never a
 * 500 — with what was typed kept in the form.
 */
const kinds = ['mailbox', 'consultation', 'suggestion', 'complaint'] as const;
let store: Store | undefined;
afterAll(() => store?.close());

describe('sending and looking up a letter', () => {
  it.each(kinds)('a %s is sent, confirmed with code and PIN, and looked up', async (kind) => {
    const ip = freshIp();
    const sent = await post(`/en/letters/write/${kind}/`, letterForm(), ip);
    expect(sent.status).toBe(200);
    expect(sent.headers.get('cache-control')).toBe('no-store');
    const { code, pin } = keys(sent);
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(pin).toMatch(/^\d{6}$/);
    expect(sent.$('time[datetime]').attr('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const found = await lookUp('en', code.toLowerCase(), pin, ip);
    expect(found.status).toBe(200);
    expect(found.headers.get('cache-control')).toBe('no-store');
    expect(found.$('main').text()).toContain(goodLetter.title);
    expect(found.$('main').text()).toContain('Sent');
    expect(found.$('.letter-timeline li')).toHaveLength(1);
    // The citizen's own details are not echoed on the status page.
    expect(found.html).not.toContain('1234 5678');
  });

  it('keeps the PIN out of the Store: only its hash is stored', async () => {
    const sent = await post('/zh/letters/write/mailbox/', letterForm(), freshIp());
    const { code, pin } = keys(sent);
    store ??= await openStore({ DATA_DIR: inject('dataDir') });
    const c = await store.getCaseByCode(code.replace('-', ''));
    expect(c?.kind).toBe('letter');
    expect(JSON.stringify(c?.data)).not.toContain(pin);
    expect(c?.data.pinHash).toMatch(/^scrypt\$/);
    expect(c?.data.citizen).toEqual({ name: '李明', phone: '139 1234 5678', email: 'li.ming@example.com' });
  });

  it('refuses a wrong PIN and an unknown code with the same message', async () => {
    const ip = freshIp();
    const { code, pin } = keys(await post('/en/letters/write/consultation/', letterForm(), ip));
    const wrongPin = String((Number(pin) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await lookUp('en', code, wrongPin, ip);
    const unknown = await lookUp('en', generateTrackingCode(), '123456', ip);
    expect(wrong.status).toBe(400);
    expect(wrong.$('.error-summary').text()).toContain('No letter matches this tracking code and PIN');
    expect(wrong.$('#field-code').val()).toBe(code);
    expect(wrong.$('#field-pin').val() ?? '').toBe('');
    // An unknown but well-formed code answers exactly like a wrong PIN.
    expect(unknown.status).toBe(400);
    expect(unknown.$('.error-summary').text()).toBe(wrong.$('.error-summary').text());
  });

  it('names a mistyped code (its check character fails) instead of guessing', async () => {
    const res = await lookUp('zh', 'ABCDE-FGHJK', '123456', freshIp());
    expect(res.status).toBe(400);
    expect(res.$('#field-code-error').text()).toContain('查询码有误');
  });

  it('limits lookups per address (429 with a page that says why)', async () => {
    const ip = freshIp();
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push((await lookUp('en', generateTrackingCode(), '000000', ip)).status);
    expect(answers.every((s) => s === 400)).toBe(true);
    const last = await lookUp('en', generateTrackingCode(), '000000', ip);
    expect(last.status).toBe(429);
    expect(last.$('h1').text()).toBe('Too many attempts');
  });

  it('limits lookups per code, whatever the address (a PIN cannot be guessed from many)', async () => {
    const code = generateTrackingCode();
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push((await lookUp('en', code, String(i).padStart(6, '0'), freshIp())).status);
    expect(answers.every((s) => s === 400)).toBe(true);
    expect((await lookUp('en', code, '999999', freshIp())).status).toBe(429);
  });
});

describe('bad input is answered with a message, never a 500', () => {
  const expectKept = (p: Awaited<ReturnType<typeof post>>, fields: Record<string, string>) => {
    for (const [k, v] of Object.entries(fields)) {
      if (k === 'publish') expect(p.$(`input[name=publish][value=${v}]`).attr('checked')).toBeDefined();
      else if (k === 'body') expect(p.$('#field-body').text()).toBe(v);
      else expect(p.$(`#field-${k}`).val()).toBe(v);
    }
  };

  const matrix: [string, Record<string, string>, string, RegExp][] = [
    ['missing title', { ...goodLetter, title: '' }, 'title', /Enter a title/],
    ['title too short', { ...goodLetter, title: 'Short' }, 'title', /at least 10/],
    ['title too long', { ...goodLetter, title: 'x'.repeat(26) }, 'title', /25 characters or fewer/],
    ['body too long', { ...goodLetter, body: '长'.repeat(601) }, 'body', /600 characters or fewer/],
    ['missing name', { ...goodLetter, name: '' }, 'name', /Enter your full name/],
    ['missing phone', { ...goodLetter, phone: '' }, 'phone', /Enter a phone number/],
    ['phone with letters', { ...goodLetter, phone: 'call me maybe' }, 'phone', /like 13912345678/],
    ['bad e-mail', { ...goodLetter, email: 'not-an-address' }, 'email', /e-mail address like/],
    ['no publish choice', { ...goodLetter, publish: '' }, 'publish', /Choose whether/],
    ['publish neither yes nor no', { ...goodLetter, publish: 'maybe' }, 'publish', /Choose whether/],
  ];

  it.each(matrix)('%s → 400, the field named, the rest kept', async (_, fields, field, message) => {
    const res = await post('/en/letters/write/suggestion/', letterForm(fields), freshIp());
    expect(res.status).toBe(400);
    expect(res.$('title').text()).toMatch(/^Error:/);
    expect(res.$(`.error-summary a[href="#field-${field}"]`).text()).toMatch(message);
    expect(res.$(`#field-${field}-error`).text()).toMatch(message);
    const described = field === 'publish' ? res.$('fieldset.form-choice').attr('aria-describedby') : res.$(`#field-${field}`).attr('aria-describedby');
    expect(described).toContain(`field-${field}-error`);
    const kept = Object.fromEntries(Object.entries(fields).filter(([k, v]) => k !== field && v !== ''));
    expectKept(res, kept);
  });

  it('a file that claims to be a PDF but is not → 400, and says files must be chosen again', async () => {
    const fake = { name: 'letter.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('MZ this is an executable') };
    const res = await post('/en/letters/write/complaint/', letterForm(goodLetter, [fake]), freshIp());
    expect(res.status).toBe(400);
    expect(res.$('#field-attachments-error').text()).toContain('PDF, JPEG, PNG or Word');
    expect(res.$('.error-summary').text()).toContain('choose them again');
    expectKept(res, goodLetter);
  });

  it('an attachment over 1 MB → 413 with the form and the typed values', async () => {
    const big = new Uint8Array(1024 * 1024 + 10);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const res = await post('/en/letters/write/complaint/', letterForm(goodLetter, [{ name: 'big.pdf', type: 'application/pdf', bytes: big }]), freshIp());
    expect(res.status).toBe(413);
    expect(res.$('#field-attachments-error').text()).toContain('1 MB or smaller');
    expectKept(res, goodLetter);
  });

  it('more than three attachments → 400', async () => {
    const pdf = { name: 'a.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF') };
    const res = await post('/en/letters/write/complaint/', letterForm(goodLetter, [pdf, pdf, pdf, pdf]), freshIp());
    expect(res.status).toBe(400);
    expect(res.$('#field-attachments-error').text()).toContain('3 attachments or fewer');
  });

  it('text that is not UTF-8 → 400 naming the field, other fields kept', async () => {
    const boundary = 'xBOUNDARYx';
    const part = (name: string, value: Buffer | string) => Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), Buffer.from(value), Buffer.from('\r\n')]);
    const body = Buffer.concat([
      part('title', Buffer.from([0xe5, 0xb0, 0x8f, 0xff, 0xfe, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41])),
      ...Object.entries(goodLetter).filter(([k]) => k !== 'title').map(([k, v]) => part(k, v)),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const res = await post('/en/letters/write/mailbox/', body, freshIp(), { 'Content-Type': `multipart/form-data; boundary=${boundary}` });
    expect(res.status).toBe(400);
    expect(res.$('#field-title-error').text()).toContain('could not be read');
    expectKept(res, { name: goodLetter.name, body: goodLetter.body });
  });

  it('a body over the request limit → 413 with a page that says why', async () => {
    const res = await post('/en/letters/write/mailbox/', letterForm({ ...goodLetter, body: 'x'.repeat(5 * 1024 * 1024) }), freshIp());
    expect(res.status).toBe(413);
    expect(res.$('h1').text()).toBe('The form was too large');
  });

  it('a browser still sending a form over the limit gets the page that says so, not a reset connection', async () => {
    const bytes = new TextEncoder().encode(`code=${'x'.repeat(200 * 1024)}`);
    const titles = [];
    for (let i = 0; i < 20; i++) {
      const stream = new ReadableStream({ start(c) { for (let j = 0; j < bytes.length; j += 16384) c.enqueue(bytes.slice(j, j + 16384)); c.close(); } });
      const res = await fetch(`${base()}/en/letters/status/`, { method: 'POST', body: stream, duplex: 'half', headers: { Origin: base(), 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': freshIp() } } as RequestInit);
      titles.push(`${res.status} ${load(await res.text())('h1').text()}`);
    }
    expect(new Set(titles)).toEqual(new Set(['413 The form could not be read']));
  });

  it('a body that is not a form → 400', async () => {
    const res = await post('/en/letters/write/mailbox/', 'garbage', freshIp(), { 'Content-Type': 'multipart/form-data; boundary=nothing-here' });
    expect(res.status).toBe(400);
    expect(res.$('h1').text()).toBe('The form could not be read');
  });

  it('a cross-site post (forged Origin) → 403', async () => {
    const res = await post('/en/letters/write/mailbox/', letterForm(), freshIp(), { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.html.length).toBeGreaterThan(0);
  });

  it.each([['ug', 'rtl', /[\u0600-\u06ff]/], ['zh', 'ltr', /[\u4e00-\u9fff]/]] as const)('a cross-site post is refused with a page in the reader\'s language (%s), not a bare English line', async (locale, dir, script) => {
    const res = await post(`/${locale}/letters/write/mailbox/`, letterForm(), freshIp(), { Origin: 'null' });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.$('html').attr('lang')).toBe(locale === 'zh' ? 'zh-CN' : locale);
    expect(res.$('html').attr('dir')).toBe(dir);
    expect(res.$('h1').text()).toMatch(script);
    expect(res.$('a').attr('href')).toBe(`/${locale}/letters/write/mailbox/`);
  });

  it('an unknown kind or locale → 404', async () => {
    expect((await fetch(`${base()}/en/letters/write/praise/`)).status).toBe(404);
    expect((await fetch(`${base()}/fr/letters/status/`)).status).toBe(404);
  });

  it('too many letters from one address → 429 with a clear page', async () => {
    const ip = freshIp();
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await post('/en/letters/write/mailbox/', letterForm({ ...goodLetter, name: '' }), ip)).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
    const again = await post('/zh/letters/write/mailbox/', letterForm(), ip);
    expect(again.status).toBe(429);
    expect(again.$('h1').text()).toBe('提交过于频繁');
  });
});

describe('attachments are stored safely', () => {
  it('a JPEG with EXIF comes back from the Store re-encoded without it, under a server-made name', async () => {
    const withExif = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366cc' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'SECRET-EXIF-MARKER', Artist: 'Li Ming' } })
      .toBuffer();
    expect(withExif.includes('SECRET-EXIF-MARKER')).toBe(true);
    const sent = await post('/en/letters/write/complaint/', letterForm(goodLetter, [{ name: '../../etc/passwd.jpg', type: 'image/jpeg', bytes: new Uint8Array(withExif) }]), freshIp());
    expect(sent.status).toBe(200);
    const code = keys(sent).code.replace('-', '');
    store ??= await openStore({ DATA_DIR: inject('dataDir') });
    const c = (await store.getCaseByCode(code))!;
    const [info] = await store.listCaseFiles(c.id);
    expect(info!.name).toBe(`${code}-1.jpg`);
    expect(info!.contentType).toBe('image/jpeg');
    const file = (await store.getFile(info!.id))!;
    const bytes = Buffer.from(file.bytes);
    expect(bytes.includes('SECRET-EXIF-MARKER')).toBe(false);
    expect(bytes.includes('Exif')).toBe(false);
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([40, 30]);
  });
});
