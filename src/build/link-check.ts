/**
 * Fails the build when a page names a page, file or anchor that does not exist (a guide page's
 * Markdown link with a typo, say), or a path outside the base, naming the page and its source file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brokenLinks } from '../lib/link-check.ts';
import { filesUnder, urlOf } from './files.ts';

/**
 * Checks the pages built into `outDir` (the site under `base`, at `site`); `unchecked`: folders
 * (under the base) written after this check, whose files do not exist yet. Returns how many pages it read.
 */
export async function checkBuiltLinks(outDir: string, { base, site, unchecked }: { base: string; site?: string; unchecked: string[] }): Promise<number> {
  const files = filesUnder(outDir);
  const pages = await Promise.all(
    files.filter((f) => f.endsWith('.html')).map(async (f) => ({ url: urlOf(base, f), html: await readFile(join(outDir, f), 'utf8') })),
  );
  const problems = brokenLinks(pages, new Set(files.map((f) => `${base}${f}`)), { base, site, unchecked: unchecked.map((f) => `${base}${f}`) });
  if (problems.length) throw new Error(`Broken links:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return pages.length;
}
