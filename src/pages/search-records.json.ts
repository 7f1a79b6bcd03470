/**
 * The search records of every locale, written at build time for the Pagefind integration
 * (src/integrations/pagefind.ts), which indexes them and then removes this file from dist/.
 * Records of Han-script locales carry the text to index (folded, split by character) apart
 * from the text to show.
 */
import type { APIRoute } from 'astro';
import { searchData } from '../data/search';
import { hanScript, locales } from '../lib/i18n';
import { indexableText } from '../lib/search-text';
import { localeUrl } from '../lib/urls';

export const GET: APIRoute = async () => {
  const { records, foldMap } = await searchData();
  const byLocale = locales.map((locale) => ({
    locale,
    records: records[locale].map((r) => ({
      ...r,
      // Pagefind puts the site's base path (where its bundle lives) in front of these itself.
      url: localeUrl('/', locale, r.route),
      indexed: hanScript[locale] ? indexableText(`${r.title} ${r.content}`, foldMap) : `${r.title}. ${r.content}`,
    })),
  }));
  return new Response(JSON.stringify(byLocale));
};
