/**
 * What the build does once Astro has written the pages, step by step in the order written here
 * (each step is a module of src/build/). With `packagesDir` (npm run package), the LMS packages
 * too: their launch pages are added to this build of their own, so the plain site never has them.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkBuiltLinks } from '../build/link-check.ts';
import { writeOfflineLists } from '../build/offline-lists.ts';
import { checkPageBudgets } from '../build/page-budget.ts';
import { indexSearchRecords } from '../build/search-index.ts';
import { launchRoute } from '../lib/scorm/course.ts';
import { writePackages } from '../packaging/write-packages.ts';

export function siteBuild({ packagesDir }: { packagesDir?: string } = {}): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  let root: URL;
  return {
    name: 'site-build',
    hooks: {
      'astro:config:setup': ({ injectRoute, updateConfig }) => {
        if (!packagesDir) return;
        // Pages say what reaches the LMS (import.meta.env.LMS_PACKAGE).
        updateConfig({ vite: { define: { 'import.meta.env.LMS_PACKAGE': 'true' } } });
        injectRoute({ pattern: `/[locale]/${launchRoute}/[edition]`, entrypoint: './src/packaging/scorm-launch.astro' });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
        site = config.site;
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir).replace(/\/+$/, '');
        // 1. The pages' links, before anything else is written: the search index does not exist yet.
        const pages = await checkBuiltLinks(outDir, { base, site, unchecked: ['pagefind/'] });
        logger.info(`checked the links of ${pages} pages`);
        // 2. The pages' size budgets: a content file pasted in whole fails here, before it reaches the offline lists.
        logger.info(`${await checkPageBudgets(outDir, base)} pages within their size budgets`);
        // 3. The search index, from the records the pages' build wrote.
        const indexed = await indexSearchRecords(outDir);
        logger.info(`indexed ${indexed.records} records in ${indexed.locales} languages`);
        // 4. The offline lists: they list the index's files, and write the download size into the pages.
        for (const list of await writeOfflineLists(outDir, base)) {
          logger.info(`${list.locale}: ${list.files} files, ${list.size} to save for offline reading`);
        }
        // 5. The LMS packages, from the finished site.
        if (packagesDir) {
          for (const file of await writePackages({ builtDir: outDir, base, root, packagesDir })) logger.info(`wrote ${file}`);
        }
      },
    },
  };
}
