/**
 * Fails the build when a page names a page, file or anchor that does not exist (a guide page's
 * Markdown link with a typo, say), or a path outside the base, naming the page and its source file.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brokenLinks } from '../lib/link-check';

/**
 * `writtenLater`: folders (under the base) that integrations after this one write, so their files
 * do not exist yet when this check runs: by default the Pagefind index.
 */
export function linkCheck({ writtenLater = ['pagefind/'] }: { writtenLater?: string[] } = {}): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
        const pages = await Promise.all(
          files
            .filter((f) => f.endsWith('.html'))
            .map(async (f) => ({ url: `${base}${f.replace(/(^|\/)index\.html$/, '$1')}`, html: await readFile(join(outDir, f), 'utf8') })),
        );
        const problems = brokenLinks(pages, new Set(files.map((f) => `${base}${f}`)), {
          base,
          site,
          unchecked: writtenLater.map((f) => `${base}${f}`),
        });
        if (problems.length) throw new Error(`Broken links:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        logger.info(`checked the links of ${pages.length} pages`);
      },
    },
  };
}
