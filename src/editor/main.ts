/**
 * The editor server: the built CMS (dist-editor/, `npm run build:editor`) behind a thin Node
 * HTTP server, like the portal's src/server/main.ts. Honours HOST and EDITOR_PORT (default
 * localhost:4322), DATA_DIR / DATABASE_URL (the back office's Store, for sessions), DRAFTS_DIR
 * (default data/drafts) and PORTAL_URL (where staff sign in). Run through npm
 * (`npm run editor`), so the project's Node 24 runs it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ensureDrafts } from '../server/editorial/workspace.ts';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const entry = new URL('../../dist-editor/server/entry.mjs', import.meta.url);
const { handler } = (await import(entry.href)) as { handler: (req: IncomingMessage, res: ServerResponse) => void };

const drafts = ensureDrafts();
const host = process.env.HOST ?? 'localhost';
const port = Number(process.env.EDITOR_PORT ?? 4322);

const server = createServer((req, res) => handler(req, res));
server.listen(port, host, () => {
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(`Editor served at http://${shown}:${port}/keystatic (drafts in ${drafts})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
