import type { APIRoute } from 'astro';
import { postLetter } from '../../../server/api/letters-api.ts';
import { otherMethods } from '../../../server/api/json-api.ts';

/**
 * POST /api/v1/cases — a citizen's letter as JSON (no attachments):
 * `{ kind, locale, title, body, name, phone, email?, publish }` → 201 `{ trackingCode, pin, dueDate, statusUrl }`.
 * The same checks, limits and Store writes as the letter form (src/server/api/letters-api.ts);
 * described in /api/v1/openapi.json.
 */
export const prerender = false;

export const POST: APIRoute = (context) => {
  let address: string | undefined;
  try { address = context.clientAddress; } catch { /* not known on this adapter */ }
  return postLetter({ request: context.request, url: context.url, address });
};

export const ALL: APIRoute = otherMethods({ POST });
