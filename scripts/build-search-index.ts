/**
 * Builds the Pagefind search index of a built site: one index per `<html lang>` (zh-CN, ug,
 * en), from the elements marked `data-pagefind-body` only, with the filters and sort keys the
 * pages declare. Run by `npm run build` after `astro build` has exited, so the two never hold
 * their memory at the same time.
 *
 *   node scripts/build-search-index.ts [site folder, default dist/client]
 */
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';

const site = resolve(process.argv[2] ?? 'dist/client');
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

const { index, errors } = await pagefind.createIndex({ rootSelector: 'html', writePlayground: false });
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
console.log(`search: indexing ${site}…`);
const added = await index.addDirectory({ path: site, glob: '{zh,ug,en}/**/*.html' });
if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
console.log(`search: read ${added.page_count} pages in ${elapsed()}`);
const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`search: index written to ${join(site, 'pagefind')} in ${elapsed()}`);
