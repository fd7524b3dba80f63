import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publishProblem } from '../../src/lib/cases/publication.ts';
import { checkPassword, USERNAME_PATTERN } from '../../src/lib/staff/password-policy.ts';
import { can, canSeeCase, canSeePersonalData, caseActor, STAFF_ROLES, type Staff } from '../../src/lib/staff/roles.ts';

const staff = (role: Staff['role'], department: string | null = null): Staff => ({ id: 'u1', username: 'u', displayName: 'U', role, department });

describe('staff roles', () => {
  it('a handler sees only their own department\'s cases; everyone else sees all', () => {
    expect(canSeeCase(staff('handler', 'health'), 'health')).toBe(true);
    expect(canSeeCase(staff('handler', 'health'), 'transport')).toBe(false);
    expect(canSeeCase(staff('handler', 'health'), null)).toBe(false);
    expect(canSeeCase(staff('handler', null), null)).toBe(false); // a handler without a department sees nothing
    for (const role of ['admin', 'centre', 'auditor'] as const) expect(canSeeCase(staff(role), 'transport')).toBe(true);
  });

  it('personal data only to those who handle the case: never the auditor', () => {
    expect(canSeePersonalData(staff('auditor'), 'health')).toBe(false);
    expect(canSeePersonalData(staff('centre'), 'health')).toBe(true);
    expect(canSeePersonalData(staff('handler', 'health'), 'health')).toBe(true);
    expect(canSeePersonalData(staff('handler', 'health'), 'education')).toBe(false);
  });

  it('the auditor acts as nobody; admin and centre act as the centre; a handler as their department', () => {
    expect(caseActor(staff('auditor'))).toBeNull();
    expect(caseActor(staff('admin'))).toEqual({ role: 'centre', staffId: 'u1' });
    expect(caseActor(staff('handler', 'health'))).toEqual({ role: 'handler', staffId: 'u1', department: 'health' });
    expect(caseActor(staff('handler', null))).toBeNull();
  });

  it('grants account management to admins only, the audit log to admins and auditors, publishing to admin and centre', () => {
    expect(STAFF_ROLES.filter((r) => can(staff(r), 'manageUsers'))).toEqual(['admin']);
    expect(STAFF_ROLES.filter((r) => can(staff(r), 'viewAudit'))).toEqual(['admin', 'auditor']);
    expect(STAFF_ROLES.filter((r) => can(staff(r), 'publish'))).toEqual(['admin', 'centre']);
  });
});

describe('staff passwords policy', () => {
  it('asks for 12 characters of three kinds, without the username', () => {
    expect(checkPassword('Short-1', 'wang')).toBe('tooShort');
    expect(checkPassword('alllowercaseletters', 'wang')).toBe('tooSimple');
    expect(checkPassword('ALLUPPER-and-lower', 'wang')).toBeNull();
    expect(checkPassword('天山自治区政府办公厅2026abc', 'wang')).toBeNull(); // Chinese counts as "other"
    expect(checkPassword('My-wang.Li-2026', 'wang.li')).toBe('containsUsername');
    expect(checkPassword('A1-'.repeat(90), 'wang')).toBe('tooLong');
  });

  it('counts characters, not UTF-16 units', () => {
    // Characters outside the BMP are two UTF-16 units each: 6 to 11 of them are still too short.
    const astral = fc.integer({ min: 0x1f300, max: 0x1f64f }).map((c) => String.fromCodePoint(c));
    fc.assert(fc.property(fc.array(astral, { minLength: 6, maxLength: 11 }), (chars) => {
      const password = chars.join('');
      expect(password.length).toBeGreaterThanOrEqual(12);
      expect(checkPassword(password, 'zz')).toBe('tooShort');
    }));
  });

  it('takes usernames that are safe in logs and Git authorship', () => {
    expect(['chen.admin', 'ali_2', 'wang-li'].every((u) => USERNAME_PATTERN.test(u))).toBe(true);
    expect(['', 'A', 'Chen', '1abc', 'a b', 'ab/c', 'a'.repeat(33), 'ئەلى'].some((u) => USERNAME_PATTERN.test(u))).toBe(false);
  });
});

describe('publishing a letter', () => {
  const answered = { state: 'replied', reply: { visibility: 'public' as const }, publishConsent: true, published: false };
  it('needs an answer, a public reply and the writer\'s consent, once', () => {
    expect(publishProblem(answered)).toBeNull();
    expect(publishProblem({ ...answered, state: 'closed' })).toBeNull();
    expect(publishProblem({ ...answered, state: 'assigned' })).toBe('notAnswered');
    expect(publishProblem({ ...answered, reply: null })).toBe('notAnswered');
    expect(publishProblem({ ...answered, reply: { visibility: 'private' } })).toBe('replyPrivate');
    expect(publishProblem({ ...answered, publishConsent: false })).toBe('noConsent');
    expect(publishProblem({ ...answered, published: true })).toBe('alreadyPublished');
  });
});

describe('what the inbox marks as owed', async () => {
  const { owedBy, deadlineMark } = await import('../../src/server/staff/inbox.ts');
  const { buildCalendar, provisionalYear } = await import('../../src/lib/working-days.ts');
  const calendar = buildCalendar([provisionalYear(2026)]);
  const base = { id: 'x', code: 'C', kind: 'application' as const, category: null, state: 'closed', department: 'health', subject: '', body: '', createdAt: new Date(), updatedAt: new Date(), publishedAt: null, version: 1 };
  it('a pending fix of a bad rating, not the completed case\'s old deadline', () => {
    const flagged = { ...base, dueAt: new Date('2026-06-20T16:00:00Z'), data: { dueOn: '2026-03-02', ratingFix: { dueOn: '2026-06-19' } } };
    expect(owedBy(flagged)).toBe('2026-06-19');
    expect(deadlineMark(flagged, calendar, new Date('2026-06-17T02:00:00Z'))).toBe('due-soon');
    const fixed = { ...flagged, dueAt: null, data: { dueOn: '2026-03-02', ratingFix: { dueOn: '2026-06-19', fixedAt: '2026-06-18T02:00:00Z' } } };
    expect(owedBy(fixed)).toBeNull();
    expect(deadlineMark(fixed, calendar, new Date('2026-07-01T02:00:00Z'))).toBeNull();
  });
  it('an open case\'s deadline; nothing for a settled one', () => {
    expect(owedBy({ ...base, state: 'assigned', dueAt: new Date('2026-03-02T16:00:00Z'), data: { dueOn: '2026-03-02' } })).toBe('2026-03-02');
    expect(owedBy({ ...base, state: 'replied', dueAt: null, data: { dueOn: '2026-03-02' } })).toBeNull();
  });
});
