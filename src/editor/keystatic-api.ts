/**
 * Keystatic's local-mode API (file tree, file contents, writes) over the drafts tree, never the
 * published content. @keystatic/astro's own route is not used: it reads the working directory
 * and `astro:env` secrets; this one is told where the drafts are. Reached only through the guard
 * (src/editor/guard.ts), which also checks every write before it gets here.
 */
import { makeGenericAPIRouteHandler } from '@keystatic/core/api/generic';
import config from '../../keystatic.config.ts';
import { ensureDrafts } from '../server/editorial/workspace.ts';

let handler: ReturnType<typeof makeGenericAPIRouteHandler> | undefined;

export async function keystaticApi(request: Request): Promise<Response> {
  // The drafts tree is made from the published content on first use.
  handler ??= makeGenericAPIRouteHandler({ config, localBaseDirectory: ensureDrafts() });
  const { body, ...init } = await handler(request);
  return new Response(body as BodyInit | null, init);
}
