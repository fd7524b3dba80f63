/**
 * The Store's contract: one suite that every implementation passes (sqlite.test.ts,
 * postgres.test.ts). It speaks only the Store interface, so what passes here behaves the
 * same on SQLite and on PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Conflict, InvalidInput, NotFound, type NewCase, type Store } from '../../src/server/store/store.ts';

/** A fresh, empty database for one test: the store on it, another connection to the same database, and cleanup. */
export interface StoreHarness {
  store: Store;
  /** Opens the same database again (as a second server would): migrations must find nothing to do. */
  reopen: () => Promise<Store>;
  dispose: () => Promise<void>;
}

const T0 = new Date('2026-03-02T08:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const MINUTE = 60_000;

const UYGHUR = 'ئۈرۈمچى شەھەرلىك خەلق ھۆكۈمىتى';
const CHINESE = '天山自治区人民政府办公厅';
const EMOJI = '👩🏽‍💻🇨🇳✅';

function letter(code: string, over: Partial<NewCase> = {}): NewCase {
  return { code, kind: 'letter', state: 'submitted', subject: `Subject ${code}`, body: 'A letter to the government.', createdAt: T0, ...over };
}
const submitted = { actor: 'citizen', type: 'submitted' };

export function storeContract(name: string, makeStore: () => Promise<StoreHarness>) {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;
    beforeEach(async () => {
      harness = await makeStore();
      store = harness.store;
    });
    afterEach(async () => {
      await harness.dispose();
    });

    describe('cases', () => {
      it('creates a case with its first timeline entry and its files, and reads it back by id and by code', async () => {
        const bytes = new Uint8Array([0, 1, 2, 255]);
        const created = await store.createCase(
          letter('L-2026-0001', { department: 'transport', dueAt: at(60 * 24 * 15), data: { applicant: { name: 'Ayshem', phone: '13900000000' } } }),
          { ...submitted, at: T0, data: { channel: 'web' } },
          [{ name: 'letter-1.pdf', contentType: 'application/pdf', bytes }],
        );
        expect(created.case).toMatchObject({ code: 'L-2026-0001', kind: 'letter', state: 'submitted', department: 'transport', version: 1 });
        expect(created.case.createdAt).toEqual(T0);
        expect(created.case.dueAt).toEqual(at(60 * 24 * 15));
        expect(await store.getCase(created.case.id)).toEqual(created.case);
        expect(await store.getCaseByCode('L-2026-0001')).toEqual(created.case);
        expect(await store.listTimeline(created.case.id)).toEqual([created.entry]);
        expect(created.entry).toMatchObject({ caseId: created.case.id, actor: 'citizen', type: 'submitted', data: { channel: 'web' }, at: T0 });
        expect(await store.listCaseFiles(created.case.id)).toEqual(created.files);
        const file = await store.getFile(created.files[0]!.id);
        expect(file).toMatchObject({ name: 'letter-1.pdf', contentType: 'application/pdf', size: 4, caseId: created.case.id });
        expect(file!.bytes).toEqual(bytes);
      });

      it('answers undefined for a case that does not exist', async () => {
        expect(await store.getCase('no-such-id')).toBeUndefined();
        expect(await store.getCaseByCode('L-0000-0000')).toBeUndefined();
      });

      it('refuses a tracking code already in use with Conflict, and keeps nothing of the refused case', async () => {
        await store.createCase(letter('L-2026-0002'), submitted);
        const again = store.createCase(letter('L-2026-0002', { subject: 'second' }), submitted, [
          { name: 'x.txt', contentType: 'text/plain', bytes: new Uint8Array([1]) },
        ]);
        await expect(again).rejects.toBeInstanceOf(Conflict);
        const { items, total } = await store.listCases();
        expect(total).toBe(1);
        expect(items[0]!.subject).toBe('Subject L-2026-0002');
        expect(await store.listTimeline(items[0]!.id)).toHaveLength(1);
        expect(await store.listCaseFiles(items[0]!.id)).toHaveLength(0);
      });

      it('updates a case at the version read, bumps the version and records the change in the timeline, at once', async () => {
        const { case: c } = await store.createCase(letter('L-2026-0003', { department: 'health', dueAt: at(100), data: { a: 1 } }), submitted);
        const { case: updated, entry } = await store.updateCase({
          id: c.id,
          version: 1,
          set: { state: 'assigned', department: 'education', dueAt: null },
          entry: { actor: 'staff:wang', type: 'assigned', data: { to: 'education' } },
          now: at(5),
        });
        expect(updated).toMatchObject({ state: 'assigned', department: 'education', dueAt: null, version: 2, subject: c.subject, body: c.body, data: { a: 1 } });
        expect(updated.updatedAt).toEqual(at(5));
        expect(updated.createdAt).toEqual(c.createdAt);
        expect(await store.getCase(c.id)).toEqual(updated);
        expect((await store.listTimeline(c.id)).map((e) => e.type)).toEqual(['submitted', 'assigned']);
        expect(entry).toMatchObject({ actor: 'staff:wang', type: 'assigned', data: { to: 'education' }, at: at(5) });
      });

      it('refuses an update at a stale version with Conflict and changes nothing', async () => {
        const { case: c } = await store.createCase(letter('L-2026-0004'), submitted);
        await store.updateCase({ id: c.id, version: 1, set: { state: 'assigned' }, entry: { actor: 'staff:a', type: 'assigned' } });
        const stale = store.updateCase({ id: c.id, version: 1, set: { state: 'closed' }, entry: { actor: 'staff:b', type: 'closed' } });
        await expect(stale).rejects.toBeInstanceOf(Conflict);
        expect(await store.getCase(c.id)).toMatchObject({ state: 'assigned', version: 2 });
        expect((await store.listTimeline(c.id)).map((e) => e.type)).toEqual(['submitted', 'assigned']);
      });

      it('lets exactly one of two concurrent updates from the same version win', async () => {
        const { case: c } = await store.createCase(letter('L-2026-0005'), submitted);
        const results = await Promise.allSettled(
          ['staff:a', 'staff:b'].map((actor) => store.updateCase({ id: c.id, version: 1, set: { state: actor }, entry: { actor, type: 'assigned' } })),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.filter((r) => r.status === 'rejected');
        expect(rejected).toHaveLength(1);
        expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
        expect(await store.listTimeline(c.id)).toHaveLength(2);
        expect((await store.getCase(c.id))!.version).toBe(2);
      });

      it('answers NotFound for an update or a timeline entry on a case that does not exist', async () => {
        await expect(store.updateCase({ id: 'nope', version: 1, set: {}, entry: { actor: 'x', type: 'y' } })).rejects.toBeInstanceOf(NotFound);
        await expect(store.appendTimeline('nope', { actor: 'x', type: 'y' })).rejects.toBeInstanceOf(NotFound);
      });

      it('keeps the timeline in the order it was written', async () => {
        const { case: c } = await store.createCase(letter('L-2026-0006'), submitted);
        const types = ['viewed', 'assigned', 'note', 'replied', 'closed', 'reopened', 'note'];
        // The clock goes backwards on purpose: the order written is the order kept.
        for (const [i, type] of types.entries()) await store.appendTimeline(c.id, { actor: 'staff:li', type, at: at(100 - i) });
        const timeline = await store.listTimeline(c.id);
        expect(timeline.map((e) => e.type)).toEqual(['submitted', ...types]);
        const ids = timeline.map((e) => e.id);
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
        expect(new Set(ids).size).toBe(ids.length);
      });
    });

    describe('transactions', () => {
      it('commits everything done through tx when the function resolves', async () => {
        const result = await store.transaction(async (tx) => {
          const { case: c } = await tx.createCase(letter('L-2026-0101'), submitted);
          await tx.appendTimeline(c.id, { actor: 'system', type: 'acknowledged' });
          const file = await tx.putFile({ caseId: c.id, name: 'reply.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('reply') });
          await tx.appendAudit({ actor: 'system', action: 'case.created', subject: `case:${c.code}` });
          return { id: c.id, fileId: file.id };
        });
        expect(await store.listTimeline(result.id)).toHaveLength(2);
        expect(await store.getFile(result.fileId)).toBeDefined();
        expect((await store.listAudit()).total).toBe(1);
      });

      it('leaves nothing behind when a change inside it fails', async () => {
        const { case: existing } = await store.createCase(letter('L-2026-0102'), submitted);
        let fileId = '';
        const failing = store.transaction(async (tx) => {
          const { case: c } = await tx.createCase(letter('L-2026-0103'), submitted, [{ name: 'a.bin', contentType: 'application/octet-stream', bytes: new Uint8Array([7]) }]);
          await tx.appendTimeline(existing.id, { actor: 'staff:a', type: 'note' });
          fileId = (await tx.putFile({ name: 'b.bin', contentType: 'application/octet-stream', bytes: new Uint8Array([8]) })).id;
          await tx.updateCase({ id: existing.id, version: 1, set: { state: 'assigned' }, entry: { actor: 'staff:a', type: 'assigned' } });
          await tx.appendAudit({ actor: 'staff:a', action: 'case.assigned', subject: `case:${c.code}` });
          await tx.hit('login:wang', MINUTE, T0);
          // The failing change: the case is at version 2 now.
          await tx.updateCase({ id: existing.id, version: 1, set: { state: 'closed' }, entry: { actor: 'staff:a', type: 'closed' } });
        });
        await expect(failing).rejects.toBeInstanceOf(Conflict);
        expect(fileId).not.toBe('');
        expect(await store.getCaseByCode('L-2026-0103')).toBeUndefined();
        expect((await store.listCases()).total).toBe(1);
        expect(await store.getCase(existing.id)).toEqual(existing);
        expect(await store.listTimeline(existing.id)).toHaveLength(1);
        expect(await store.getFile(fileId)).toBeUndefined();
        expect((await store.listAudit()).total).toBe(0);
        expect(await store.hit('login:wang', MINUTE, T0)).toBe(1);
      });

      it('rolls back when the function itself throws', async () => {
        const boom = new Error('boom');
        await expect(
          store.transaction(async (tx) => {
            await tx.createCase(letter('L-2026-0104'), submitted);
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect(await store.getCaseByCode('L-2026-0104')).toBeUndefined();
      });

      it('lets the function catch a failed call and go on; only that call is undone', async () => {
        await store.createCase(letter('L-2026-0105'), submitted);
        await store.transaction(async (tx) => {
          await expect(tx.createCase(letter('L-2026-0105'), submitted)).rejects.toBeInstanceOf(Conflict);
          await tx.createCase(letter('L-2026-0106'), submitted);
        });
        expect((await store.listCases()).total).toBe(2);
      });

      it('keeps concurrent transactions apart', async () => {
        await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            store.transaction(async (tx) => {
              const { case: c } = await tx.createCase(letter(`L-2026-02${i}`), submitted);
              await tx.appendTimeline(c.id, { actor: 'system', type: 'acknowledged' });
              if (i % 2) throw new Error('odd ones fail');
            }).catch(() => undefined),
          ),
        );
        const { items } = await store.listCases();
        expect(items.map((c) => c.code).sort()).toEqual(['L-2026-020', 'L-2026-022', 'L-2026-024', 'L-2026-026']);
        for (const c of items) expect(await store.listTimeline(c.id)).toHaveLength(2);
      });

      it('refuses calls on the store itself from inside its own transaction', async () => {
        const inside = store.transaction(async () => store.getCaseByCode('L-0'));
        await expect(inside).rejects.toBeInstanceOf(InvalidInput);
      });
    });

    describe('listing cases', () => {
      beforeEach(async () => {
        const cases: NewCase[] = [
          letter('L-2026-1001', { department: 'transport', state: 'submitted', dueAt: at(1000), createdAt: at(1), subject: 'Road repair on Yan\'an Road' }),
          letter('L-2026-1002', { department: 'transport', state: 'assigned', dueAt: at(2000), createdAt: at(2), subject: `${CHINESE} 道路维修` }),
          letter('L-2026-1003', { department: 'health', state: 'submitted', dueAt: at(3000), createdAt: at(3), subject: `${UYGHUR} دوختۇرخانا` }),
          letter('L-2026-1004', { department: 'health', state: 'closed', dueAt: null, createdAt: at(4), body: 'Fees of 100% for the ROAD_TAX' }),
          { ...letter('A-2026-1005', { department: 'transport', createdAt: at(5), dueAt: at(500) }), kind: 'application' },
        ];
        for (const c of cases) await store.createCase(c, submitted);
      });
      const codes = async (filter: Parameters<Store['listCases']>[0]) => (await store.listCases(filter)).items.map((c) => c.code);

      it('lists newest first with the total', async () => {
        const all = await store.listCases();
        expect(all.total).toBe(5);
        expect(all.items.map((c) => c.code)).toEqual(['A-2026-1005', 'L-2026-1004', 'L-2026-1003', 'L-2026-1002', 'L-2026-1001']);
      });

      it('filters by kind, state, department and due dates, together', async () => {
        expect(await codes({ kind: 'application' })).toEqual(['A-2026-1005']);
        expect(await codes({ kind: 'letter', state: 'submitted' })).toEqual(['L-2026-1003', 'L-2026-1001']);
        expect(await codes({ department: 'transport', kind: 'letter' })).toEqual(['L-2026-1002', 'L-2026-1001']);
        expect(await codes({ dueBefore: at(2000) })).toEqual(['A-2026-1005', 'L-2026-1001']);
        expect(await codes({ dueAfter: at(2000) })).toEqual(['L-2026-1003', 'L-2026-1002']);
        expect(await codes({ dueAfter: at(1000), dueBefore: at(3000), department: 'transport' })).toEqual(['L-2026-1002', 'L-2026-1001']);
        expect(await codes({ state: 'nothing' })).toEqual([]);
      });

      it('finds text in the code, subject and body, ignoring case, in every script, with % and _ taken literally', async () => {
        expect(await codes({ text: 'road' })).toEqual(['L-2026-1004', 'L-2026-1001']);
        expect(await codes({ text: '道路' })).toEqual(['L-2026-1002']);
        expect(await codes({ text: 'دوختۇرخانا' })).toEqual(['L-2026-1003']);
        expect(await codes({ text: 'l-2026-100' })).toHaveLength(4);
        expect(await codes({ text: '100%' })).toEqual(['L-2026-1004']);
        expect(await codes({ text: 'ad_r' })).toEqual([]);
        expect(await codes({ text: 'road_tax' })).toEqual(['L-2026-1004']);
      });

      it('pages, with the total of all that match', async () => {
        const first = await store.listCases({ limit: 2 });
        const second = await store.listCases({ limit: 2, offset: 2 });
        const third = await store.listCases({ limit: 2, offset: 4 });
        expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
        expect([...first.items, ...second.items, ...third.items].map((c) => c.code)).toEqual((await codes({})));
        expect(third.items).toHaveLength(1);
        expect((await store.listCases({ offset: 10 })).items).toEqual([]);
      });

      it('orders by due date, soonest first and undated last', async () => {
        expect(await codes({ order: 'due' })).toEqual(['A-2026-1005', 'L-2026-1001', 'L-2026-1002', 'L-2026-1003', 'L-2026-1004']);
      });

      it('keeps a case\'s category and filters on it', async () => {
        await store.createCase(letter('L-2026-1006', { category: 'complaint', createdAt: at(6) }), submitted);
        expect((await store.getCaseByCode('L-2026-1006'))!.category).toBe('complaint');
        expect((await store.getCaseByCode('L-2026-1001'))!.category).toBeNull();
        expect(await codes({ category: 'complaint' })).toEqual(['L-2026-1006']);
      });

      it('filters by when a case came in', async () => {
        expect(await codes({ createdFrom: at(2), createdBefore: at(4) })).toEqual(['L-2026-1003', 'L-2026-1002']);
        expect(await codes({ createdFrom: at(5) })).toEqual(['A-2026-1005']);
      });

      it('publishes and withdraws a case, and lists the published ones latest first', async () => {
        const publish = async (code: string, when: Date | null) => {
          const c = (await store.getCaseByCode(code))!;
          return store.updateCase({ id: c.id, version: c.version, set: { publishedAt: when }, entry: { actor: 'staff:li', type: when ? 'published' : 'withdrawn' } });
        };
        expect((await publish('L-2026-1004', at(100))).case.publishedAt).toEqual(at(100));
        await publish('L-2026-1002', at(200));
        expect(await codes({ published: true, order: 'published' })).toEqual(['L-2026-1002', 'L-2026-1004']);
        expect(await codes({ published: false })).toEqual(['A-2026-1005', 'L-2026-1003', 'L-2026-1001']);
        expect((await publish('L-2026-1002', null)).case.publishedAt).toBeNull();
        expect(await codes({ published: true })).toEqual(['L-2026-1004']);
        // A change that does not name publishedAt keeps it.
        const c = (await store.getCaseByCode('L-2026-1004'))!;
        await store.updateCase({ id: c.id, version: c.version, set: { state: 'closed' }, entry: { actor: 'staff:li', type: 'closed' } });
        expect((await store.getCaseByCode('L-2026-1004'))!.publishedAt).toEqual(at(100));
      });

      it('finds each case\'s first entry of a type within a time range, with when the case came in', async () => {
        const entry = async (code: string, type: string, minutes: number) => store.appendTimeline((await store.getCaseByCode(code))!.id, { actor: 'staff:li', type, at: at(minutes) });
        await entry('L-2026-1001', 'replied', 100);
        await entry('L-2026-1001', 'replied', 300); // a second reply (after reopening) does not count again
        await entry('L-2026-1003', 'replied', 200);
        await entry('L-2026-1002', 'replied', 400);
        await entry('A-2026-1005', 'replied', 150); // another kind
        await entry('L-2026-1004', 'note', 120);
        const first = await store.listFirstEntries({ kind: 'letter', type: 'replied', from: at(100), before: at(400) });
        const byCode = new Map((await store.listCases()).items.map((c) => [c.id, c.code]));
        expect(first.map((r) => [byCode.get(r.caseId), r.repliedAt.getTime() - T0.getTime()])).toEqual([['L-2026-1001', 100 * MINUTE], ['L-2026-1003', 200 * MINUTE]]);
        expect(first[0]!.createdAt).toEqual(at(1));
        expect(await store.listFirstEntries({ kind: 'letter', type: 'replied', from: at(101), before: at(1000) })).toHaveLength(2);
      });

      it('refuses a page size out of range', async () => {
        await expect(store.listCases({ order: 'sideways' as 'due' })).rejects.toBeInstanceOf(InvalidInput);
        await expect(store.listCases({ limit: 0 })).rejects.toBeInstanceOf(InvalidInput);
        await expect(store.listCases({ limit: 501 })).rejects.toBeInstanceOf(InvalidInput);
        await expect(store.listCases({ offset: -1 })).rejects.toBeInstanceOf(InvalidInput);
      });
    });

    describe('files', () => {
      it('keeps bytes exactly: every byte value, an empty file, a megabyte', async () => {
        const every = Uint8Array.from({ length: 256 }, (_, i) => i);
        const big = new Uint8Array(randomBytes(1024 * 1024));
        for (const bytes of [every, new Uint8Array(0), big]) {
          const info = await store.putFile({ name: 'upload.bin', contentType: 'application/octet-stream', bytes });
          expect(info.size).toBe(bytes.byteLength);
          const back = await store.getFile(info.id);
          expect(back!.bytes).toBeInstanceOf(Uint8Array);
          expect(Buffer.from(back!.bytes).equals(Buffer.from(bytes))).toBe(true);
          expect(back).toMatchObject({ ...info, contentType: 'application/octet-stream' });
        }
      });

      it('lists a case\'s files, answers undefined for an unknown id and NotFound for an unknown case', async () => {
        const { case: c } = await store.createCase(letter('L-2026-3001'), submitted, [
          { name: 'b-scan.jpg', contentType: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8]) },
          { name: 'a-letter.pdf', contentType: 'application/pdf', bytes: new Uint8Array([0x25]) },
        ]);
        await store.putFile({ caseId: c.id, name: 'c-reply.pdf', contentType: 'application/pdf', bytes: new Uint8Array([1]) });
        expect((await store.listCaseFiles(c.id)).map((f) => f.name).sort()).toEqual(['a-letter.pdf', 'b-scan.jpg', 'c-reply.pdf']);
        expect(await store.getFile('no-such-file')).toBeUndefined();
        await expect(store.putFile({ caseId: 'no-such-case', name: 'x', contentType: 'text/plain', bytes: new Uint8Array(1) })).rejects.toBeInstanceOf(NotFound);
      });
    });

    describe('users', () => {
      const wang = { username: 'wang.li', displayName: '王丽', passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', role: 'editor', department: 'transport' };

      it('creates, reads by id and by username, and updates', async () => {
        const user = await store.createUser(wang);
        expect(user).toMatchObject({ ...wang, failedLogins: 0, lockedUntil: null });
        expect(await store.getUser(user.id)).toEqual(user);
        expect(await store.getUserByUsername('wang.li')).toEqual(user);
        expect(await store.getUserByUsername('nobody')).toBeUndefined();
        const updated = await store.updateUser(user.id, { role: 'reviewer', department: null, passwordHash: '$argon2id$new', lockedUntil: at(30), failedLogins: 2 });
        expect(updated).toMatchObject({ username: 'wang.li', displayName: '王丽', role: 'reviewer', department: null, passwordHash: '$argon2id$new', failedLogins: 2 });
        expect(updated.lockedUntil).toEqual(at(30));
        expect(await store.getUser(user.id)).toEqual(updated);
        expect((await store.updateUser(user.id, { lockedUntil: null })).lockedUntil).toBeNull();
        expect(updated.disabledAt).toBeNull();
        expect((await store.updateUser(user.id, { disabledAt: at(60) })).disabledAt).toEqual(at(60));
      });

      it('lists every account by username', async () => {
        await store.createUser({ ...wang, username: 'zhao' });
        await store.createUser(wang);
        await store.createUser({ ...wang, username: 'ali', role: 'admin', department: null });
        expect((await store.listUsers()).map((u) => u.username)).toEqual(['ali', 'wang.li', 'zhao']);
      });

      it('refuses a username in use with Conflict, and an unknown user with NotFound', async () => {
        await store.createUser(wang);
        await expect(store.createUser({ ...wang, displayName: 'other' })).rejects.toBeInstanceOf(Conflict);
        await expect(store.updateUser('nope', { role: 'admin' })).rejects.toBeInstanceOf(NotFound);
        await expect(store.recordLoginFailure('nope', { lockAfter: 5, lockMs: MINUTE })).rejects.toBeInstanceOf(NotFound);
      });

      it('counts failed logins atomically and locks the account at the limit', async () => {
        const user = await store.createUser(wang);
        await Promise.all(Array.from({ length: 4 }, () => store.recordLoginFailure(user.id, { lockAfter: 5, lockMs: 15 * MINUTE }, T0)));
        expect(await store.getUser(user.id)).toMatchObject({ failedLogins: 4, lockedUntil: null });
        const locked = await store.recordLoginFailure(user.id, { lockAfter: 5, lockMs: 15 * MINUTE }, T0);
        expect(locked.lockedUntil).toEqual(at(15));
        expect(locked.failedLogins).toBe(0);
      });
    });

    describe('sessions', () => {
      let userId: string;
      beforeEach(async () => {
        userId = (await store.createUser({ username: 'li', displayName: 'Li', passwordHash: 'h', role: 'staff' })).id;
      });

      it('creates and reads a session until it expires', async () => {
        const session = await store.createSession({ id: 'hash-1', userId, expiresAt: at(30), now: T0, data: { csrf: 'token' } });
        expect(session).toMatchObject({ id: 'hash-1', userId, data: { csrf: 'token' } });
        expect(session.createdAt).toEqual(T0);
        expect(await store.getSession('hash-1', at(29))).toEqual(session);
        expect(await store.getSession('hash-1', at(30))).toBeUndefined();
        expect(await store.getSession('hash-unknown', T0)).toBeUndefined();
      });

      it('slides a live session\'s expiry but not an expired one\'s', async () => {
        await store.createSession({ id: 'hash-2', userId, expiresAt: at(30), now: T0 });
        expect(await store.touchSession('hash-2', at(50), at(20))).toBe(true);
        const touched = await store.getSession('hash-2', at(40));
        expect(touched!.expiresAt).toEqual(at(50));
        expect(touched!.lastSeenAt).toEqual(at(20));
        expect(await store.touchSession('hash-2', at(90), at(60))).toBe(false);
        expect(await store.getSession('hash-2', at(60))).toBeUndefined();
      });

      it('deletes one session, a user\'s sessions, and the expired ones', async () => {
        for (const [id, minutes] of [['s1', 10], ['s2', 20], ['s3', 30], ['s4', 40]] as const) {
          await store.createSession({ id, userId, expiresAt: at(minutes), now: T0 });
        }
        await store.deleteSession('s1');
        expect(await store.getSession('s1', T0)).toBeUndefined();
        expect(await store.deleteExpiredSessions(at(25))).toBe(1);
        expect(await store.getSession('s2', T0)).toBeUndefined();
        expect(await store.getSession('s3', T0)).toBeDefined();
        expect(await store.deleteUserSessions(userId)).toBe(2);
        expect(await store.getSession('s4', T0)).toBeUndefined();
      });

      it('refuses a session for a user who does not exist, and a session id in use', async () => {
        await expect(store.createSession({ id: 'x', userId: 'nobody', expiresAt: at(1) })).rejects.toBeInstanceOf(NotFound);
        await store.createSession({ id: 'y', userId, expiresAt: at(1) });
        await expect(store.createSession({ id: 'y', userId, expiresAt: at(1) })).rejects.toBeInstanceOf(Conflict);
      });
    });

    describe('audit log', () => {
      it('appends in order and lists by time range, with paging', async () => {
        for (let i = 0; i < 12; i++) {
          await store.appendAudit({ actor: `staff:${i}`, action: 'case.viewed', subject: `case:L-${i}`, ip: '192.0.2.1', data: { i }, at: at(i) });
        }
        const all = await store.listAudit();
        expect(all.total).toBe(12);
        expect(all.items.map((e) => e.data.i)).toEqual([...Array(12).keys()]);
        expect(all.items[3]).toMatchObject({ actor: 'staff:3', action: 'case.viewed', subject: 'case:L-3', ip: '192.0.2.1' });
        expect(all.items[3]!.at).toEqual(at(3));
        const range = await store.listAudit({ from: at(2), to: at(9), limit: 3, offset: 3 });
        expect(range.total).toBe(7);
        expect(range.items.map((e) => e.data.i)).toEqual([5, 6, 7]);
      });

      it('keeps the order appended even when the clock disagrees, and keeps entries appended at once', async () => {
        await store.appendAudit({ actor: 'a', action: 'first', at: at(10) });
        await store.appendAudit({ actor: 'a', action: 'second', at: at(5) });
        await Promise.all(Array.from({ length: 20 }, (_, i) => store.appendAudit({ actor: 'b', action: `burst-${i}` })));
        const { items, total } = await store.listAudit({ limit: 500 });
        expect(total).toBe(22);
        expect(items.slice(0, 2).map((e) => e.action)).toEqual(['first', 'second']);
        const ids = items.map((e) => e.id);
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
      });

      it('has no way to change or remove an entry', () => {
        const methods = Object.keys(store).filter((k) => /audit/i.test(k));
        expect(methods.sort()).toEqual(['appendAudit', 'listAudit']);
      });
    });

    describe('rate limits', () => {
      it('counts 50 concurrent hits as 1 to 50, each once', async () => {
        const counts = await Promise.all(Array.from({ length: 50 }, () => store.hit('ip:192.0.2.7', MINUTE, T0)));
        expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      });

      it('counts each key and each window apart, and prunes old windows', async () => {
        expect(await store.hit('a', MINUTE, T0)).toBe(1);
        expect(await store.hit('a', MINUTE, new Date(T0.getTime() + 59_999))).toBe(2);
        expect(await store.hit('b', MINUTE, T0)).toBe(1);
        expect(await store.hit('a', MINUTE, at(1))).toBe(1);
        expect(await store.pruneRateLimits(at(1))).toBe(2);
        expect(await store.hit('a', MINUTE, T0)).toBe(1);
        await expect(store.hit('a', 0, T0)).rejects.toBeInstanceOf(InvalidInput);
      });
    });

    describe('content items and publishing runs', () => {
      const draft = { collection: 'news', item: '2026-03-02-spring', department: 'agriculture', state: 'draft' as const, editorId: 'u-1', submittedBy: null, submittedAt: null, note: null };

      it('records an item once, then changes it only from the version read', async () => {
        const first = await store.putContentItem({ ...draft, version: 0, now: T0 });
        expect(first).toEqual({ ...draft, updatedAt: T0, version: 1 });
        expect(await store.getContentItem('news', '2026-03-02-spring')).toEqual(first);
        await expect(store.putContentItem({ ...draft, version: 0 })).rejects.toBeInstanceOf(Conflict);
        const submitted = await store.putContentItem({ ...draft, state: 'review', submittedBy: 'u-1', submittedAt: at(5), version: 1, now: at(5) });
        expect(submitted).toMatchObject({ state: 'review', submittedBy: 'u-1', submittedAt: at(5), version: 2 });
        // A second reviewer acting on the page they read before: refused, nothing changed.
        await expect(store.putContentItem({ ...draft, state: 'published', version: 1 })).rejects.toBeInstanceOf(Conflict);
        expect((await store.getContentItem('news', '2026-03-02-spring'))!.state).toBe('review');
        await expect(store.putContentItem({ ...draft, state: 'gone' as never, version: 2 })).rejects.toBeInstanceOf(InvalidInput);
        expect(await store.getContentItem('news', 'never-edited')).toBeUndefined();
      });

      it('lists items by state and department, the latest change first', async () => {
        await store.putContentItem({ ...draft, item: 'a', version: 0, now: T0 });
        await store.putContentItem({ ...draft, item: 'b', state: 'review', version: 0, now: at(2) });
        await store.putContentItem({ ...draft, item: 'c', department: 'transport', state: 'review', version: 0, now: at(1) });
        await store.putContentItem({ ...draft, collection: 'settings', item: 'site', department: null, state: 'published', version: 0, now: at(3) });
        expect((await store.listContentItems()).map((r) => r.item)).toEqual(['site', 'b', 'c', 'a']);
        expect((await store.listContentItems({ states: ['review'] })).map((r) => r.item)).toEqual(['b', 'c']);
        expect((await store.listContentItems({ states: ['review', 'draft'], department: 'agriculture' })).map((r) => r.item)).toEqual(['b', 'a']);
      });

      it('records publishing runs, how each ended, and finds them by item', async () => {
        const items = [{ collection: 'news', item: UYGHUR }, { collection: 'pages', item: 'contact' }];
        const job = await store.createPublishJob({ action: 'publish', items, reviewerId: 'u-2', now: T0 });
        expect(job).toMatchObject({ action: 'publish', items, reviewerId: 'u-2', state: 'building', startedAt: T0, finishedAt: null, commit: null, report: null });
        const ended = await store.finishPublishJob(job.id, { state: 'failed', report: `${CHINESE}: build failed`, now: at(1) });
        expect(ended).toMatchObject({ state: 'failed', finishedAt: at(1), report: `${CHINESE}: build failed` });
        await expect(store.finishPublishJob(job.id, { state: 'published' })).rejects.toBeInstanceOf(NotFound);
        const second = await store.createPublishJob({ action: 'withdraw', items: [{ collection: 'news', item: 'x_%' }], reviewerId: 'u-2', now: at(2) });
        await store.finishPublishJob(second.id, { state: 'published', commit: 'abc123', now: at(3) });
        expect(await store.getPublishJob(second.id)).toMatchObject({ state: 'published', commit: 'abc123' });
        expect((await store.listPublishJobs()).map((j) => j.id)).toEqual([second.id, job.id]);
        expect((await store.listPublishJobs({ item: { collection: 'pages', item: 'contact' } })).map((j) => j.id)).toEqual([job.id]);
        // LIKE's own characters in a name match only themselves.
        expect((await store.listPublishJobs({ item: { collection: 'news', item: 'xy' } }))).toEqual([]);
        expect((await store.listPublishJobs({ item: { collection: 'news', item: 'x_%' } })).map((j) => j.id)).toEqual([second.id]);
        await expect(store.createPublishJob({ action: 'publish', items: [], reviewerId: 'u-2' })).rejects.toBeInstanceOf(InvalidInput);
      });
    });

    describe('server secrets', () => {
      it('keeps the first value under a name and gives it back to every later caller', async () => {
        expect(await store.keepSecret('pow-hmac', 'first', T0)).toBe('first');
        expect(await store.keepSecret('pow-hmac', 'second', at(1))).toBe('first');
        expect(await store.keepSecret('other', 'second')).toBe('second');
        const second = await harness.reopen();
        try {
          expect(await second.keepSecret('pow-hmac', 'third')).toBe('first');
        } finally {
          await second.close();
        }
        await expect(store.keepSecret('', 'x')).rejects.toBeInstanceOf(InvalidInput);
        await expect(store.keepSecret('x', '')).rejects.toBeInstanceOf(InvalidInput);
      });

      it('gives servers that ask at once the same value', async () => {
        const kept = await Promise.all(Array.from({ length: 20 }, (_, i) => store.keepSecret('race', `value-${i}`)));
        expect(new Set(kept).size).toBe(1);
      });
    });

    it('keeps Uyghur, Chinese and emoji exactly, everywhere text goes', async () => {
      const text = `${UYGHUR} \u200f${CHINESE} ${EMOJI} Ⅻ ﻼ`;
      const { case: c, files } = await store.createCase(
        letter('L-2026-ئۇ-汉-🙂', { subject: text, body: `${text}\n${text}`, department: CHINESE, state: 'يوللاندى', data: { name: UYGHUR, note: EMOJI } }),
        { actor: `staff:${UYGHUR}`, type: 'submitted', data: { text } },
        [{ name: `${CHINESE}.txt`, contentType: 'text/plain; charset=utf-8', bytes: new TextEncoder().encode(text) }],
      );
      const back = await store.getCaseByCode('L-2026-ئۇ-汉-🙂');
      expect(back).toEqual(c);
      expect(back).toMatchObject({ subject: text, body: `${text}\n${text}`, department: CHINESE, state: 'يوللاندى', data: { name: UYGHUR, note: EMOJI } });
      expect((await store.listTimeline(c.id))[0]).toMatchObject({ actor: `staff:${UYGHUR}`, data: { text } });
      const file = await store.getFile(files[0]!.id);
      expect(file!.name).toBe(`${CHINESE}.txt`);
      expect(new TextDecoder().decode(file!.bytes)).toBe(text);
      expect((await store.listCases({ department: CHINESE, state: 'يوللاندى', text: EMOJI })).total).toBe(1);
      const user = await store.createUser({ username: 'ئايشەم', displayName: `${UYGHUR} ${EMOJI}`, passwordHash: 'h', role: 'staff' });
      expect(await store.getUserByUsername('ئايشەم')).toEqual(user);
      await store.appendAudit({ actor: 'ئايشەم', action: 'login', data: { text } });
      expect((await store.listAudit()).items[0]).toMatchObject({ actor: 'ئايشەم', data: { text } });
      expect(await store.hit(`user:${UYGHUR}`, MINUTE, T0)).toBe(1);
    });

    it('opens the same database again with nothing to migrate, and sees what was written', async () => {
      const { case: c } = await store.createCase(letter('L-2026-9001'), submitted);
      const second = await harness.reopen();
      try {
        expect(await second.getCase(c.id)).toEqual(c);
        await second.appendAudit({ actor: 'system', action: 'second.server' });
        expect((await store.listAudit()).total).toBe(1);
      } finally {
        await second.close();
      }
    });
  });
}
