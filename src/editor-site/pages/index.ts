/** The editor server's own front page: the CMS. (The editor build's pages live here, apart from the portal's.) */
import type { APIRoute } from 'astro';

export const prerender = false;

export const GET: APIRoute = ({ redirect }) => redirect('/keystatic', 302);
