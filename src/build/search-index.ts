/**
 * The Pagefind search index. The pages' build writes the search records (src/lib/search-records.ts:
 * one per paragraph, case, level, statement and term, each with its anchor and filters) as
 * `search-records.json`; they are indexed rather than whole pages, one index per locale, and the
 * file is moved out of the published site whatever happens, to `searchRecordsArtefact(outDir)`,
 * where the offline lists, the LMS packages and the bench read it.
 */
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefindApi from 'pagefind';
import { parseSearchIndexFile, type SearchIndexFile } from '../schemas/search-index.ts';

/** Where a build into `outDir` leaves its search records: beside the published folder, not in it. */
export function searchRecordsArtefact(outDir: string): string {
  return `${outDir.replace(/\/+$/, '')}.search-records.json`;
}

/** The search records a build into `outDir` left, once `indexSearchRecords` has moved them out. */
export async function readSearchRecords(outDir: string): Promise<SearchIndexFile> {
  const artefact = searchRecordsArtefact(outDir);
  return parseSearchIndexFile(await readFile(artefact, 'utf8'), artefact);
}

/** Pagefind's ready-made interfaces, which the site does not use (its search page is its own island). */
const unusedInterfaces = ['component-ui.js', 'component-ui.css', 'modular-ui.js', 'modular-ui.css', 'ui.js', 'ui.css', 'highlight.js'].map((f) => `pagefind-${f}`);

/**
 * Indexes `locales`' records into a Pagefind bundle at `outputPath` (without Pagefind's unused interfaces), each under the URL `url`
 * gives it (by default its own); returns how many were indexed. Close Pagefind's service
 * (`pagefindApi.close()`) once done with it.
 */
export async function writeSearchIndex(
  locales: SearchIndexFile['locales'],
  outputPath: string,
  url: (recordUrl: string) => string = (u) => u,
): Promise<number> {
  const { index, errors } = await pagefindApi.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let count = 0;
  for (const { locale, records } of locales) {
    // Pagefind keeps one record per URL: a second one would silently replace the first.
    const urls = new Set<string>();
    for (const record of records) {
      if (urls.has(record.url)) throw new Error(`two search records of ${locale} have the URL ${record.url}: give each its own anchor`);
      urls.add(record.url);
      const added = await index.addCustomRecord({
        url: url(record.url),
        content: record.indexed,
        language: locale,
        meta: {
          title: record.title,
          text: record.content,
          other: record.other,
          ...(record.titleMark ? { titleMark: record.titleMark.text, titleMarkLong: record.titleMark.long } : {}),
          ...(record.contentMark ? { contentMark: record.contentMark.text, contentMarkLong: record.contentMark.long } : {}),
        },
        filters: Object.fromEntries(
          Object.entries(record.filters).flatMap(([key, value]) => (value === undefined ? [] : [[key, [value]]])),
        ),
      });
      if (added.errors.length) throw new Error(`Pagefind refused ${record.url}: ${added.errors.join('; ')}`);
      count++;
    }
  }
  const output = await index.writeFiles({ outputPath });
  if (output.errors.length) throw new Error(`Pagefind could not write: ${output.errors.join('; ')}`);
  await Promise.all(unusedInterfaces.map((file) => rm(join(outputPath, file), { force: true })));
  return count;
}

/** Indexes the records the build wrote into `<outDir>/pagefind/`, then moves the records file out; returns what was indexed. */
export async function indexSearchRecords(outDir: string): Promise<{ records: number; locales: number }> {
  const written = `${outDir}/search-records.json`;
  try {
    const { locales } = parseSearchIndexFile(await readFile(written, 'utf8'), written);
    return { records: await writeSearchIndex(locales, `${outDir}/pagefind`), locales: locales.length };
  } finally {
    await pagefindApi.close();
    await rename(written, searchRecordsArtefact(outDir));
  }
}
