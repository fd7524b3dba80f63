import { describe, expect, inject, it } from 'vitest';
import { load } from 'cheerio';
import { page as builtPage } from '../support/built-site.ts';

/**
 * The search API (`/api/v1/search`) and the search page without JavaScript: errors, filters,
 * paging, hostile input, safe excerpts, and the page listing what the API lists.
 */
interface ApiResult {
  url: string;
  title: string;
  excerpt: string;
  type: string | null;
  date: string | null;
}
interface ApiBody {
  query: string;
  usedQuery: string | null;
  locale: string;
  total: number;
  page: number;
  pageCount: number;
  ignored: string[];
  results: ApiResult[];
  facets: Record<string, Record<string, number>>;
  error?: string;
}

const base = () => inject('baseURL');

/** GET the API with a ready-made query string (so tests can send what URLSearchParams would not). */
async function rawApi(query: string): Promise<{ status: number; type: string | null; body: ApiBody }> {
  const res = await fetch(`${base()}/api/v1/search?${query}`);
  const text = await res.text();
  let body: ApiBody;
  try {
    body = JSON.parse(text) as ApiBody;
  } catch {
    throw new Error(`not JSON (${res.status}): ${text.slice(0, 200)}`);
  }
  return { status: res.status, type: res.headers.get('content-type'), body };
}
const api = (params: Record<string, string>) => rawApi(new URLSearchParams(params).toString());

async function ok(params: Record<string, string>): Promise<ApiBody> {
  const { status, body } = await api(params);
  expect(status, JSON.stringify(params)).toBe(200);
  return body;
}

/** Every result of a search, page by page. */
async function allResults(params: Record<string, string>): Promise<ApiResult[]> {
  const first = await ok(params);
  const rest = await Promise.all(Array.from({ length: first.pageCount - 1 }, (_, i) => ok({ ...params, page: String(i + 2) })));
  return [first, ...rest].flatMap((b) => b.results);
}

/** The path of a result URL, whatever origin the index gave it. */
const pathOf = (url: string) => new URL(url, 'http://x').pathname;

