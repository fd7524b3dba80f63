import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { load } from 'cheerio';
import sharp from 'sharp';
import jsQR from 'jsqr';
import { parse } from 'yaml';
import { page } from '../support/built-site.ts';
import { items } from '../support/content.ts';

/** The disclosure platform as built: catalogue entries, filters, validity, QR codes, reports. */
const policies = items('policies');
const byId = new Map(policies.map((p) => [p.slug, p]));
const department = (slug: string) => parse(readFileSync(`content/departments/${slug}.yaml`, 'utf8'));
const d = (p: (typeof policies)[number]) => p.data as unknown as Record<string, unknown> & { department: string; genre: string; topic: string; validity?: string; published: string; documentNumber?: string; indexNumber: string; replacedBy?: string };
const year = (p: (typeof policies)[number]) => new Date(String(d(p).published)).getFullYear();

describe('policy pages', () => {
  it('the sample catalogue spans ≥ 40 documents, three years, all validity states, 规章 and 规范性文件', () => {
    expect(policies.length).toBeGreaterThanOrEqual(40);
    expect(new Set(policies.map(year)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(policies.map((p) => d(p).validity ?? 'valid'))).toEqual(new Set(['valid', 'amended', 'repealed', 'expired']));
    expect(policies.some((p) => d(p).genre === 'regulation')).toBe(true);
    expect(policies.some((p) => d(p).genre === 'normative-document')).toBe(true);
  });

  const pageCases = policies.flatMap((p) => ['zh', 'ug', 'en'].map((l): [string, (typeof policies)[number]] => [`/${l}/policies/${p.slug}/`, p]));
  it.each(pageCases)('%s shows the metadata table and article meta tags', (url, p) => {
    const $ = page(url);
    const facts = $('[data-testid="policy-facts"]');
    expect(facts.find('[data-field="indexNumber"]').text().trim()).toBe(d(p).indexNumber);
    expect(d(p).indexNumber).toBe(`${department(d(p).department).orgCode}/${p.slug}`);
    if (d(p).documentNumber) expect(facts.find('[data-field="documentNumber"]').text().trim()).toBe(d(p).documentNumber);
    for (const field of ['publisher', 'topic', 'genre', 'written', 'published', 'validity', 'title', 'keywords']) {
      expect(facts.find(`[data-field="${field}"]`).text().trim(), field).not.toBe('');
    }
    expect(facts.find('[data-field="publisher"] a').attr('href')).toBe(`/${url.split('/')[1]}/policies/department/${d(p).department}/`);
    for (const name of ['ArticleTitle', 'PubDate', 'ContentSource', 'Keywords', 'Author', 'Description', 'Url']) expect($(`meta[name="${name}"]`).attr('content'), name).toBeTruthy();
    expect($('[data-testid="qr"]').attr('data-url')).toBe($('link[rel="canonical"]').attr('href'));
  });

  it('amended, repealed and expired documents carry a banner; replaced ones link to what replaced them', () => {
    for (const p of policies.filter((x) => (d(x).validity ?? 'valid') !== 'valid')) {
      const $ = page(`/zh/policies/${p.slug}/`);
      expect($('[data-testid="validity-banner"]').length, p.slug).toBe(1);
      if (d(p).replacedBy) {
        expect($('[data-testid="replaced-by"]').attr('href')).toBe(`/zh/policies/${d(p).replacedBy}/`);
        // …and the replacing document names what it replaced.
        expect(page(`/zh/policies/${d(p).replacedBy}/`)('[data-testid="replaces"] a').map((_, a) => page(`/zh/policies/${d(p).replacedBy}/`)(a).attr('href')).get()).toContain(`/zh/policies/${p.slug}/`);
      }
    }
    const valid = policies.find((p) => (d(p).validity ?? 'valid') === 'valid')!;
    expect(page(`/zh/policies/${valid.slug}/`)('[data-testid="validity-banner"]').length).toBe(0);
  });

  it('interpretations and their policies link to each other both ways', () => {
    const interpretations = items('interpretations');
    expect(interpretations.length).toBeGreaterThanOrEqual(10);
    for (const i of interpretations) {
      const policy = String(i.data.policy);
      for (const locale of ['zh', 'ug', 'en']) {
        expect(page(`/${locale}/interpretations/${i.slug}/`)('[data-testid="interpreted-policy"]').attr('href')).toBe(`/${locale}/policies/${policy}/`);
        const links = page(`/${locale}/policies/${policy}/`)('[data-testid="interpretations"] a').map((_, a) => page(`/${locale}/policies/${policy}/`)(a).attr('href')).get();
        expect(links).toContain(`/${locale}/interpretations/${i.slug}/`);
      }
    }
  });
});

describe('the QR code of a policy page', () => {
  it.each(['zh', 'ug'])('decodes to the canonical URL (%s)', async (locale) => {
    const p = policies[0]!;
    const $ = page(`/${locale}/policies/${p.slug}/`);
    const svg = $('[data-testid="qr"] svg').toString();
    const { data, info } = await sharp(Buffer.from(svg), { density: 300 }).flatten({ background: '#fff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    expect(code?.data).toBe($('link[rel="canonical"]').attr('href'));
    expect(code?.data).toMatch(new RegExp(`/${locale}/policies/${p.slug}/$`));
  });
});

describe('catalogue filters', () => {
  const listed = (url: string) => {
    const out: string[] = [];
    for (let n = 1; ; n++) {
      const $ = page(n === 1 ? url : `${url}page/${n}/`);
      out.push(...$('[data-testid="catalogue"] tbody tr td:first-child a').map((_, a) => $(a).attr('href')!.split('/')[3]!).get());
      if (!$('a[rel="next"]').length) return out.sort();
    }
  };
  const expected = (pred: (p: (typeof policies)[number]) => boolean) => policies.filter(pred).map((p) => p.slug).sort();

  it('the catalogue lists every document once', () => expect(listed('/zh/policies/')).toEqual(policies.map((p) => p.slug).sort()));

  it.each([...new Set(policies.map((p) => d(p).department))])('the department page %s lists exactly its documents', (dept) => {
    expect(listed(`/en/policies/department/${dept}/`)).toEqual(expected((p) => d(p).department === dept));
  });

  it.each([...new Set(policies.map((p) => d(p).genre))])('the genre page %s lists exactly its documents', (genre) => {
    expect(listed(`/ug/policies/genre/${genre}/`)).toEqual(expected((p) => d(p).genre === genre));
  });

  it.each([...new Set(policies.map(year))])('the year page %s lists exactly its documents', (y) => {
    expect(listed(`/zh/policies/year/${y}/`)).toEqual(expected((p) => year(p) === y));
  });

  it.each(['valid', 'amended', 'repealed', 'expired'])('the validity page %s lists exactly its documents', (v) => {
    expect(listed(`/zh/policies/validity/${v}/`)).toEqual(expected((p) => (d(p).validity ?? 'valid') === v));
  });

  const parentOf = Object.fromEntries(
    readdirSync('content/topics').map((f) => [f.replace(/\.yaml$/, ''), parse(readFileSync(`content/topics/${f}`, 'utf8')).parent as string | undefined]),
  );
  const topLevelWithChildren = [...new Set(policies.map((p) => parentOf[d(p).topic]).filter((t): t is string => !!t))];

  it.each(topLevelWithChildren)('the top-level topic page %s includes its sub-topics', (topic) => {
    const want = expected((p) => d(p).topic === topic || parentOf[d(p).topic] === topic);
    expect(want.some((id) => d(byId.get(id)!).topic !== topic)).toBe(true);
    expect(listed(`/zh/policies/topic/${topic}/`)).toEqual(want);
  });
});

describe('the server answers combined filters (JavaScript off)', () => {
  const base = () => inject('baseURL');
  const ids = async (query: string) => {
    const res = await fetch(`${base()}/en/policies/filter/${query}`);
    expect(res.status).toBe(200);
    const $ = load(await res.text());
    return { $, ids: $('[data-testid="catalogue"] tbody tr td:first-child a').map((_, a) => $(a).attr('href')!.split('/')[3]!).get() };
  };

  it('combines department and year, newest first', async () => {
    const p = policies[0]!;
    const want = policies.filter((x) => d(x).department === d(p).department && year(x) === year(p)).sort((a, b) => new Date(String(d(b).published)).getTime() - new Date(String(d(a).published)).getTime());
    const { ids: got } = await ids(`?department=${d(p).department}&year=${year(p)}`);
    expect(got).toEqual(want.map((x) => x.slug).slice(0, 20));
  });

  it('sorts oldest first on request', async () => {
    const { ids: got } = await ids('?sort=oldest');
    const oldest = [...policies].sort((a, b) => new Date(String(d(a).published)).getTime() - new Date(String(d(b).published)).getTime())[0]!;
    expect(got[0]).toBe(oldest.slug);
  });

  it('reads a query that is not UTF-8 as a browser would, and names what it ignored', async () => {
    const res = await fetch(`${base()}/zh/policies/filter/?sort=%FF%FE%`);
    expect(res.status).toBe(200);
    expect(load(await res.text())('[role="status"]').text()).toMatch(/无法识别/);
  });

  it.each(['?genre=%3Cscript%3E', '?year=abc&page=-1', '?department=' + 'x'.repeat(5000), '?sort=sideways'])('ignores bad values with a message, never failing (%s)', async (query) => {
    const res = await fetch(`${base()}/zh/policies/filter/${query}`);
    expect(res.status).toBe(200);
    const $ = load(await res.text());
    expect($('[role="status"]').text()).toMatch(/无法识别/);
    expect($('[data-testid="result-count"]').text()).toMatch(new RegExp(`${policies.length}`));
  });
});

describe('annual reports', () => {
  it.each(['2024', '2025'])('report %s: table 2 counts 规章 and 规范性文件 from the catalogue', (y) => {
    const $ = page(`/zh/reports/${y}/`);
    const cells = (row: string) => $(`[data-testid="table2"] tr[data-row="${row}"] td`).map((_, td) => Number($(td).text().replace(/,/g, ''))).get();
    const inYear = (genre: string) => policies.filter((p) => d(p).genre === genre && year(p) === Number(y)).length;
    expect(cells('regulations')[0]).toBe(inYear('regulation'));
    expect(cells('normative')[0]).toBe(inYear('normative-document'));
  });

  it.each(['zh', 'ug', 'en'])('renders all six sections and tables 3 and 4 (%s)', (locale) => {
    const $ = page(`/${locale}/reports/2025/`);
    expect($('h2').length).toBeGreaterThanOrEqual(6);
    expect($('[data-testid="table3"] tbody tr[data-row]').length).toBeGreaterThanOrEqual(25);
    expect($('[data-testid="table4"] tbody tr').length).toBe(3);
    // 一 + 二 = 三（七） + 四 in the 总计 column, as printed.
    const total = (row: string) => Number($(`[data-testid="table3"] tr[data-row="${row}"] td[data-col="total"]`).text().replace(/,/g, ''));
    expect(total('new') + total('carriedOver')).toBe(total('resultsTotal') + total('carriedForward'));
  });
});
