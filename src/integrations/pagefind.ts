/**
 * Builds the Pagefind search index into `<outDir>/pagefind/` once Astro has written the pages.
 * It indexes the records of src/lib/search-records.ts (one per paragraph, case, level,
 * statement and term, each with its anchor and filters) rather than whole pages, one index per
 * locale. The records file the build wrote is moved out of the published site whatever happens,
 * to `searchRecordsArtefact(outDir)`, where the bench reads it.
 */
import type { AstroIntegration } from 'astro';
import { readFile, rename } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as pagefindApi from 'pagefind';
import { parseSearchIndexFile, type SearchIndexFile } from '../schemas/search-index.ts';

/** Where a build into `outDir` leaves its search records: beside the published folder, not in it. */
export function searchRecordsArtefact(outDir: string): string {
  return `${outDir.replace(/\/+$/, '')}.search-records.json`;
}

/**
 * Indexes `locales`' records into a Pagefind bundle at `outputPath`, each under the URL `url`
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
  return count;
}

export function pagefind(): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const written = `${outDir}/search-records.json`;
        const artefact = searchRecordsArtefact(outDir);
        try {
          const { locales } = parseSearchIndexFile(await readFile(written, 'utf8'), written);
          const count = await writeSearchIndex(locales, `${outDir}/pagefind`);
          logger.info(`indexed ${count} records in ${locales.length} languages`);
        } finally {
          await pagefindApi.close();
          await rename(written, artefact);
        }
      },
    },
  };
}
