/**
 * Build-time parts of the search: the records of each locale and, for Han-script locales,
 * the map that folds Simplified and variant forms to the forms of the site's own text. The
 * map covers only the characters the site uses, so the search page ships a few KB of it
 * rather than a conversion table.
 */
import { createHash } from 'node:crypto';
import { Converter } from 'opencc-js';
import { foldMapOf, variantGroups, type FoldMap } from '../lib/chinese-variants';
import { hanScript, locales, useTranslations, type Locale } from '../lib/i18n';
import { searchRecords, type SearchRecord } from '../lib/search-records';
import { siteContent } from './content';

async function build() {
  const content = await siteContent();
  const records = Object.fromEntries(
    locales.map((locale) => [locale, searchRecords(content, locale, { level: useTranslations(locale).rubric.level })]),
  ) as Record<Locale, SearchRecord[]>;
  const toSimplified = Converter({ from: 'tw', to: 'cn' });
  const hanText = locales.filter((l) => hanScript[l]).flatMap((l) => records[l].flatMap((r) => [r.title, r.content]));
  const characters = new Set(hanText.join('').match(/\p{Script=Han}/gu));
  const pairs = [...characters].map((ch) => ch + toSimplified(ch)).filter((pair) => [...pair].length === 2 && pair[0] !== pair[1]);
  // Names this build's index: Pagefind asks for its entry file with it, so a browser never pairs
  // a cached entry file with a newer index.
  const version = createHash('sha256').update(JSON.stringify(records)).digest('hex').slice(0, 12);
  return { records, version, foldMap: foldMapOf([...variantGroups, ...pairs]) as FoldMap };
}

let cached: ReturnType<typeof build> | undefined;

/** Search records and fold map, computed once per build. */
export function searchData() {
  cached ??= build();
  return cached;
}
