/**
 * A cross-site form post, refused before Astro sees it so that the refusal is in the reader's
 * language. Astro's `security.checkOrigin` refuses the same requests, and stays on as the
 * backstop, but it answers a bare English "Cross-site POST form submissions are forbidden" —
 * to a reader of /ug/ whose browser sent `Origin: null`, or who was sent to the form from a
 * copy of it on another site. The rule is Astro's own: a request other than GET, HEAD or OPTIONS
 * whose Origin is not this server's, when its Content-Type is a form's or text/plain, or when
 * it has none. The pages of a locale get a page of that locale; /api/ gets JSON in the
 * Accept-Language choice, like the API's own 403. Static pages ignore a posted body, so refusing
 * a cross-site post there takes nothing from anyone.
 */
import type { IncomingMessage } from 'node:http';
import { htmlLang, isLocale, textDirection, type Locale } from '../i18n/locales.ts';
import { negotiateLocale } from '../lib/negotiate-locale.ts';
import { apiMessage } from './api/json-api.ts';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** This server's origin as Astro computes it (the socket's protocol and the Host header), if it can be told. */
function ownOrigin(req: IncomingMessage): string | undefined {
  const protocol = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
  const host = req.headers.host;
  return host && URL.canParse(`${protocol}://${host}`) ? new URL(`${protocol}://${host}`).origin : undefined;
}

function isCrossSiteFormPost(req: IncomingMessage): boolean {
  if (SAFE_METHODS.includes(req.method ?? 'GET')) return false;
  const own = ownOrigin(req);
  if (!own || req.headers.origin === own) return false;
  const type = req.headers['content-type'];
  return type === undefined || FORM_TYPES.some((t) => type.toLowerCase().includes(t));
}

const PAGE: Record<Locale, { title: string; text: string; back: string }> = {
  zh: {
    title: '表单无法提交',
    text: '为保护您的安全，本网站的表单只能从本网站的页面提交。请打开本网站上的表单，填写后重新提交。',
    back: '打开表单',
  },
  ug: {
    title: 'جەدۋەلنى يوللىغىلى بولمىدى',
    text: 'بىخەتەرلىكىڭىز ئۈچۈن، بۇ تور بېكەتنىڭ جەدۋەللىرىنى پەقەت مۇشۇ تور بېكەتنىڭ بەتلىرىدىن يوللىغىلى بولىدۇ. تور بېكەتتىكى جەدۋەلنى ئېچىپ، تولدۇرۇپ قايتا يوللاڭ.',
    back: 'جەدۋەلنى ئېچىش',
  },
  en: {
    title: 'The form could not be sent',
    text: 'For your safety, forms on this site can only be sent from the site’s own pages. Open the form on this site, fill it in and send it again.',
    back: 'Open the form',
  },
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(locale: Locale, path: string): string {
  const { title, text, back } = PAGE[locale];
  const lang = htmlLang[locale];
  return `<!DOCTYPE html><html lang="${lang}" dir="${textDirection(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
    `<body><main><h1>${title}</h1><p>${text}</p><p><a href="${escapeHtml(path)}">${back}</a></p></main></body></html>`;
}

export interface Refusal { status: number; headers: Record<string, string>; body: string }

/** The answer to a cross-site form post to a page of a locale or to /api/; undefined for any other request. */
export function crossSiteRefusal(req: IncomingMessage): Refusal | undefined {
  const path = (req.url ?? '/').split('?')[0]!;
  const locale = /^\/([a-z]{2})(\/|$)/.exec(path)?.[1];
  const api = path.startsWith('/api/');
  if ((!isLocale(locale) && !api) || !isCrossSiteFormPost(req)) return undefined;
  // The connection stays open: Node reads and drops the body, so a browser still sending it gets the answer, not a reset.
  const common = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (isLocale(locale)) {
    return { status: 403, headers: { ...common, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'" }, body: page(locale, path) };
  }
  const error = apiMessage('foreignOrigin', negotiateLocale(req.headers['accept-language']));
  return { status: 403, headers: { ...common, 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify({ error }) };
}
