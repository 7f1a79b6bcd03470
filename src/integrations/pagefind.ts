/**
 * Builds the Pagefind search index into `dist/pagefind/` once Astro has written the pages.
 * It indexes the records of src/lib/search-records.ts (one per paragraph, case, level,
 * statement and term, each with its anchor and filters) rather than whole pages, one index
 * per locale, then removes the records file so it is not published.
 */
import type { AstroIntegration } from 'astro';
import { copyFile, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as pagefindApi from 'pagefind';
import type { SearchRecord } from '../lib/search-records';

interface LocaleRecords {
  locale: string;
  records: (SearchRecord & { url: string; indexed: string })[];
}

export function pagefind(): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const recordsPath = `${outDir}/search-records.json`;
        const byLocale = JSON.parse(await readFile(recordsPath, 'utf8')) as LocaleRecords[];
        const { index, errors } = await pagefindApi.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        let count = 0;
        for (const { locale, records } of byLocale) {
          for (const record of records) {
            const { filters } = record;
            const added = await index.addCustomRecord({
              url: record.url,
              content: record.indexed,
              language: locale,
              meta: { title: record.title, text: record.content },
              filters: Object.fromEntries(
                Object.entries(filters)
                  .filter(([, value]) => value !== undefined)
                  .map(([key, value]) => [key, [value as string]]),
              ),
            });
            if (added.errors.length) throw new Error(`Pagefind refused ${record.url}: ${added.errors.join('; ')}`);
            count++;
          }
        }
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
        await pagefindApi.close();
        // The benchmark measures recall against the records: it asks for a copy.
        if (process.env.SEARCH_RECORDS_COPY) await copyFile(recordsPath, process.env.SEARCH_RECORDS_COPY);
        await rm(recordsPath);
        logger.info(`indexed ${count} records in ${byLocale.length} languages`);
      },
    },
  };
}
