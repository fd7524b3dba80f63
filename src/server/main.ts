/**
 * The portal's server: the built Astro app (static pages from dist/client, on-demand routes
 * from dist/server) behind a thin Node HTTP server. It adds what must happen before a static
 * file is chosen: `/` sends readers to their language by Accept-Language; a query that is not
 * UTF-8 is read as the pages would read it, and a cross-site form post is refused in the
 * reader's language (both of which the adapter would answer in bare English).
 * Honours HOST and PORT (default localhost:4321). Run through npm (`npm run serve`), so the
 * project's Node 24 runs it.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { negotiateLocale } from '../lib/negotiate-locale.ts';
import { crossSiteRefusal } from './cross-site.ts';
import { readableTarget } from './request-target.ts';
import { currentRelease, onReleaseSwitch } from './releases.ts';

type Handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
process.env.ASTRO_NODE_AUTOSTART = 'disabled';

/**
 * The built site to serve: the release the publisher last switched to, else dist/. Loading a
 * release's entry module gives a handler bound to that release's own files; requests already
 * being answered finish on the handler they started with.
 */
async function load(dir: string): Promise<Handler> {
  const { handler } = (await import(pathToFileURL(join(dir, 'server', 'entry.mjs')).href)) as { handler: Handler };
  // The server-side search reads the index of the release it serves.
  process.env.STATIC_DIR = join(dir, 'client');
  return handler;
}
let handler = await load(currentRelease() ?? fileURLToPath(new URL('../../dist', import.meta.url)));
onReleaseSwitch(async (dir) => {
  handler = await load(dir);
  console.log(`Now serving ${dir}`);
});

const host = process.env.HOST ?? 'localhost';
const port = Number(process.env.PORT ?? 4321);

const server = createServer((req, res) => {
  req.url = readableTarget(req.url ?? '/');
  const path = req.url.split('?')[0];
  if ((req.method === 'GET' || req.method === 'HEAD') && path === '/') {
    const locale = negotiateLocale(req.headers['accept-language']);
    res.writeHead(302, { Location: `/${locale}/`, Vary: 'Accept-Language', 'Cache-Control': 'private, max-age=0' });
    res.end();
    return;
  }
  const refusal = crossSiteRefusal(req);
  if (refusal) {
    res.writeHead(refusal.status, refusal.headers);
    res.end(refusal.body);
    return;
  }
  handler(req, res);
});

/**
 * A request whose address and headers pass Node's 16 KB limit never reaches a page, so the
 * language of the route cannot be known: the answer says it in all three languages instead of
 * Node's bare 431. Other malformed requests get a plain 400, as Node would send.
 */
export const TOO_LONG_TEXT = '网址过长，请缩短搜索词或筛选条件后重试。\nتور ئادرېسى بەك ئۇزۇن، ئىزدەش سۆزى ياكى سۈزگۈچنى قىسقارتىپ قايتا سىناڭ.\nThe address is too long: shorten the search words or filters and try again.\n';
server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
  if (!socket.writable) return socket.destroy();
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    const body = Buffer.from(TOO_LONG_TEXT, 'utf8');
    socket.end(`HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${TOO_LONG_TEXT}`);
    return;
  }
  socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
});

server.listen(port, host, () => {
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(`Portal served at http://${shown}:${port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
