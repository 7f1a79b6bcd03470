/**
 * The offline copy of a locale, as the build writes it (src/build/offline-lists.ts) and the
 * pages name it: the list of its files, and the size it downloads, which is known only once
 * every page and the search index are written, so pages carry a token the build replaces.
 */
import type { Locale } from './i18n/locales';

/** Where a locale's list of files is published, from the base path: `{ version, bytes, files }`. */
export const offlineListPath = (locale: Locale) => `offline/${locale}.json`;

/** What a locale's offline list holds (written by the build, read by the service worker). */
export interface OfflineList {
  locale: Locale;
  /** A content hash of every file and its URL: a new build with any change has a new version. */
  version: string;
  /** Bytes the files take, as stored. */
  bytes: number;
  /** Their URLs under the base path. */
  files: string[];
}

/** Stands in a built page for the download size of its locale until the build fills it in. */
export const offlineSizeToken = '\u2060offline-size\u2060';

/** A size in the page's language: kB below one megabyte, MB with one decimal above. */
export function formatSize(bytes: number, lang: string): string {
  const megabytes = bytes >= 1_000_000;
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: megabytes ? 1 : 0,
  }).format(megabytes ? bytes / 1_000_000 : bytes / 1_000);
}
