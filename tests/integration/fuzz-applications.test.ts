import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { definitionOf, ONLINE_SERVICES, PDF, validApplication } from '../support/applications.ts';
import { base } from '../support/letters.ts';
import { testStore } from '../support/staff.ts';

/**
 * Property-based fuzzing of the application routes (FUZZ_RUNS runs each, 1,000 by default):
 * the application form, the status page's actions and the question page answer every request
 * with one of their statuses, never a 5xx, in the route's language; an acknowledged application
 * is in the Store.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const locales = ['zh', 'ug', 'en'] as const;
const htmlLang = { zh: 'zh-CN', ug: 'ug', en: 'en' } as const;
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '\ud800', '-1', '1e309', '2026-02-30', '٣٤٥', '１２３', 'ئۇيغۇرچە', '<b>x</b>', '9'.repeat(40)),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
);
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.constant(PDF),
  fc.constant(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])), // a JPEG header with nothing behind it
  fc.constant(new TextEncoder().encode('PK\u0003\u0004[Content_Types].xml word/')),
);

let n = 0;
const ip = () => `203.0.113.${(n = (n + 1) % 250)}-fuzz-${process.pid}-${n}`;

async function send(path: string, body: FormData | URLSearchParams) {
  const res = await fetch(`${base()}${path}`, { method: 'POST', body, redirect: 'manual', headers: { Origin: base(), 'X-Forwarded-For': ip() } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('fuzzing online applications', () => {
  let known: { code: string; pin: string } | undefined;
  beforeAll(async () => {
    const res = await send(`/zh/services/${ONLINE_SERVICES[4]}/apply/`, await validApplication(definitionOf(ONLINE_SERVICES[4])));
    const [code, pin] = [...res.text.matchAll(/letter-sent__value"[^>]*><bdi[^>]*>([^<]+)</g)].map((m) => m[1]!);
    known = { code: code!.replace('-', ''), pin: pin! };
  });

  it('POST /<locale>/services/<code>/apply/: any fields, values and files are answered 200, 400, 413 or 429', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...locales), fc.constantFrom(...ONLINE_SERVICES), fc.boolean(),
      fc.array(fc.tuple(fc.oneof(fc.constant('x'), fc.nat(29)), nasty), { maxLength: 10 }),
      fc.array(fc.tuple(fc.nat(29), bytes, fc.constantFrom('a.pdf', 'b.jpg', '', '../../etc/passwd', '图片.png')), { maxLength: 3 }),
      async (locale, code, startValid, textPairs, filePairs) => {
        const definition = definitionOf(code);
        const form = startValid ? await validApplication(definition) : new FormData();
        const id = (i: number | string) => (typeof i === 'number' ? definition.fields[i % definition.fields.length]!.id : i);
        for (const [i, v] of textPairs) form.set(id(i), v);
        for (const [i, b, name] of filePairs) form.set(id(i), new Blob([b as BlobPart]), name);
        const answer = await send(`/${locale}/services/${code}/apply/`, form);
        expect([200, 400, 413, 429]).toContain(answer.status);
        expect(answer.text).toContain(`<html lang="${htmlLang[locale]}"`);
        if (answer.status === 200 && answer.text.includes('letter-sent__value')) {
          const code10 = answer.text.match(/letter-sent__value"[^>]*><bdi[^>]*>([^<]+)</)![1]!.replace('-', '');
          expect(await (await testStore()).getCaseByCode(code10)).toBeDefined();
        }
      }), { numRuns: RUNS });
  }, 900_000);

  it('POST /<locale>/services/status/: any action with any code, PIN and fields is answered, never a 5xx', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...locales), fc.constantFrom('lookup', 'resubmit', 'rate', 'download', 'explode', ''), fc.boolean(),
      fc.array(fc.tuple(fc.constantFrom('code', 'pin', 'score', 'comment', 'action', 'applicantName'), nasty), { maxLength: 6 }),
      async (locale, action, withKeys, pairs) => {
        const form = new URLSearchParams({ action, ...(withKeys && known ? known : {}) });
        for (const [k, v] of pairs) form.append(k, v);
        const answer = await send(`/${locale}/services/status/`, form);
        expect([200, 400, 409, 413, 429]).toContain(answer.status);
        if (answer.type.startsWith('text/html')) expect(answer.text).toContain(`<html lang="${htmlLang[locale]}"`);
      }), { numRuns: RUNS });
  }, 900_000);
});
