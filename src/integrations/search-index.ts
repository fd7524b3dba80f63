import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind search index after the static pages are written: one index per
 * `<html lang>` (zh-CN, ug, en), from the elements marked `data-pagefind-body` only, with
 * the filters and sort keys pages declare. Written to dist/client/pagefind/.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ rootSelector: 'html', writePlayground: false });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        logger.info('indexing pages for search…');
        const added = await index.addDirectory({ path: site, glob: '{zh,ug,en}/**/*.html' });
        if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        logger.info(`indexed ${added.page_count} pages`);
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`search index written to /pagefind/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
