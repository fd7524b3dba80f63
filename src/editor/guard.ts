/**
 * The gate of the editor server, for Keystatic's pages (`/keystatic…`) and API
 * (`/api/keystatic…`). Keystatic in local mode has no users and writes whatever it is sent, so
 * this is where the CMS is secured:
 * - a state-changing request must come from the editor's own pages (Origin);
 * - the staff member is the back office's: the `portal_staff` session cookie (Path=/, so the
 *   browser sends it to every port of the host) resolved in the same Store. Without a session,
 *   pages go to the back office's sign-in and the API answers 401; staff who may not edit
 *   content (the auditor) get 403;
 * - every save is checked and put right before it is written (src/editor/save/save-item.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { mayEditAnyContent } from '../lib/staff/roles.ts';
import { draftsRoot } from '../server/editorial/workspace.ts';
import { resumeSession, tokenFromCookies } from '../server/staff/sessions.ts';
import { getStore } from '../server/store-instance.ts';
import { withEditorHeaders } from './editor-headers.ts';
import { keystaticApi } from './keystatic-api.ts';
import { saveFromKeystatic } from './save/save-item.ts';
import { blobRead, SeenVersions } from './save/seen-versions.ts';

const PAGES = /^\/keystatic(\/|$)/;
const API = /^\/api\/keystatic(\/|$)/;
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Where the back office signs staff in (another server, on the same host). */
const signInPage = () => `${process.env.PORTAL_URL ?? 'http://localhost:4321'}/admin/zh/sign-in/?next=/admin/zh/`;

/** The versions each editor's page holds (see seen-versions.ts). */
const SEEN = new SeenVersions();

const json = (status: number, error: string) => Response.json({ error }, { status });
const text = (status: number, message: string) => new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export const onRequest = defineMiddleware(async (context, next) => {
  const { pathname } = context.url;
  const isApi = API.test(pathname);
  if (!isApi && !PAGES.test(pathname)) return withEditorHeaders(await next());
  const { request } = context;

  const ownOrigin = process.env.EDITOR_ORIGIN ?? context.url.origin;
  if (!SAFE_METHODS.has(request.method) && request.headers.get('origin') !== ownOrigin) {
    return withEditorHeaders(isApi ? json(403, '请求来源不是内容编辑页面。') : text(403, '请求来源不是内容编辑页面。'));
  }

  const token = tokenFromCookies(request.headers.get('cookie'));
  const signedIn = token ? await resumeSession(await getStore(), token, new Date()) : undefined;
  if (!signedIn) {
    return withEditorHeaders(isApi ? json(401, '请先登录后台。') : new Response(null, { status: 303, headers: { Location: signInPage() } }));
  }
  const { staff } = signedIn;
  if (!mayEditAnyContent(staff)) return withEditorHeaders(isApi ? json(403, '您的账号不能编辑内容。') : text(403, '您的账号不能编辑内容。'));
  context.locals.staff = staff;
  context.locals.sessionId = signedIn.sessionId;

  const session = { id: signedIn.sessionId, seen: SEEN };
  if (isApi && request.method === 'POST' && pathname === '/api/keystatic/update') {
    return withEditorHeaders(await saveFromKeystatic(request, { staff, store: await getStore(), draftsRoot: draftsRoot(), keystatic: keystaticApi, session }));
  }
  const response = await next();
  // What the editor's page now holds: a blob is answered only when its version is the one on disk.
  const read = isApi && request.method === 'GET' ? blobRead(pathname) : null;
  if (read && response.ok) SEEN.saw(session.id, read.path, read.sha);
  return withEditorHeaders(response);
});
