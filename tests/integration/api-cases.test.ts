import { describe, expect, it } from 'vitest';
import { generateTrackingCode } from '../../src/lib/cases/tracking-code.ts';
import { base, freshIp } from '../support/letters.ts';

/**
 * Letters over JSON (/api/v1/cases, /api/v1/cases/lookup) against the built server: a round
 * trip with code and PIN, one answer for a wrong PIN and an unknown code, and bad input of
 * every sort answered with its 4xx and a JSON message — never a 500. And the OpenAPI document.
 */
interface Answer { status: number; headers: Headers; body: Record<string, unknown> & { error?: string; fields?: Record<string, string> } }

const goodLetter = {
  kind: 'complaint',
  locale: 'en',
  title: '小区路灯损坏已经一周了',
  body: '幸福路小区东门的路灯已经坏了一周，晚上出行很不方便，请尽快维修。',
  name: '李明',
  phone: '139 1234 5678',
  email: 'li.ming@example.com',
  publish: false,
};

async function send(path: string, body: BodyInit, ip: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${base()}${path}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip, ...headers } });
  const text = await res.text();
  let parsed: Answer['body'];
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    throw new Error(`not JSON (${res.status}): ${text.slice(0, 200)}`);
  }
  return { status: res.status, headers: res.headers, body: parsed };
}
const submit = (letter: unknown, ip = freshIp(), headers: Record<string, string> = {}) => send('/api/v1/cases', JSON.stringify(letter), ip, headers);
const lookUp = (query: unknown, ip = freshIp()) => send('/api/v1/cases/lookup', JSON.stringify(query), ip);

