/**
 * The words the search of a locale knows (src/lib/search-suggest.ts), fetched by the search
 * page only when a query finds nothing, to offer the nearest ones ("Did you mean customer?").
 * Under the locale, so the offline copy and the LMS packages carry it with the pages.
 */
import type { APIRoute } from 'astro';
import { searchVocabulary } from '../../../data/search';
import { localeParams } from '../../../lib/i18n';

export const getStaticPaths = localeParams;

export const GET: APIRoute = async ({ locals }) => new Response(JSON.stringify(await searchVocabulary(locals.locale)));
