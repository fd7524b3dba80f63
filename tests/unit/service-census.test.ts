import { describe, expect, it } from 'vitest';
import { CENSUS_ELEMENTS, censusGaps, censusMessage } from '../../src/lib/services/census.ts';

const edition = { title: '事项', legalBasis: ['《条例》'], conditions: ['条件'], place: '大厅', hours: '工作日', steps: [{ title: '受理', text: '当场受理' }] };
const complete = { phone: '0990-5551234', materials: [{ id: 'a', name: { zh: '申请表' } }], zh: edition, ug: { ...edition }, en: { ...edition } };
const without = (value: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));

describe('the eight census elements of a service guide', () => {
  it('are exactly the eight the 2015 census checked', () => {
    expect(CENSUS_ELEMENTS.map((e) => e.zh)).toEqual(['事项名称', '设定依据', '申请条件', '办理材料', '办理地点', '办理时间', '联系电话', '办理流程']);
  });

  it('finds nothing missing in a complete guide', () => {
    expect(censusGaps(complete)).toEqual([]);
  });

  it.each(CENSUS_ELEMENTS.filter((e) => e.in === 'edition').map((e) => [e.zh, e.key] as const))('finds %s missing from the Chinese edition', (zh, key) => {
    const gaps = censusGaps({ ...complete, zh: without(edition, key) });
    expect(gaps.map((g) => [g.element.zh, g.path.join('.')])).toEqual([[zh, `zh.${key}`]]);
  });

  it.each(CENSUS_ELEMENTS.filter((e) => e.in === 'facts').map((e) => [e.zh, e.key] as const))('finds %s missing from the shared facts', (zh, key) => {
    expect(censusGaps(without(complete, key)).map((g) => [g.element.zh, g.path.join('.')])).toEqual([[zh, key]]);
  });

  it('counts blank text and empty lists as missing', () => {
    const gaps = censusGaps({ ...complete, materials: [], zh: { ...edition, place: '  ', steps: [] } });
    expect(gaps.map((g) => g.path.join('.'))).toEqual(['materials', 'zh.place', 'zh.steps']);
  });

  it('holds a Uyghur or English edition, once written, to the same standard; an absent one is not a gap', () => {
    expect(censusGaps({ ...complete, ug: without(edition, 'hours') }).map((g) => g.path.join('.'))).toEqual(['ug.hours']);
    expect(censusGaps(without(complete, 'en'))).toEqual([]);
  });

  it('finds everything missing in an empty guide, the Chinese edition always checked', () => {
    expect(censusGaps({})).toHaveLength(8);
    expect(censusGaps(null)).toHaveLength(8);
  });

  it('says which element is missing, where, and why', () => {
    const [gap] = censusGaps({ ...complete, zh: without(edition, 'place') });
    expect(censusMessage(gap!)).toMatch(/^census element 办理地点 \(place\) is missing at zh\.place/);
  });
});