describe('GET /api/v1/search: errors', () => {
  it.each([
    ['no locale', 'q=%E5%8C%BB%E7%96%97'],
    ['an unknown locale', 'q=%E5%8C%BB%E7%96%97&locale=fr'],
    ['an empty locale', 'q=%E5%8C%BB%E7%96%97&locale='],
    ['no q', 'locale=zh'],
    ['an empty q', 'q=&locale=zh'],
    ['a q of spaces only', 'q=%20%20%20&locale=en'],
  ])('answers a request with %s with 400 and a JSON error', async (_, query) => {
    const { status, type, body } = await rawApi(query);
    expect(status).toBe(400);
    expect(type).toMatch(/application\/json/);
    expect(typeof body.error).toBe('string');
    expect(body.error!.length).toBeGreaterThan(0);
  });

  it('gives its errors in the requested locale, or in the Accept-Language choice without one', async () => {
    expect((await rawApi('locale=ug')).body.error).toMatch(/[\u0600-\u06ff]/);
    expect((await rawApi('locale=zh&q=')).body.error).toMatch(/[\u4e00-\u9fff]/);
    const res = await fetch(`${base()}/api/v1/search?q=x&locale=fr`, { headers: { 'Accept-Language': 'ug-CN' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('vary')).toMatch(/Accept-Language/);
    expect(((await res.json()) as ApiBody).error).toMatch(/[\u0600-\u06ff]/);
  });
});

describe('GET /api/v1/search: filters and paging', () => {
  // A word on most pages of each language, so that filters have something to narrow.
  const broad = { zh: '自治区', ug: 'ئاپتونوم', en: 'region' } as const;

  it.each(Object.entries(broad))('type=policy returns only policies (%s)', async (locale, q) => {
    const all = await ok({ q, locale });
    const policies = await allResults({ q, locale, type: 'policy' });
    expect(policies.length).toBeGreaterThan(0);
    expect(policies.length).toBeLessThan(all.total);
    for (const r of policies) {
      expect(r.type, r.url).toBe('policy');
      expect(pathOf(r.url), r.url).toMatch(new RegExp(`^/${locale}/policies/[^/]+/$`));
    }
  });

  it('type=news returns only news items', async () => {
    const news = await allResults({ q: broad.zh, locale: 'zh', type: 'news' });
    expect(news.length).toBeGreaterThan(0);
    for (const r of news) {
      expect(r.type, r.url).toBe('news');
      expect(pathOf(r.url), r.url).toMatch(/^\/zh\/news\/[^/]+\/$/);
    }
  });

  it('department= returns only pages of that department', async () => {
    const all = await ok({ q: broad.zh, locale: 'zh' });
    const health = await allResults({ q: broad.zh, locale: 'zh', department: 'health' });
    expect(health.length).toBeGreaterThan(0);
    expect(health.length).toBeLessThan(all.total);
    for (const r of health) {
      const $ = builtPage(pathOf(r.url));
      const departments = $('[data-pagefind-filter^="department:"]').map((_, el) => $(el).attr('data-pagefind-filter')).get();
      expect(departments, r.url).toContain('department:health');
    }
  });

  it('filters combine: type=policy and department=general-office', async () => {
    const both = await allResults({ q: broad.zh, locale: 'zh', type: 'policy', department: 'general-office' });
    const policies = await ok({ q: broad.zh, locale: 'zh', type: 'policy' });
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(policies.total);
    for (const r of both) {
      expect(r.type).toBe('policy');
      expect(builtPage(pathOf(r.url))('[data-pagefind-filter="department:general-office"]').length, r.url).toBe(1);
    }
  });

  it('a filter value that matches nothing gives no results, not an error', async () => {
    const body = await ok({ q: broad.en, locale: 'en', department: 'no-such-department' });
    expect(body.total).toBe(0);
    expect(body.results).toEqual([]);
    expect(body.ignored).toEqual([]);
  });

  it('page=2 gives the next ten results', async () => {
    const first = await ok({ q: broad.zh, locale: 'zh' });
    expect(first.total).toBeGreaterThan(10);
    expect(first.page).toBe(1);
    expect(first.results).toHaveLength(10);
    const second = await ok({ q: broad.zh, locale: 'zh', page: '2' });
    expect(second.page).toBe(2);
    expect(second.total).toBe(first.total);
    expect(second.results.length).toBeGreaterThan(0);
    const onFirst = new Set(first.results.map((r) => r.url));
    for (const r of second.results) expect(onFirst.has(r.url), r.url).toBe(false);
  });

  it('a page past the end gives the last page', async () => {
    const first = await ok({ q: broad.zh, locale: 'zh' });
    const far = await ok({ q: broad.zh, locale: 'zh', page: '999' });
    expect(far.page).toBe(first.pageCount);
    expect(far.results.length).toBeGreaterThan(0);
  });

  it.each([
    ['type', '<script>'],
    ['department', 'Health Commission'],
    ['topic', '../../etc/passwd'],
    ['year', '二〇二五'],
    ['validity', 'VALID'],
    ['genre', 'x'.repeat(200)],
    ['page', 'two'],
    ['page', '-1'],
    ['page', '1.5'],
  ])('ignores %s=%s, names it in `ignored` and searches without it', async (key, value) => {
    const plain = await ok({ q: broad.zh, locale: 'zh' });
    const body = await ok({ q: broad.zh, locale: 'zh', [key]: value });
    expect(body.ignored).toEqual([key]);
    expect(body.total).toBe(plain.total);
    expect(body.page).toBe(1);
    expect(body.results.map((r) => r.url)).toEqual(plain.results.map((r) => r.url));
  });
});

describe('GET /api/v1/search: hostile and odd input never fails', () => {
  it('accepts a 5,000-character query, cut to the longest accepted', async () => {
    const body = await ok({ q: 'policy '.repeat(715).slice(0, 5000), locale: 'en' });
    expect(body.query.length).toBeLessThanOrEqual(100);
  });

  it('answers a 5,000-character Chinese query without a server error', async () => {
    const res = await fetch(`${base()}/api/v1/search?${new URLSearchParams({ q: '医疗保险'.repeat(1250), locale: 'zh' })}`);
    // 45 KB of percent-encoding may be refused by the HTTP server as too long (431/414); never a 500.
    expect(res.status).toBeLessThan(500);
    if (res.status === 200) expect(((await res.json()) as ApiBody).query.length).toBeLessThanOrEqual(100);
  });

  it.each([
    ['a lone high surrogate, percent-encoded', 'q=%ED%A0%80&locale=zh'],
    ['a lone low surrogate inside a word', 'q=%E5%8C%BB%ED%B0%80%E7%96%97&locale=zh'],
    ['a broken percent escape', 'q=%E5%8C%&locale=zh'],
    ['a bare percent sign', 'q=%25%&locale=en'],
    ['RTL and isolate marks around Uyghur', `q=${encodeURIComponent('\u200F\u202Eمۆلدۈر\u2066\u2069\u202C')}&locale=ug`],
    ['a script tag', `q=${encodeURIComponent('<script>alert(1)</script>')}&locale=en`],
    ['a NUL and control characters', 'q=%00%01%1B%7F&locale=en'],
    ['only combining marks', `q=${encodeURIComponent('\u0301\u0654\u0670')}&locale=ug`],
    ['a zero-width joiner chain', `q=${encodeURIComponent('\u200D'.repeat(50))}&locale=zh`],
    ['emoji and astral CJK', `q=${encodeURIComponent('🏔️𠀀𪚥 天山')}&locale=zh`],
    ['presentation forms only', `q=${encodeURIComponent('\uFEFB\uFEEB\uFEEA')}&locale=ug`],
    ['q given twice', 'q=a&q=b&locale=en'],
  ])('answers %s without a server error', async (_, query) => {
    const res = await fetch(`${base()}/api/v1/search?${query}`);
    // A URL that is not valid UTF-8 may be refused with 400 before the API sees it; never a 500.
    expect(res.status).toBeLessThan(500);
    if (res.status === 200) expect(Array.isArray(((await res.json()) as ApiBody).results)).toBe(true);
    else expect(res.status).toBe(400);
  });

  it.each([
    ['bytes that are not UTF-8', 'q=%E5%8C%BB%FF&locale=zh', '医\uFFFD'],
    ['a % that starts no escape', 'q=50%&locale=en', '50%'],
  ])('searches a query with %s as a browser reads it, instead of refusing it', async (_, query, q) => {
    const { status, body } = await rawApi(query);
    expect(status).toBe(200);
    expect(body.query).toBe(q);
    const page = await fetch(`${base()}/zh/search/?${query}`);
    expect(page.status).toBe(200);
    expect(load(await page.text())('#search-q').attr('value')).toBe(q);
  });

  it('returns RTL marks and a script tag only as JSON strings, never as markup', async () => {
    const body = await ok({ q: '<script>alert(1)</script> region', locale: 'en' });
    for (const r of body.results) expect(r.excerpt).not.toMatch(/<script/i);
  });
});

describe('GET /api/v1/search: excerpts', () => {
  it.each([
    ['zh', '医疗保险'],
    ['zh', '〔2025〕'],
    ['ug', 'ھۆكۈمەت'],
    ['en', 'region'],
    ['en', 'notice'],
  ])('are plain text with only <mark> tags (%s %s)', async (locale, q) => {
    const body = await ok({ q, locale });
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.some((r) => r.excerpt.includes('<mark>'))).toBe(true);
    for (const r of body.results) {
      const withoutMarks = r.excerpt.replace(/<\/?mark>/g, '');
      expect(withoutMarks, r.url).not.toMatch(/</);
      // Every <mark> is closed.
      expect(r.excerpt.split('<mark>').length, r.url).toBe(r.excerpt.split('</mark>').length);
    }
  });
});

describe('the search page without JavaScript', () => {
  async function pageUrls(path: string): Promise<{ status: number; urls: string[]; html: string }> {
    const res = await fetch(`${base()}${path}`);
    const html = await res.text();
    const $ = load(html);
    const urls = $('[data-testid="search-results"] a.search-result__title').map((_, a) => $(a).attr('href') ?? '').get();
    return { status: res.status, urls, html };
  }

  it.each([
    ['zh', { q: '医疗保险' }],
    ['zh', { q: '自治区', type: 'policy' }],
    ['zh', { q: '自治区', department: 'general-office', type: 'policy' }],
    ['zh', { q: '自治区', page: '2' }],
    ['zh', { q: '醫療保險' }],
    ['ug', { q: 'hökümet' }],
    ['en', { q: 'heating' }],
  ] as const)('/%s/search/ lists the API results in the API order for %j', async (locale, params) => {
    const query = new URLSearchParams(params).toString();
    const fromApi = await ok({ ...params, locale });
    expect(fromApi.results.length).toBeGreaterThan(0);
    const { status, urls } = await pageUrls(`/${locale}/search/?${query}`);
    expect(status).toBe(200);
    expect(urls).toEqual(fromApi.results.map((r) => r.url));
  });

  it('shows a script tag in the query as text, never as an element', async () => {
    const q = '<script>alert(1)</script>';
    const { status, html } = await pageUrls(`/zh/search/?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    const $ = load(html);
    expect($('script').filter((_, s) => $(s).text().includes('alert(1)')).length).toBe(0);
    expect($('#search-q').attr('value')).toBe(q);
    expect($('title').text()).toContain(q);
  });
});
