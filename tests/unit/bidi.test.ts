import { describe, expect, it } from 'vitest';
import { LRI, PDI, isolateLtr, isolateLtrRuns, splitLtrRuns, stripIsolates } from '../../src/lib/bidi.ts';

const ltrParts = (text: string) => splitLtrRuns(text).filter((r) => r.ltr).map((r) => r.text);

describe('left-to-right runs inside Uyghur text', () => {
  it.each([
    ['a date', 'ئېلان ۋاقتى 2024-05-09 بولدى', ['2024-05-09']],
    ['a phone number', 'تېلېفون: 0991-2391234 غا ئۇرۇڭ', ['0991-2391234']],
    ['a URL with its trailing slash', 'تور ئادرېسى https://www.tianshan.example/ug/ دە', ['https://www.tianshan.example/ug/']],
    ['an e-mail address', 'ئېلخەت xinxi@tianshan.example غا يوللاڭ', ['xinxi@tianshan.example']],
    ['a Chinese document number', 'ھۆججەت نومۇرى 新政办发〔2024〕12号 بولغان', ['新政办发〔2024〕12号']],
    ['a code', 'تور بېكەت بەلگە كودى bm99000001', ['bm99000001']],
  ])('finds %s as one run', (_, text, expected) => {
    expect(ltrParts(text)).toEqual(expected);
  });

  it('marks Chinese runs so they can be tagged zh-CN', () => {
    const [run] = splitLtrRuns('新政办发〔2024〕12号').filter((r) => r.ltr);
    expect(run?.han).toBe(true);
    expect(splitLtrRuns('0991-2391234').find((r) => r.ltr)?.han).toBe(false);
  });

  it('loses no text when splitting', () => {
    const text = 'تېلېفون 0991-2391234، ئېلخەت a@b.example ۋە 2024-يىلى';
    expect(splitLtrRuns(text).map((r) => r.text).join('')).toBe(text);
  });

  it('leaves Uyghur letters outside every run', () => {
    expect(ltrParts('ھۆكۈمەت ئۇچۇرلىرى')).toEqual([]);
  });
});

describe('isolating for plain-text places', () => {
  it('wraps runs in LRI…PDI in right-to-left text', () => {
    expect(isolateLtrRuns('تېلېفون 0991-2391234', 'rtl')).toBe(`تېلېفون ${LRI}0991-2391234${PDI}`);
  });

  it('changes nothing in left-to-right text', () => {
    expect(isolateLtrRuns('电话 0991-2391234', 'ltr')).toBe('电话 0991-2391234');
  });

  it('is idempotent', () => {
    const once = isolateLtrRuns('ئېلان 2024-05-09 ۋە 0991-2391234', 'rtl');
    expect(isolateLtrRuns(once, 'rtl')).toBe(once);
    expect(stripIsolates(once)).toBe('ئېلان 2024-05-09 ۋە 0991-2391234');
  });

  it('isolates a whole value', () => expect(isolateLtr('bm99000001')).toBe(`${LRI}bm99000001${PDI}`));
});
