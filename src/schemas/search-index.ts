/**
 * The search records handed from the build's pages to the Pagefind integration (and to the
 * bench): one file per build, parsed on read against this schema, never published.
 */
import { z } from 'astro/zod';
import { locales } from '../lib/i18n/locales.ts';
import { recordKinds } from '../lib/vocabulary.ts';

/** A mark's short tag and what it means (components/written-by-mark.ts). */
const markSchema = z.strictObject({ text: z.string().min(1), long: z.string().min(1) });

export const searchRecordSchema = z.strictObject({
  /** Route inside the locale, with the anchor: 'speech/#p7'. */
  route: z.string(),
  /** Shown as the result's link, and searched along with the content. */
  title: z.string(),
  content: z.string(),
  /**
   * The mark on the title or the content when it is not the sources' words: the site's (a case's
   * title, a reading, a term's explanation) or filled in from another source (level 1's heading).
   * A record's content has one author, so the mark holds for any excerpt cut from it.
   */
  titleMark: markSchema.optional(),
  contentMark: markSchema.optional(),
  filters: z.strictObject({
    kind: z.enum(recordKinds),
    source: z.string(),
    rubric: z.string().optional(),
    level: z.string().optional(),
    verdict: z.string().optional(),
  }),
});
export type SearchRecord = z.output<typeof searchRecordSchema>;

export const searchIndexFileSchema = z.strictObject({
  /** Names this build's index, so a browser never pairs a cached entry file with a newer index. */
  version: z.string(),
  locales: z.array(
    z.strictObject({
      locale: z.enum(locales),
      records: z.array(
        searchRecordSchema.extend({
          /** The record's URL inside the site (Pagefind puts the bundle's base path in front). */
          url: z.string().startsWith('/'),
          /** The text Pagefind indexes: for Han-script locales folded and split by character. */
          indexed: z.string(),
          /**
           * The same record in the other language (English on Chinese pages, Traditional Chinese on
           * English ones), indexed too, so that every edition finds queries in either language.
           */
          other: z.string(),
        }),
      ),
    }),
  ),
});
export type SearchIndexFile = z.output<typeof searchIndexFileSchema>;

/** The records file's text, checked; throws naming what is wrong. */
export function parseSearchIndexFile(text: string, file: string): SearchIndexFile {
  const result = searchIndexFileSchema.safeParse(JSON.parse(text));
  if (!result.success) throw new Error(`${file} is not a search records file: ${z.prettifyError(result.error)}`);
  return result.data;
}
