import { describe, expect, it } from 'vitest';
import { markdownToHtml } from 'satteri';
import { isolateLtrInRtlBodies } from '../../src/lib/isolate-ltr-markdown.ts';

const render = (source: string, file: string) =>
  markdownToHtml(source, { hastPlugins: [isolateLtrInRtlBodies], fileURL: new URL(`file:///content/news/x/body/${file}`) }).html;

describe('isolating left-to-right runs in Markdown bodies', () => {
  it('wraps dates, phones and document numbers of Uyghur bodies in <bdi dir="ltr">', () => {
    const html = render('تېلېفون 0991-2391234، ھۆججەت 新政办发〔2024〕12号.', 'ug.md');
    expect(html).toContain('<bdi dir="ltr">0991-2391234</bdi>');
    expect(html).toContain('<bdi dir="ltr" lang="zh-CN">新政办发〔2024〕12号</bdi>');
  });

  it('leaves code alone', () => {
    expect(render('`0991-2391234`', 'ug.md')).not.toContain('<bdi');
  });

  it('leaves Chinese and English bodies alone', () => {
    expect(render('电话 0991-2391234', 'zh.md')).not.toContain('<bdi');
    expect(render('Call 0991-2391234', 'en.md')).not.toContain('<bdi');
  });
});

describe('normalising Uyghur bodies at build time', () => {
  it('turns Persian-keyboard letters and Arabic-Indic digits into standard Uyghur', () => {
    const html = render('ھۆکۈمەت ٢٠٢٥', 'ug.md');
    expect(html).toContain('ھۆكۈمەت');
    expect(html).toContain('<bdi dir="ltr">2025</bdi>');
    expect(html).not.toMatch(/[\u06A9\u0660-\u0669]/);
  });

  it('leaves Chinese bodies as written', () => {
    expect(render('ھۆکۈمەت', 'zh.md')).toContain('ھۆکۈمەت');
  });
});