describe('POST /api/v1/cases and /api/v1/cases/lookup: a round trip', () => {
  it('a letter sent as JSON is looked up with its code and PIN', async () => {
    const ip = freshIp();
    const sent = await submit(goodLetter, ip);
    expect(sent.status).toBe(201);
    expect(sent.headers.get('content-type')).toMatch(/^application\/json/);
    expect(sent.headers.get('cache-control')).toBe('no-store');
    const { trackingCode, pin, dueDate, statusUrl } = sent.body as Record<string, string>;
    expect(trackingCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(pin).toMatch(/^\d{6}$/);
    expect(dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(statusUrl).toBe(`${base()}/en/letters/status/`);

    const found = await lookUp({ trackingCode: trackingCode!.toLowerCase().replace('-', ' '), pin, locale: 'zh' }, ip);
    expect(found.status).toBe(200);
    expect(found.headers.get('cache-control')).toBe('no-store');
    expect(found.body).toMatchObject({ trackingCode, kind: 'complaint', state: 'submitted', stateLabel: '已提交', dueDate, title: goodLetter.title });
    const timeline = found.body.timeline as { at: string; type: string; label: string }[];
    expect(timeline).toHaveLength(1);
    expect(timeline[0]!.type).toBe('submitted');
    expect(new Date(timeline[0]!.at).toString()).not.toBe('Invalid Date');
    expect(found.body.reply).toBeUndefined();
    // The citizen's own details are not echoed.
    expect(JSON.stringify(found.body)).not.toContain('1234 5678');
    expect(JSON.stringify(found.body)).not.toContain('li.ming');
  });

  it('accepts a letter without e-mail and with email: null, from a server without Origin', async () => {
    const { email: _, ...noEmail } = goodLetter;
    expect((await submit({ ...noEmail, kind: 'mailbox', locale: 'ug', publish: true })).status).toBe(201);
    expect((await submit({ ...goodLetter, email: null, kind: 'suggestion' })).status).toBe(201);
  });

  it('accepts a same-origin request from the portal itself', async () => {
    expect((await submit(goodLetter, freshIp(), { Origin: base() })).status).toBe(201);
  });

  it('answers a wrong PIN and an unknown code with the same 404', async () => {
    const ip = freshIp();
    const { trackingCode, pin } = (await submit(goodLetter, ip)).body as Record<string, string>;
    const wrongPin = String((Number(pin) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await lookUp({ trackingCode, pin: wrongPin, locale: 'en' }, ip);
    const unknown = await lookUp({ trackingCode: generateTrackingCode(), pin: '123456', locale: 'en' }, ip);
    expect(wrong.status).toBe(404);
    expect(wrong.body).toEqual({ error: 'No letter matches this tracking code and PIN. Check both and try again.' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('names a mistyped code or a PIN that is not 6 digits (400)', async () => {
    const res = await lookUp({ trackingCode: 'ABCDE-FGHJK', pin: '12', locale: 'zh' });
    expect(res.status).toBe(400);
    expect(res.body.fields!.trackingCode).toContain('查询码有误');
    expect(Object.keys(res.body.fields!).sort()).toEqual(['pin', 'trackingCode']);
  });

  it('limits lookups per address like the page (429)', async () => {
    const ip = freshIp();
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await lookUp({ trackingCode: generateTrackingCode(), pin: '000000', locale: 'en' }, ip)).status);
    expect(statuses.every((s) => s === 404)).toBe(true);
    const last = await lookUp({ trackingCode: generateTrackingCode(), pin: '000000', locale: 'en' }, ip);
    expect(last.status).toBe(429);
    expect(last.body.error).toMatch(/Too many/);
  });

  it('limits letters per address, invalid ones included (429)', async () => {
    const ip = freshIp();
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await (i % 2 ? submit({ ...goodLetter, name: '' }, ip) : send('/api/v1/cases', '{', ip))).status);
    expect(statuses.every((s) => s === 400)).toBe(true);
    const last = await submit(goodLetter, ip);
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('POST /api/v1/cases: bad input is a 4xx with a message, never a 500', () => {
  const matrix: [string, unknown, string[], RegExp?][] = [
    ['missing title', { ...goodLetter, title: undefined }, ['title'], /Enter a title/],
    ['missing everything but kind and locale', { kind: 'mailbox', locale: 'en' }, ['title', 'body', 'name', 'phone', 'publish']],
    ['title too long', { ...goodLetter, title: 'x'.repeat(26) }, ['title'], /25 characters or fewer/],
    ['body too long', { ...goodLetter, body: '长'.repeat(601) }, ['body'], /600 characters or fewer/],
    ['a number for a title', { ...goodLetter, title: 12345678901 }, ['title']],
    ['an object for the body', { ...goodLetter, body: { text: 'hello there, world' } }, ['body']],
    ['an array for the phone', { ...goodLetter, phone: ['139 1234 5678'] }, ['phone'], /like 13912345678/],
    ['a number for the e-mail', { ...goodLetter, email: 42 }, ['email']],
    ['a string for publish', { ...goodLetter, publish: 'yes' }, ['publish'], /Choose whether/],
    ['an unknown kind', { ...goodLetter, kind: 'praise' }, ['kind']],
    ['an unknown locale', { ...goodLetter, locale: 'fr' }, ['locale']],
    ['attachments', { ...goodLetter, attachments: ['aGVsbG8='] }, ['attachments'], /attachments/],
  ];

  it.each(matrix)('%s → 400 naming the fields', async (_, letter, fields, message) => {
    const res = await submit(letter);
    expect(res.status).toBe(400);
    expect(typeof res.body.error).toBe('string');
    expect(Object.keys(res.body.fields!).sort()).toEqual([...fields].sort());
    if (message) expect(res.body.fields![fields[0]!]).toMatch(message);
  });

  it('gives its messages in the requested locale', async () => {
    const zh = await submit({ ...goodLetter, locale: 'zh', title: '' });
    const ug = await submit({ ...goodLetter, locale: 'ug', title: '' });
    expect(zh.status).toBe(400);
    expect(ug.status).toBe(400);
    expect(zh.body.fields!.title).toMatch(/[\u4e00-\u9fff]/);
    expect(ug.body.fields!.title).toMatch(/[\u0600-\u06ff]/);
  });

  it.each([
    ['malformed JSON', 400, '{"kind": "mailbox", '],
    ['an empty body', 400, ''],
    ['JSON that is not an object', 400, '[1, 2, 3]'],
    ['JSON null', 400, 'null'],
    ['a string', 400, '"hello"'],
    ['deep nesting', 400, '['.repeat(20_000) + ']'.repeat(20_000)],
    ['bytes that are not UTF-8', 400, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
  ] as const)('%s → %i', async (_, status, body) => {
    const res = await send('/api/v1/cases', body as BodyInit, freshIp());
    expect(res.status).toBe(status);
    expect(typeof res.body.error).toBe('string');
  });

  it('a lone surrogate in a field is named as unreadable text, not a 500', async () => {
    const res = await send('/api/v1/cases', JSON.stringify(goodLetter).replace('小区', '\\ud800小区'), freshIp());
    expect(res.status).toBe(400);
    expect(res.body.fields!.title).toMatch(/could not be read/);
  });

  it.each([
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['text', 'text/plain'],
    ['XML', 'application/xml'],
    ['no type', ''],
  ])('%s content type from the portal itself → 415', async (_, type) => {
    const res = await fetch(`${base()}/api/v1/cases`, { method: 'POST', body: JSON.stringify(goodLetter), headers: { 'Content-Type': type, Origin: base(), 'X-Forwarded-For': freshIp() } });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: string }).error).toMatch(/application\/json/);
  });

  it('a form content type without Origin is refused (403, the rule of Astro\'s checkOrigin, which guards form posts), XML → 415', async () => {
    const post = (type: string) => fetch(`${base()}/api/v1/cases`, { method: 'POST', body: JSON.stringify(goodLetter), headers: { 'Content-Type': type, 'X-Forwarded-For': freshIp(), 'Accept-Language': 'ug' } });
    const refused = await post('text/plain');
    expect(refused.status).toBe(403);
    // JSON in the reader's language, like the API's own refusals, not Astro's bare English line.
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await refused.json()) as { error: string }).error).toMatch(/[\u0600-\u06ff]/);
    expect((await post('application/xml')).status).toBe(415);
  });

  it('a 100 KB body → 413', async () => {
    const res = await submit({ ...goodLetter, body: 'x'.repeat(100 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatch(/64 KB/);
  });

  it('a 100 KB body sent chunked (no Content-Length) → 413', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ ...goodLetter, body: 'x'.repeat(100 * 1024) }));
    const stream = new ReadableStream({ start(c) { for (let i = 0; i < bytes.length; i += 8192) c.enqueue(bytes.slice(i, i + 8192)); c.close(); } });
    const res = await fetch(`${base()}/api/v1/cases`, { method: 'POST', body: stream, duplex: 'half', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': freshIp() } } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('a client still streaming a body over the limit gets the 413, not a reset connection', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ ...goodLetter, body: 'x'.repeat(2 * 1024 * 1024) }));
    const statuses = [];
    for (let i = 0; i < 20; i++) {
      const stream = new ReadableStream({ start(c) { for (let j = 0; j < bytes.length; j += 16384) c.enqueue(bytes.slice(j, j + 16384)); c.close(); } });
      const res = await fetch(`${base()}/api/v1/cases`, { method: 'POST', body: stream, duplex: 'half', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': freshIp() } } as RequestInit);
      statuses.push(res.status);
      await res.text();
    }
    expect(statuses.every((s) => s === 413)).toBe(true);
  });

  it.each(['https://evil.example', 'null', `${'http://127.0.0.1'}:1`])('a forged Origin (%s) → 403', async (origin) => {
    const res = await submit(goodLetter, freshIp(), { Origin: origin });
    expect(res.status).toBe(403);
    expect(typeof res.body.error).toBe('string');
    const look = await send('/api/v1/cases/lookup', JSON.stringify({ trackingCode: generateTrackingCode(), pin: '123456', locale: 'en' }), freshIp(), { Origin: origin });
    expect(look.status).toBe(403);
  });
});

describe('POST /api/v1/cases/lookup: bad input', () => {
  it.each([
    ['malformed JSON', 400, '{'],
    ['a number for the PIN', 400, JSON.stringify({ trackingCode: generateTrackingCode(), pin: 123456, locale: 'en' })],
    ['no locale', 400, JSON.stringify({ trackingCode: generateTrackingCode(), pin: '123456' })],
    ['nothing', 400, '{}'],
    ['a 100 KB body', 413, JSON.stringify({ trackingCode: 'x'.repeat(100 * 1024), pin: '123456', locale: 'en' })],
  ] as const)('%s → %i', async (_, status, body) => {
    const res = await send('/api/v1/cases/lookup', body, freshIp());
    expect(res.status).toBe(status);
    expect(typeof res.body.error).toBe('string');
  });

  it('a form content type → 415', async () => {
    const res = await fetch(`${base()}/api/v1/cases/lookup`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain', Origin: base(), 'X-Forwarded-For': freshIp() } });
    expect(res.status).toBe(415);
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document listing the four paths', async () => {
    const res = await fetch(`${base()}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const doc = JSON.parse(await res.text()) as { openapi: string; info: { description: string }; paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/api/v1/cases', '/api/v1/cases/lookup', '/api/v1/challenge', '/api/v1/search']);
    expect(Object.keys(doc.paths['/api/v1/challenge']!)).toEqual(['get']);
    // The API asks for no proof of work, and says why.
    expect(doc.info.description).toMatch(/proof of work.*12345 hotline/s);
    expect(Object.keys(doc.paths['/api/v1/search']!)).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/v1/cases']!.post!.responses)).toEqual(expect.arrayContaining(['201', '400', '403', '413', '415', '429']));
    expect(Object.keys(doc.paths['/api/v1/cases/lookup']!.post!.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '429']));
    // Every $ref points at a schema that is there.
    for (const [, name] of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(doc.components.schemas, name).toHaveProperty(name!);
  });
});

describe('integrations with a key (the 12345 hotline)', () => {
  const hotline = (letter: unknown, key: string, ip: string) =>
    send('/api/v1/cases', JSON.stringify(letter), ip, { Authorization: `Bearer ${key}` });

  it('send far more letters from one address than a citizen may, each marked with the integration', async () => {
    const { TEST_API_KEY } = await import('../support/integration-key.ts');
    const { testStore } = await import('../support/staff.ts');
    const ip = freshIp();
    const answers = [];
    for (let i = 0; i < 25; i++) answers.push(await hotline(goodLetter, TEST_API_KEY, ip));
    expect(answers.map((a) => a.status)).toEqual(Array(25).fill(201));
    const code = String(answers[0]!.body.trackingCode).replace('-', '');
    expect((await (await testStore()).getCaseByCode(code))!.data).toMatchObject({ source: 'hotline-test', proofOfWork: 'not-asked' });
    // Without the key the same address is a citizen, held to the citizen's limit.
    const plain = [];
    for (let i = 0; i < 11; i++) plain.push((await submit(goodLetter, ip)).status);
    expect(plain.at(-1)).toBe(429);
  });

  it('refuse a key that matches no integration, in the reader\'s language', async () => {
    const wrong = await send('/api/v1/cases', JSON.stringify(goodLetter), freshIp(), { Authorization: 'Bearer not-a-key-of-anyone-at-all-0000', 'Accept-Language': 'ug' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    expect(wrong.body.error).toContain('ئاچقۇچ');
    const lookup = await send('/api/v1/cases/lookup', JSON.stringify({ trackingCode: 'ACDEFGHJK2', pin: '123456', locale: 'en' }), freshIp(), { Authorization: 'Basic abc' });
    expect(lookup.status).toBe(401);
  });
});
