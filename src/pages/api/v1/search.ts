import type { APIRoute } from 'astro';
import { parseLocaleParam, parseSearchParams } from '../../../lib/search-params.ts';
import { answerLocale, apiMessage, otherMethods } from '../../../server/api/json-api.ts';
import { searchSite } from '../../../server/search/search-service.ts';

/**
 * GET /api/v1/search?q=&locale=zh|ug|en&type=&department=&topic=&genre=&year=&validity=&page=
 * The site search as JSON, from the same index and query preparation as the search page.
 * Errors are in the requested locale, or in the Accept-Language choice when there is none.
 */
export const prerender = false;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=60', ...headers } });

export const GET: APIRoute = async ({ url, request }) => {
  const locale = parseLocaleParam(url.searchParams.get('locale'));
  if (!locale) return json(400, { error: apiMessage('locale', answerLocale(undefined, request)) }, { Vary: 'Accept-Language' });
  const params = parseSearchParams(url.searchParams);
  if (!params.q) return json(400, { error: apiMessage('query', locale) });
  const outcome = await searchSite(locale, params.q, params.filters, params.page);
  return json(200, {
    query: outcome.query,
    usedQuery: outcome.usedQuery ?? null,
    locale,
    total: outcome.total,
    page: outcome.page,
    pageCount: outcome.pageCount,
    ignored: params.invalid,
    results: outcome.results.map((r) => ({ url: r.url, title: r.title, excerpt: r.excerptHtml, type: r.type ?? null, date: r.date ?? null })),
    facets: outcome.facets,
  });
};

export const ALL: APIRoute = otherMethods({ GET });
