import { describe, expect, it } from 'vitest';
import { appliesOnline, guideFactProblems, implementingCode, SERVICE_CODE, type GuideFacts } from '../../src/lib/services/guide.ts';

const inPerson: GuideFacts = { statutoryDays: 20, promisedDays: 10, charged: false, visits: 1, onlineDepth: 1, zh: {} };
const online: GuideFacts = { ...inPerson, onlineDepth: 4, visits: 0, form: { fields: [] } };
const paths = (g: GuideFacts) => guideFactProblems(g).map(([path]) => path.join('.'));

describe('the facts of a service guide', () => {
  it('accepts guides whose facts agree', () => {
    expect(guideFactProblems(inPerson)).toEqual([]);
    expect(guideFactProblems(online)).toEqual([]);
    expect(guideFactProblems({ ...inPerson, statutoryDays: undefined, promisedDays: 0 })).toEqual([]);
  });

  it('refuses a promise beyond the time the law allows', () => {
    expect(paths({ ...inPerson, promisedDays: 21 })).toEqual(['promisedDays']);
  });

  it('ties applying online to having a form, both ways', () => {
    expect(paths({ ...online, form: undefined })).toEqual(['form']);
    expect(paths({ ...inPerson, form: { fields: [] } })).toEqual(['onlineDepth']);
  });

  it('counts visits as the online depth says: none at depth 4, at most one at depth 3, some below 4', () => {
    expect(paths({ ...online, visits: 1 })).toEqual(['visits']);
    expect(paths({ ...online, onlineDepth: 3, visits: 2 })).toEqual(['visits']);
    expect(paths({ ...inPerson, visits: 0 })).toEqual(['visits']);
  });

  it('asks a charged service to say what it costs in every edition it has', () => {
    expect(paths({ ...inPerson, charged: true, zh: { fee: '60元' }, ug: {}, en: { fee: '60 yuan' } })).toEqual(['ug.fee']);
    expect(paths({ ...inPerson, charged: true, zh: { fee: '60元' } })).toEqual([]);
  });

  it('makes the implementing code from the department’s credit code and the service code', () => {
    expect(implementingCode('11659900MB0001118J', '051100201000')).toBe('11659900MB0001118J051100201000');
    expect(SERVICE_CODE.test('051100201000')).toBe(true);
    expect(SERVICE_CODE.test('05110020100')).toBe(false);
    expect(appliesOnline(1)).toBe(false);
    expect(appliesOnline(2)).toBe(true);
  });
});
