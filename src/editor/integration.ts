/**
 * What the editor build adds to Astro: Keystatic's admin page, our own API route for it (over
 * the drafts tree) and the guard in front of both. Only astro.editor.config.mjs uses it; the
 * public build has no React, no Keystatic and no way to write content.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';
import { keystaticChinese } from './keystatic-chinese.ts';

const CONFIG = fileURLToPath(new URL('../../keystatic.config.ts', import.meta.url));

const SETTINGS = new URL('../../content/settings/site.yaml', import.meta.url);

/** The portal's short name from its settings, for the CMS's header. */
function portalName(): string | undefined {
  try {
    const site = parse(readFileSync(SETTINGS, 'utf8')) as { zh?: { shortName?: string } };
    return site.zh?.shortName;
  } catch {
    return undefined;
  }
}

export function keystaticEditor(): AstroIntegration {
  return {
    name: 'portal-keystatic-editor',
    hooks: {
      'astro:config:setup': ({ injectRoute, addMiddleware, updateConfig }) => {
        updateConfig({
          vite: {
            // Keystatic's page imports its configuration by this name.
            plugins: [{ name: 'portal-keystatic-config', resolveId: (id: string) => (id === 'virtual:keystatic-config' ? CONFIG : null) }, keystaticChinese()],
            define: { __PORTAL_BRAND__: JSON.stringify(portalName() ?? '门户网站') },
            optimizeDeps: { entries: ['keystatic.config.ts'] },
          },
        });
        injectRoute({ pattern: '/keystatic/[...params]', entrypoint: '@keystatic/astro/internal/keystatic-astro-page.astro', prerender: false });
        injectRoute({ pattern: '/api/keystatic/[...params]', entrypoint: new URL('./keystatic-api-route.ts', import.meta.url), prerender: false });
        addMiddleware({ entrypoint: new URL('./guard.ts', import.meta.url), order: 'pre' });
      },
    },
  };
}
