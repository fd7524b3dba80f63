import { describe, expect, it } from 'vitest';
import { canonicalDocumentNumber, queryCandidates } from '../../src/lib/search-query.ts';
import { parseSearchParams, searchQueryString } from '../../src/lib/search-params.ts';

const toSimplified = (s: string) => s.replace(/醫療/g, '医疗');

describe('preparing search queries', () => {
  it('normalises Uyghur the way content is normalised', () => {
    expect(queryCandidates('ھۆکۈمەت', { locale: 'ug', toSimplified })).toEqual(['ھۆكۈمەت']);
  });

  it('turns Latin Uyghur into Arabic script in the Uyghur search, with diacritic variants', () => {
    const candidates = queryCandidates('hokumet', { locale: 'ug', toSimplified });
    expect(candidates).toContain('ھۆكۈمەت');
    expect(candidates.at(-1)).toBe('hokumet');
  });

  it('keeps Latin queries as they are in the English search', () => {
    expect(queryCandidates('heating', { locale: 'en', toSimplified })).toEqual(['heating']);
  });

  it('converts traditional Chinese to simplified', () => {
    expect(queryCandidates('醫療保險', { locale: 'zh', toSimplified })).toEqual(['医疗保險']);
  });

  it('cuts overlong queries and ignores blank ones', () => {
    expect(queryCandidates('  ', { locale: 'zh', toSimplified })).toEqual([]);
    expect(queryCandidates('a'.repeat(500), { locale: 'en', toSimplified })[0]!.length).toBe(100);
  });
});

describe('document numbers', () => {
  it.each([
    ['天政办发〔2025〕6号', '天政办发〔2025〕6号'],
    ['天政办发[2025]6号', '天政办发〔2025〕6号'],
    ['天政办发（2025）06', '天政办发〔2025〕6号'],
    [' 天人社规 [2024] 2 号 ', '天人社规〔2024〕2号'],
    ['天山自治区人民政府令第9号', '天山自治区人民政府令第9号'],
    ['天山自治区人民政府令 第 09 号', '天山自治区人民政府令第9号'],
    ['天山自治区人民政府公告2026年第2号', '天山自治区人民政府公告2026年第2号'],
  ])('reads %s as %s', (q, canonical) => expect(canonicalDocumentNumber(q)).toBe(canonical));

  it.each(['6号', '〔2025〕', '医疗保险', 'tianshan 2025'])('does not take %s for a whole document number', (q) => {
    expect(canonicalDocumentNumber(q)).toBeUndefined();
  });
});

describe('search parameters', () => {
  it('keeps known filters with id-like values and names the rest', () => {
    const p = parseSearchParams(new URLSearchParams('q=x&type=policy&department=<b>&year=2025&page=0&colour=red'));
    expect(p.filters).toEqual({ type: 'policy', year: '2025' });
    expect(p.invalid).toEqual(['department', 'page']);
  });

  it('writes a query string back', () => {
    expect(searchQueryString('供暖', { type: 'news' }, 2)).toBe('q=%E4%BE%9B%E6%9A%96&type=news&page=2');
  });
});
