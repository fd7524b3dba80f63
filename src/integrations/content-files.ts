import { cp, readdir, stat } from 'node:fs/promises';
import { createReadStream, existsSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';

/**
 * Attachments live beside their item in content/ (`content/<collection>/<slug>/files/x.pdf`),
 * where editors put them. This integration publishes them under `/files/<collection>/<slug>/`:
 * copied into the static output on build, served from content/ by the dev server.
 */
const CONTENT = resolve(process.env.CONTENT_DIR ?? 'content');
const types: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
  '.zip': 'application/zip',
  '.ofd': 'application/ofd',
};

/** Public URL of an attachment listed as `files/<name>` in an item's index.yaml. */
export function attachmentHref(collection: string, slug: string, file: string): string {
  return `/files/${collection}/${slug}/${basename(file)}`;
}

/** Where the attachment is kept in content/. */
export function attachmentSource(collection: string, slug: string, file: string): string {
  return join(CONTENT, collection, slug, 'files', basename(file));
}

async function* attachmentFolders() {
  for (const collection of await readdir(CONTENT)) {
    const dir = join(CONTENT, collection);
    if (!(await stat(dir)).isDirectory()) continue;
    for (const slug of await readdir(dir)) {
      const files = join(dir, slug, 'files');
      if (existsSync(files)) yield { collection, slug, files };
    }
  }
}

export function contentFiles(): AstroIntegration {
  return {
    name: 'content-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const match = /^\/files\/([a-z0-9-]+)\/([a-z0-9-]+)\/([a-z0-9][a-z0-9._-]*)$/.exec(req.url ?? '');
          if (!match) return next();
          const [, collection, slug, name] = match;
          const source = attachmentSource(collection!, slug!, name!);
          if (!existsSync(source)) return next();
          res.setHeader('Content-Type', types[extname(name!)] ?? 'application/octet-stream');
          createReadStream(source).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        let count = 0;
        for await (const { collection, slug, files } of attachmentFolders()) {
          await cp(files, new URL(`files/${collection}/${slug}/`, dir), { recursive: true });
          count += (await readdir(files)).length;
        }
        logger.info(`published ${count} attachments under /files/`);
      },
    },
  };
}
