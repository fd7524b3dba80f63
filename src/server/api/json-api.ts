/**
 * What the JSON endpoints of /api/v1 share: their answers, the same-origin check, reading a JSON
 * body with a byte limit, and the few messages of their own (kept here in the three languages,
 * since only the API says them). Letters over JSON go through the same actions as the forms
 * (submitLetter, lookUpLetter): the JSON is turned into the form those actions read.
 */
import type { APIContext } from 'astro';
import { formatFileSize } from '../../i18n/format.ts';
import { readBody } from '../forms/read-body.ts';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { negotiateLocale } from '../../lib/negotiate-locale.ts';

/** A letter's JSON is a few KB at most (600 characters of body); 64 KB leaves room and no more. */
export const API_LETTER_MAX_BYTES = 64 * 1024;
export const API_LOOKUP_MAX_BYTES = 8 * 1024;

/** A JSON answer; letters answers hold PINs and personal details, so they are never cached. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers },
  });
}

/**
 * Astro's checkOrigin guards form posts only. A JSON post is refused when it names an Origin
 * other than this server's own; a request without Origin (a server-to-server integration such
 * as the 12345 hotline, or curl) is let through, since browsers always send Origin on a POST.
 */
export function foreignOrigin(request: Request, url: URL): boolean {
  const origin = request.headers.get('origin');
  return origin !== null && origin !== url.origin;
}

export type JsonRead =
  | { ok: true; value: unknown }
  | { ok: false; error: 'UnsupportedType' | 'TooLarge' | 'Malformed' };

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** Reads a JSON body of at most `limit` bytes (see readBody). Never throws. */
export async function readJson(request: Request, limit: number): Promise<JsonRead> {
  if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) return { ok: false, error: 'UnsupportedType' };
  const body = await readBody(request, limit);
  if (!body.ok) return { ok: false, error: body.error === 'too-large' ? 'TooLarge' : 'Malformed' };
  // Bytes that are not UTF-8 become U+FFFD, which the letter's checks name as 'encoding'.
  const text = new TextDecoder('utf-8').decode(body.bytes);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: 'Malformed' };
  }
}

/** The locale of an answer: the body's `locale` if it is one, else the Accept-Language choice. */
export function answerLocale(value: unknown, request: Request): Locale {
  return isLocale(value) ? value : negotiateLocale(request.headers.get('accept-language'));
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type ApiMessage = 'badKey' | 'unsupportedType' | 'tooLarge' | 'malformed' | 'notObject' | 'foreignOrigin' | 'kind' | 'locale' | 'invalid' | 'noAttachments' | 'query' | 'methodNotAllowed';

const MESSAGES: Record<ApiMessage, Record<Locale, string>> = {
  badKey: {
    zh: '接口密钥无效。不带密钥的请求按普通访问者对待。',
    ug: 'ئارايۈز ئاچقۇچى ئىناۋەتسىز. ئاچقۇچسىز ئىلتىماس ئادەتتىكى زىيارەتچى سۈپىتىدە بىر تەرەپ قىلىنىدۇ.',
    en: 'The API key is not valid. Requests without a key are treated as any visitor\'s.',
  },
  unsupportedType: {
    zh: '请以 application/json 格式发送请求。',
    ug: 'ئىلتىماسنى application/json شەكلىدە يوللاڭ.',
    en: 'Send the request as application/json.',
  },
  tooLarge: {
    zh: '请求内容不能超过{{size}}。',
    ug: 'ئىلتىماس مەزمۇنى ئەڭ كۆپ بولغاندا {{size}} بولالايدۇ.',
    en: 'The request can be at most {{size}}.',
  },
  malformed: {
    zh: '请求内容不是有效的 JSON。',
    ug: 'ئىلتىماس مەزمۇنى ئىناۋەتلىك JSON ئەمەس.',
    en: 'The request body is not valid JSON.',
  },
  notObject: {
    zh: '请求内容必须是一个 JSON 对象。',
    ug: 'ئىلتىماس مەزمۇنى بىر JSON ئوبيېكتى بولۇشى كېرەك.',
    en: 'The request body must be a JSON object.',
  },
  foreignOrigin: {
    zh: '不接受来自其他网站的请求。',
    ug: 'باشقا تور بېكەتلەردىن كەلگەن ئىلتىماس قوبۇل قىلىنمايدۇ.',
    en: 'Requests from other sites are not accepted.',
  },
  kind: {
    zh: 'kind 必须是 mailbox、consultation、suggestion 或 complaint。',
    ug: 'kind چوقۇم mailbox، consultation، suggestion ياكى complaint بولۇشى كېرەك.',
    en: 'kind must be one of mailbox, consultation, suggestion, complaint.',
  },
  locale: {
    zh: 'locale 必须是 zh、ug 或 en。',
    ug: 'locale چوقۇم zh، ug ياكى en بولۇشى كېرەك.',
    en: 'locale must be one of zh, ug, en.',
  },
  noAttachments: {
    zh: '通过接口提交的信件不能带附件；如需附件，请使用网站上的表单。',
    ug: 'ئارايۈز ئارقىلىق يوللانغان خەتكە قوشۇمچە ھۆججەت قوشقىلى بولمايدۇ؛ قوشۇمچە ھۆججەت كېرەك بولسا تور بېكەتتىكى جەدۋەلنى ئىشلىتىڭ.',
    en: 'Letters sent through the API cannot have attachments; use the form on the site to send files.',
  },
  query: {
    zh: '请用 q 给出要搜索的词语。',
    ug: 'ئىزدەيدىغان سۆزنى q ئارقىلىق بېرىڭ.',
    en: 'q (the words to search for) is required.',
  },
  methodNotAllowed: {
    zh: '此地址只接受 {{methods}} 请求。',
    ug: 'بۇ ئادرېس پەقەت {{methods}} ئىلتىماسىنىلا قوبۇل قىلىدۇ.',
    en: 'This address takes {{methods}} requests only.',
  },
  invalid: {
    zh: '请求有误，请检查各字段。',
    ug: 'ئىلتىماستا خاتالىق بار، ھەر بىر بۆلەكنى تەكشۈرۈڭ.',
    en: 'The request has problems: check the fields.',
  },
};

export function apiMessage(key: ApiMessage, locale: Locale, vars: { limit?: number; methods?: string } = {}): string {
  return MESSAGES[key][locale]
    .replace('{{size}}', vars.limit === undefined ? '' : formatFileSize(vars.limit, locale))
    .replace('{{methods}}', vars.methods ?? '');
}

type Handler = (context: APIContext) => Response | Promise<Response>;

/**
 * The answer of an /api/v1 route to every method it does not take (Astro's `ALL`): a 405 in
 * JSON naming the methods it takes, where Astro alone would send the HTML "page not found".
 * HEAD is answered by GET where there is one, as Astro does when a route has no `ALL`.
 */
export function otherMethods(handlers: { GET?: Handler; POST?: Handler }): Handler {
  const allowed = Object.keys(handlers).flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])).join(', ');
  return async (context) => {
    if (context.request.method === 'HEAD' && handlers.GET) {
      const answer = await handlers.GET(context);
      return new Response(null, answer);
    }
    const methods = Object.keys(handlers).join(', ');
    return jsonResponse(405, { error: apiMessage('methodNotAllowed', answerLocale(undefined, context.request), { methods }) }, { Allow: allowed });
  };
}
