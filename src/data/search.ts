/**
 * Build-time parts of the search: the records of each locale, as the file the Pagefind
 * integration indexes, and, for Han-script locales, the map that folds Simplified and variant
 * forms to the forms of the site's own text. The map covers only the characters the site uses,
 * so the search page ships a few KB of it rather than a conversion table.
 */
import { createHash } from 'node:crypto';
import { foldMapOf, variantGroups, type FoldMap } from '../lib/chinese-variants';
import { defaultLocale, dictionaries, hanScript, htmlLang, locales, type Locale } from '../lib/i18n';
import { formatter } from '../lib/i18n/format';
import { inLocale, textIn } from '../lib/localized';
import { searchRecords, type RecordMarks } from '../lib/search-records';
import { searchWords, type SearchWords } from '../lib/search-suggest';
import { indexableText } from '../lib/search-text';
import { fill } from '../lib/template';
import { toSimplified } from '../lib/simplified';
import { pathInSite } from '../lib/urls';
import type { SearchIndexFile } from '../schemas/search-index';
import { siteContent, type SourceEntry } from './content';

/** The marks of the site's words and of filled-in text, as WrittenBy.astro words them in `locale`. */
function marksIn(locale: Locale, sources: SourceEntry[]): RecordMarks {
  const { attribution } = dictionaries[locale];
  const text = textIn(locale);
  return {
    site: { text: attribution.site, long: attribution.siteLong },
    filled: (id) => {
      const source = sources.find((s) => s.id === id);
      if (!source) throw new Error(`unknown source "${id}"`);
      return { text: attribution.filled, long: fill(attribution.filledLong, { source: text(source.data.title ?? source.data.publisher) }) };
    },
  };
}

async function build(): Promise<{ file: SearchIndexFile; foldMap: FoldMap }> {
  const content = await siteContent();
  const byLocale = locales.map((locale) => ({
    locale,
    records: searchRecords(content, locale, { level: (level) => formatter(htmlLang[locale])(dictionaries[locale].rubric.level, { level }) }, marksIn(locale, content.sources)),
  }));
  const hanText = byLocale.filter((l) => hanScript[l.locale]).flatMap((l) => l.records.flatMap((r) => [r.title, r.content]));
  const characters = new Set(hanText.join('').match(/\p{Script=Han}/gu));
  const pairs = [...characters].map((ch) => ch + toSimplified(ch)).filter((pair) => [...pair].length === 2 && pair[0] !== pair[1]);
  const foldMap = foldMapOf([...variantGroups, ...pairs]);
  /** Each record in the other language: English pages search the Traditional text, Chinese pages the English. */
  const otherOf = (locale: Locale) => {
    const other = byLocale.find((l) => l.locale === (hanScript[locale] ? 'en' : defaultLocale))!.records;
    return (r: (typeof other)[number], i: number) => {
      if (other[i]?.route !== r.route) throw new Error(`search: record ${r.route} (${locale}) has no counterpart at ${i}`);
      return `${other[i].title} ${other[i].content}`;
    };
  };
  const file: SearchIndexFile = {
    version: createHash('sha256').update(JSON.stringify(byLocale)).digest('hex').slice(0, 12),
    locales: byLocale.map(({ locale, records }) => {
      const other = otherOf(locale);
      return {
        locale,
        records: records.map((r, i) => {
          const otherText = other(r, i);
          return {
            ...r,
            url: pathInSite(locale, r.route),
            indexed: hanScript[locale]
              ? indexableText(`${r.title} ${r.content} ${otherText}`, foldMap)
              : `${r.title}. ${r.content} ${indexableText(otherText, foldMap)}`,
            other: otherText,
          };
        }),
      };
    }),
  };
  return { file, foldMap };
}

/** The words and glossary terms the search of `locale` knows, for its suggestions. */
export async function searchVocabulary(locale: Locale): Promise<SearchWords> {
  const { file } = await searchData();
  const { glossary } = await siteContent();
  const records = file.locales.find((l) => l.locale === locale)!.records;
  return searchWords(
    records.map((r) => `${r.title} ${r.content} ${r.other}`),
    glossary.map((g) => inLocale(g.data.term, hanScript[locale] ? locale : defaultLocale)),
  );
}

let cached: ReturnType<typeof build> | undefined;

/** Search records file and fold map, computed once per build. */
export function searchData() {
  cached ??= build();
  return cached;
}
