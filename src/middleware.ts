/**
 * The gate of the staff back office. Every request under /admin/ is resolved to a signed-in
 * staff member from the session cookie, or sent to the sign-in page (a 303, so a POST made
 * after the session ended is not repeated). Citizens' pages pass straight through. Back-office
 * answers are never cached and never indexed.
 */
import { defineMiddleware } from 'astro:middleware';
import { negotiateLocale } from './lib/negotiate-locale.ts';
import { clearedSessionCookie, resumeSession, tokenFromCookies } from './server/staff/sessions.ts';
import { isHttps } from './server/client-address.ts';
import { getStore } from './server/store-instance.ts';

const ADMIN = /^\/admin\/(zh|ug|en)(\/.*)?$/;

export const onRequest = defineMiddleware(async (context, next) => {
  const { pathname, search } = context.url;
  if (context.isPrerendered || !(pathname === '/admin' || pathname.startsWith('/admin/'))) return next();

  const match = ADMIN.exec(pathname);
  if (!match) return context.redirect(`/admin/${negotiateLocale(context.request.headers.get('accept-language') ?? undefined)}/`, 302);
  const locale = match[1]!;
  const rest = match[2] ?? '/';

  const token = tokenFromCookies(context.request.headers.get('cookie'));
  const resumed = token ? await resumeSession(await getStore(), token, new Date()) : undefined;
  if (resumed) {
    context.locals.staff = resumed.staff;
    context.locals.sessionId = resumed.sessionId;
  }
  const signInPage = rest === '/sign-in/' || rest === '/sign-in';
  let response: Response;
  if (!resumed && !signInPage) {
    const back = context.request.method === 'GET' ? `${pathname}${search}` : `/admin/${locale}/`;
    const params = new URLSearchParams({ next: back });
    if (token) params.set('ended', '1');
    response = new Response(null, { status: 303, headers: { Location: `/admin/${locale}/sign-in/?${params}` } });
    if (token) response.headers.append('Set-Cookie', clearedSessionCookie(isHttps(context.request)));
  } else {
    response = await next();
  }
  return withBackOfficeHeaders(response);
});

const BACK_OFFICE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
};

function withBackOfficeHeaders(response: Response): Response {
  try {
    for (const [k, v] of Object.entries(BACK_OFFICE_HEADERS)) response.headers.set(k, v);
    return response;
  } catch {
    // A response with immutable headers (Response.redirect): copy it.
    const copy = new Response(response.body, response);
    for (const [k, v] of Object.entries(BACK_OFFICE_HEADERS)) copy.headers.set(k, v);
    return copy;
  }
}
