import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatList } from '../../src/i18n/format.ts';
import { isLocale, locales } from '../../src/i18n/locales.ts';
import { useTranslations, type UiKey } from '../../src/i18n/translate.ts';
import { negotiateLocale } from '../../src/lib/negotiate-locale.ts';
import {
  asParsed, expectJsonError, expectPageIn, fuzzAcceptLanguage, fuzzRoute, fuzzText, plainText, queryAsRead, queryPieces, queryString,
  record, send, type FuzzText, type QueryPiece,
} from '../support/fuzz.ts';

/**
 * The read-only routes that take a query string, fuzzed over HTTP against the built server
 * (FUZZ_RUNS each, default 1,000): the search API, the search page and the catalogue filter, with
 * any keys, values, duplicates, bytes that are not UTF-8 and broken escapes. The API always answers
 * JSON (a 400 in the reader's language when `q` or `locale` is missing); the pages always answer
 * 200 in the route's language, keep what was searched for, and name exactly what they ignored.
 */

const SEARCH_KEYS = ['q', 'locale', 'type', 'department', 'topic', 'genre', 'year', 'validity', 'page'] as const;
const FILTERS = ['type', 'department', 'topic', 'genre', 'year', 'validity'] as const;
const MAX_QUERY = 100;
const words = fc.constantFrom('医疗', '自治区', '醫療保險', '天政办发〔2025〕6号', 'region', 'heating', 'ھۆكۈمەت', 'hökümet', 'ئاپتونوم');

const searchValue = (key: string): fc.Arbitrary<FuzzText> => {
  switch (key) {
    case 'q': return fuzzText(fc.oneof(words, plainText(1, 12)), [MAX_QUERY, MAX_QUERY * 4], 10);
    case 'locale': return fuzzText(fc.constantFrom(...locales), [], 30);
    case 'page': return fuzzText(fc.constantFrom('1', '2', '3', '999', '1000', '1001', '0', '-1', '1.5', 'two', '1e3', ' 2 ', '０１'), [], 20);
    case 'sort': return fuzzText(fc.constantFrom('newest', 'oldest', 'NEWEST', ''), [], 20);
    default: return fuzzText(fc.constantFrom('policy', 'news', 'notice', 'health', 'general-office', 'education', '2025', '2024', 'valid', 'repealed', 'regulation', 'Health', 'no-such-thing', ''), [64], 20);
  }
};

/** A query string with `first` keys usually present up front, then anything. */
const query = (first: readonly string[], keys: readonly string[], valueFor: (key: string) => fc.Arbitrary<FuzzText>) =>
  fc.tuple(fc.tuple(...first.map((key) => fc.option(valueFor(key).map((value) => ({ key, value })), { freq: 12, nil: undefined }))), queryPieces(keys, valueFor))
    .map(([head, rest]) => [...head.filter((p): p is { key: string; value: FuzzText } => p !== undefined), ...rest] as QueryPiece[]);

/** What a search request means, read as the server reads it (lib/search-params.ts documents the rules). */
function modelSearch(params: URLSearchParams): { q: string; invalid: string[] } {
  const q = (params.get('q') ?? '').slice(0, MAX_QUERY * 4).trim().slice(0, MAX_QUERY);
  const invalid: string[] = FILTERS.filter((key) => {
    const value = params.get(key)?.trim();
    return value ? !/^[a-z0-9][a-z0-9-]{0,63}$/.test(value) : false;
  });
  const page = params.get('page');
  if (page && !(Number.isInteger(Number(page)) && Number(page) >= 1 && Number(page) <= 1000)) invalid.push('page');
  return { q, invalid };
}

describe('fuzzing GET /api/v1/search', () => {
  it('answers any query string with 200 or 400, always JSON, errors in the reader\'s language', { timeout: 300_000 }, async () => {
    await fuzzRoute({
      name: 'GET /api/v1/search',
      input: record({ pieces: query(['q', 'locale'], SEARCH_KEYS, searchValue), acceptLanguage: fuzzAcceptLanguage }),
      request: ({ pieces, acceptLanguage }) => ({ method: 'GET', path: `/api/v1/search?${queryString(pieces)}`, headers: { 'Accept-Language': acceptLanguage } }),
      statuses: [200, 400],
      check(answer, { pieces, acceptLanguage }) {
        const params = queryAsRead(pieces);
        const locale = params.get('locale');
        const { q, invalid } = modelSearch(params);
        if (!isLocale(locale)) {
          expect(answer.status, 'no valid locale').toBe(400);
          return void expectJsonError(answer, negotiateLocale(acceptLanguage));
        }
        if (!q) {
          expect(answer.status, 'nothing to search for').toBe(400);
          return void expectJsonError(answer, locale);
        }
        expect(answer.status).toBe(200);
        const body = answer.json<{ query: string; locale: string; page: number; pageCount: number; total: number; ignored: string[]; results: { excerpt: string }[] }>();
        expect(body.query, 'the query searched').toBe(q);
        expect(body.locale).toBe(locale);
        expect(body.ignored, 'the parameters ignored').toEqual(invalid);
        expect(body.page).toBeGreaterThanOrEqual(1);
        expect(body.page).toBeLessThanOrEqual(Math.max(1, body.pageCount));
        expect(body.results.length).toBeLessThanOrEqual(10);
        for (const r of body.results) expect(r.excerpt.replace(/<\/?mark>/g, ''), 'an excerpt holds no markup but <mark>').not.toMatch(/</);
      },
    });
  });
});

