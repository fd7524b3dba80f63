import { describe, expect, it } from 'vitest';
import { formatDate, formatFileSize, formatList, formatNumber, isoDate, pubDateTime } from '../../src/i18n/format.ts';

const may9 = new Date('2024-05-09T10:30:00+08:00');

describe('dates', () => {
  it('writes Chinese dates as 2024年5月9日', () => expect(formatDate(may9, 'zh')).toBe('2024年5月9日'));
  it('writes English dates as 9 May 2024', () => expect(formatDate(may9, 'en')).toBe('9 May 2024'));
  it('writes Uyghur dates with numbered months as official text does', () =>
    expect(formatDate(may9, 'ug')).toBe('2024-يىلى 5-ئاينىڭ 9-كۈنى'));

  it('counts the day in Beijing time, not UTC', () => {
    const lateUtc = new Date('2024-05-08T17:00:00Z'); // 01:00 on 9 May in Beijing
    expect(isoDate(lateUtc)).toBe('2024-05-09');
    expect(formatDate(lateUtc, 'zh')).toBe('2024年5月9日');
  });

  it('gives the PubDate meta format yyyy-MM-dd HH:mm on a 24-hour clock', () => {
    expect(pubDateTime(new Date('2024-12-31T23:05:00+08:00'))).toBe('2024-12-31 23:05');
    expect(pubDateTime(new Date('2024-01-02T00:00:00+08:00'))).toBe('2024-01-02 00:00');
  });
});

describe('numbers and lists', () => {
  it('groups digits', () => {
    expect(formatNumber(1234567, 'zh')).toBe('1,234,567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
  });

  it('joins lists as each language does', () => {
    expect(formatList(['教育厅', '卫生健康委员会', '民政厅'], 'zh')).toBe('教育厅、卫生健康委员会和民政厅');
    expect(formatList(['education', 'health', 'civil affairs'], 'en')).toBe('education, health and civil affairs');
    expect(formatList(['مائارىپ', 'سەھىيە', 'خەلق ئىشلىرى'], 'ug')).toBe('مائارىپ، سەھىيە ۋە خەلق ئىشلىرى');
    expect(formatList(['سەھىيە'], 'ug')).toBe('سەھىيە');
  });

  it('shows file sizes in KB and MB', () => {
    expect(formatFileSize(2048, 'en')).toBe('2 KB');
    expect(formatFileSize(300, 'en')).toBe('1 KB');
    expect(formatFileSize(3.5 * 1024 * 1024, 'zh')).toBe('3.5 MB');
  });
});
