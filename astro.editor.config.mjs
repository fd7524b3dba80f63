// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import { keystaticEditor } from './src/editor/integration.ts';

/** @param {string} path */
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const cacheDir = process.env.CACHE_DIR ? `${process.env.CACHE_DIR}/editor` : here('./node_modules/.astro-editor');

/**
 * The editor server: Keystatic (React) behind the staff guard, writing into the drafts tree.
 * A build of its own (`npm run build:editor` → dist-editor/, served by `npm run editor`), rooted
 * in its own folder, so that nothing of the CMS reaches the public build (astro.config.mjs), no
 * public page is served from here, and its generated types (.astro/) and content data (none)
 * never replace the portal's.
 */
export default defineConfig({
  root: here('./src/editor-site/'),
  srcDir: here('./src/editor-site/'),
  // No public/ assets (fonts, robots.txt): the editor serves only the CMS.
  publicDir: here('./src/editor-site/public/'),
  outDir: here('./dist-editor/'),
  cacheDir,
  // Vite's own cache would otherwise go to src/editor-site/node_modules.
  vite: { cacheDir: `${cacheDir}/vite` },
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [react(), keystaticEditor()],
  // Form posts are checked by Astro; Keystatic's JSON posts by the guard.
  security: { checkOrigin: true },
  server: { host: process.env.HOST ?? 'localhost', port: Number(process.env.EDITOR_PORT ?? 4322) },
  devToolbar: { enabled: false },
});