const searchLabel: Record<string, UiKey> = { type: 'search.type', department: 'filter.department', topic: 'filter.topic', genre: 'filter.genre', year: 'filter.year', validity: 'filter.validity', page: 'pagination.page' };

describe('fuzzing GET /{locale}/search/', () => {
  it('answers any query string with the search page in the route\'s language, the words kept and what was ignored named', { timeout: 300_000 }, async () => {
    await fuzzRoute({
      name: 'GET /{locale}/search/',
      input: record({ locale: fc.constantFrom(...locales), pieces: query(['q'], SEARCH_KEYS, searchValue) }),
      request: ({ locale, pieces }) => ({ method: 'GET', path: `/${locale}/search/?${queryString(pieces)}` }),
      statuses: [200],
      check(answer, { locale, pieces }) {
        const t = useTranslations(locale);
        const { q, invalid } = modelSearch(queryAsRead(pieces));
        expectPageIn(answer, locale);
        expect(answer.$('#search-q').val() ?? '', 'the words searched for are kept').toBe(asParsed(q));
        const notices = answer.$('.notice').map((_, e) => answer.$(e).text()).get();
        const ignored = invalid.length ? t('search.invalid', { fields: formatList(invalid.map((k) => t(searchLabel[k]!)), locale) }) : undefined;
        if (ignored) expect(notices, 'names what it ignored').toContain(ignored);
        else expect(notices.filter((n) => n.startsWith(t('search.invalid', { fields: '' }))), 'ignores nothing').toEqual([]);
      },
    });
  });
});

describe('fuzzing GET /{locale}/policies/filter/', () => {
  const FACETS = ['department', 'topic', 'genre', 'year', 'validity'] as const;
  const allowed: Record<string, string[]> = {};
  beforeAll(async () => {
    const page = await send({ method: 'GET', path: '/en/policies/filter/' });
    for (const f of FACETS) allowed[f] = page.$(`select[name=${f}] option`).map((_, o) => page.$(o).attr('value')).get().filter(Boolean);
    expect(allowed.department!.length).toBeGreaterThan(0);
  });

  it('answers any query string with the catalogue in the route\'s language, the choices kept and what was ignored named', { timeout: 300_000 }, async () => {
    const value = (key: string): fc.Arbitrary<FuzzText> => (Object.hasOwn(allowed, key) ? fuzzText(fc.constantFrom(...allowed[key]!, ` ${allowed[key]![0]} `), [64], 20) : searchValue(key));
    const fieldName = (t: ReturnType<typeof useTranslations>, f: string) => (f === 'sort' ? t('filter.sort') : f === 'page' ? t('pagination.page') : t(`filter.${f}` as UiKey));
    await fuzzRoute({
      name: 'GET /{locale}/policies/filter/',
      input: record({ locale: fc.constantFrom(...locales), pieces: query([], [...FACETS, 'sort', 'page'], value) }),
      request: ({ locale, pieces }) => ({ method: 'GET', path: `/${locale}/policies/filter/?${queryString(pieces)}` }),
      statuses: [200],
      check(answer, { locale, pieces }) {
        const t = useTranslations(locale);
        const params = queryAsRead(pieces);
        expectPageIn(answer, locale);
        const invalid: string[] = [];
        for (const f of FACETS) {
          const v = params.get(f)?.trim();
          if (!v) continue;
          if (allowed[f]!.includes(v)) expect(answer.$(`select[name=${f}] option[selected]`).attr('value'), `the ${f} chosen is kept`).toBe(v);
          else invalid.push(f);
        }
        const sort = params.get('sort');
        if (sort && sort !== 'newest' && sort !== 'oldest') invalid.push('sort');
        const page = params.get('page');
        if (page && !(Number.isInteger(Number(page)) && Number(page) >= 1 && Number(page) <= 100_000)) invalid.push('page');
        const message = answer.$('.notice[role=status]').text();
        if (invalid.length) expect(message, 'names what it ignored').toBe(t('filter.invalid', { fields: formatList(invalid.map((f) => fieldName(t, f)), locale) }));
        else expect(message, 'ignores nothing').toBe('');
      },
    });
  });
});
