/** Signing out ends the session in the Store (not only the cookie) and records it in the audit log. */
import type { APIRoute } from 'astro';
import { isLocale } from '../../../i18n/locales.ts';
import { clientOf, isHttps } from '../../../server/client-address.ts';
import { audit } from '../../../server/staff/audit.ts';
import { clearedSessionCookie } from '../../../server/staff/sessions.ts';
import { getStore } from '../../../server/store-instance.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const { locale } = context.params;
  const lang = isLocale(locale) ? locale : 'zh';
  const { staff, sessionId } = context.locals;
  if (staff && sessionId) {
    const store = await getStore();
    await store.deleteSession(sessionId);
    await audit(store, staff, 'sign-out', `user:${staff.username}`, clientOf(context));
  }
  return new Response(null, {
    status: 303,
    headers: { Location: `/admin/${lang}/sign-in/`, 'Set-Cookie': clearedSessionCookie(isHttps(context.request)) },
  });
};
