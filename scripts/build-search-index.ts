/**
 * Builds the Pagefind search index of a built site: one index per language, each in its own
 * folder (dist/client/pagefind/<zh|ug|en>/) and built in its own Pagefind run, so memory is
 * held for one language at a time. Only elements marked `data-pagefind-body` are indexed,
 * with the filters and sort keys the pages declare. Run by `npm run build` after
 * `astro build` has exited, so the two never hold their memory at the same time.
 *
 *   node scripts/build-search-index.ts [site folder, default $OUT_DIR/client or dist/client]
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';

const site = resolve(process.argv[2] ?? join(process.env.OUT_DIR ?? 'dist', 'client'));
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const locales = ['zh', 'ug', 'en'];

rmSync(join(site, 'pagefind'), { recursive: true, force: true });
let pages = 0;
for (const locale of locales) {
  const { index, errors } = await pagefind.createIndex({ rootSelector: 'html', writePlayground: false });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: site, glob: `${locale}/**/*.html` });
  if (added.errors.length) throw new Error(`Pagefind could not index /${locale}/: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind', locale) });
  if (written.errors.length) throw new Error(`Pagefind could not write the /${locale}/ index: ${written.errors.join('; ')}`);
  await pagefind.close();
  pages += added.page_count;
  console.log(`search: read ${added.page_count} /${locale}/ pages, index written to ${join(site, 'pagefind', locale)} (${elapsed()})`);
}
console.log(`search: read ${pages} pages in ${elapsed()}`);
console.log(`search: index written to ${join(site, 'pagefind')} in ${elapsed()}`);
