// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { contentFiles } from './src/integrations/content-files.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { isolateLtrInRtlBodies } from './src/lib/isolate-ltr-markdown.ts';

/**
 * Static pages by default (everything a citizen reads); on-demand routes opt out of
 * prerendering and run in the Node server (src/server/main.ts wraps its handler).
 * Locales are routed by hand (routing: 'manual' semantics): Astro's i18n routing would
 * 404 every route without a locale prefix, the CMS and the back office included.
 */
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://www.tianshan.example',
  // Pages are linked with a trailing slash; API endpoints (/api/v1/search) are not.
  trailingSlash: 'ignore',
  // Builds of other content folders (tests, benchmarks) keep their content cache apart.
  cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro',
  // The publisher builds each approved version of the site into a release folder of its own.
  outDir: process.env.OUT_DIR ?? './dist',
  output: 'static',
  adapter: node({ mode: 'standalone', staticHeaders: true, bodySizeLimit: 16 * 1024 * 1024 }),
  integrations: [contentFiles()],
  // No code blocks on a government portal, and Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [isolateLtrInRtlBodies] }) },
  // Several pages render at once: much of a page's time is spent writing its file.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  image: { layout: 'constrained', responsiveStyles: false },
  security: {
    checkOrigin: true,
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
      ],
    },
  },
  server: { host: process.env.HOST ?? 'localhost', port: Number(process.env.PORT ?? 4321) },
  devToolbar: { enabled: false },
});
