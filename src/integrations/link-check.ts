/**
 * Fails the build when a page links to a page or anchor that does not exist (a guide page's
 * Markdown link with a typo, say), naming the page and its source file.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brokenLinks } from '../lib/link-check';

export function linkCheck(): AstroIntegration {
  let base = '/';
  return {
    name: 'link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = (await readdir(outDir, { recursive: true })).map((f) => relative(outDir, join(outDir, f)).split(sep).join('/'));
        const pages = await Promise.all(
          files
            .filter((f) => f.endsWith('.html'))
            .map(async (f) => ({ url: `${base}${f.replace(/(^|\/)index\.html$/, '$1')}`, html: await readFile(join(outDir, f), 'utf8') })),
        );
        const problems = brokenLinks(pages, new Set(files.map((f) => `${base}${f}`)), base);
        if (problems.length) throw new Error(`Broken links:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        logger.info(`checked the links of ${pages.length} pages`);
      },
    },
  };
}
