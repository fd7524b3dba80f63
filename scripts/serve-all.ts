/**
 * Serves the portal (src/server/main.ts, PORT, default 4321) and, when it has been built, the
 * content editor (src/editor/main.ts, EDITOR_PORT, default 4322) side by side, as `npm start`
 * does. Both use the same Store, so the back office's sign-in opens the editor. Stopping this
 * process stops both; if either stops, the other is stopped too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

// Each server links to the other: by the same host name, so the browser sends the staff cookie to both.
const host = process.env.HOST ?? 'localhost';
const shown = host.includes(':') ? `[${host}]` : host;
process.env.PORTAL_URL ??= `http://${shown}:${process.env.PORT ?? 4321}`;
process.env.EDITOR_URL ??= `http://${shown}:${process.env.EDITOR_PORT ?? 4322}`;

const servers: ChildProcess[] = [];
const run = (script: string) => {
  const child = spawn(process.execPath, [script], { stdio: 'inherit', env: process.env });
  child.on('exit', (code) => {
    for (const other of servers) if (other !== child && other.exitCode === null) other.kill('SIGTERM');
    process.exitCode = code ?? 1;
  });
  servers.push(child);
};

run('src/server/main.ts');
if (existsSync('dist-editor/server/entry.mjs')) run('src/editor/main.ts');
else console.log('The content editor is not built (npm run build:editor); serving the portal alone.');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of servers) if (child.exitCode === null) child.kill(signal);
  });
}
