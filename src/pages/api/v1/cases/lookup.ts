import type { APIRoute } from 'astro';
import { postLookup } from '../../../../server/api/letters-api.ts';
import { otherMethods } from '../../../../server/api/json-api.ts';

/**
 * POST /api/v1/cases/lookup — `{ trackingCode, pin, locale }` → 200 the letter's state, due day,
 * public timeline and reply; 404 with one message for an unknown code or a wrong PIN. Limited
 * like the status page (src/server/api/letters-api.ts); described in /api/v1/openapi.json.
 */
export const prerender = false;

export const POST: APIRoute = (context) => {
  let address: string | undefined;
  try { address = context.clientAddress; } catch { /* not known on this adapter */ }
  return postLookup({ request: context.request, url: context.url, address });
};

export const ALL: APIRoute = otherMethods({ POST });
