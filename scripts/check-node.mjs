// Astro 7, node:sqlite and crypto.argon2 need Node >= 22.12. npm runs scripts with
// node_modules/.bin first on PATH, so the pinned Node 24 is used; a bare `node` or a
// direct call to node_modules/.bin/astro would silently use the machine's older Node.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `\nThis project needs Node >= 22.12 (it pins Node 24 as a devDependency), but ${process.execPath} is Node ${process.versions.node}.\n` +
      'Run it through npm scripts (npm start, npm test, npm run build) so that node_modules/.bin/node is used.\n',
  );
  process.exit(1);
}
