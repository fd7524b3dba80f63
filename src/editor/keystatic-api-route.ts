/**
 * `/api/keystatic/*` of the editor server: Keystatic reads the drafts tree here. Saves
 * (`POST /api/keystatic/update`) are taken by the guard, which checks and then writes them; any
 * other method reaching this route is refused, so there is no way to write around the guard.
 */
import type { APIRoute } from 'astro';
import { keystaticApi } from './keystatic-api.ts';

export const prerender = false;

export const ALL: APIRoute = ({ request }) =>
  request.method === 'GET' || request.method === 'HEAD' ? keystaticApi(request) : new Response('Method Not Allowed', { status: 405, headers: { Allow: 'GET' } });
