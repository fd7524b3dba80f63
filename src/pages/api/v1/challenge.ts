import type { APIRoute } from 'astro';
import { getChallenge } from '../../../server/api/challenge-api.ts';
import { clientOf } from '../../../server/client-address.ts';
import { otherMethods } from '../../../server/api/json-api.ts';

/**
 * GET /api/v1/challenge — a proof-of-work challenge (ALTCHA) for the letter form; see
 * src/server/api/challenge-api.ts and /api/v1/openapi.json.
 */
export const prerender = false;

export const GET: APIRoute = (context) => getChallenge({ request: context.request, client: clientOf(context) });

export const ALL: APIRoute = otherMethods({ GET });
