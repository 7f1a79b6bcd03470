/**
 * The search records of every locale (src/schemas/search-index.ts), written at build time for
 * the search index step (src/build/search-index.ts), which indexes them and moves the
 * file out of the published site.
 */
import type { APIRoute } from 'astro';
import { searchData } from '../data/search';

export const GET: APIRoute = async () => new Response(JSON.stringify((await searchData()).file));
