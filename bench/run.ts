/**
 * `npm run bench`: builds the site with its search index into a temporary folder and prints
 * figures, not a pass or fail: build time, pages per locale, bytes per page type, the search
 * figures, the LMS packages' sizes and scaling. Budgets that are deterministic (sizes, counts) are asserted in the tests instead.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchRecordsArtefact } from '../src/build/search-index.ts';
import { parseSearchIndexFile } from '../src/schemas/search-index.ts';
import { runAstro } from '../test/support/astro-cli.ts';
import { packageFigures } from './package-figures.ts';
import { scalingFigures } from './scaling.ts';
import { searchFigures } from './search-figures.ts';
import { siteFigures } from './site-figures.ts';

const work = mkdtempSync(join(tmpdir(), 'onboarding-bench-'));
const outDir = join(work, 'dist');

try {
  const started = performance.now();
  const build = runAstro(['build'], { OUT_DIR: outDir });
  const seconds = (performance.now() - started) / 1000;
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  const indexed = /indexed (\d+) records/.exec(build.output)?.[1];
  console.log(`\nBuild with search index: ${seconds.toFixed(1)} s (Pagefind indexed ${indexed} records)`);
  console.log(siteFigures(outDir).join('\n'));
  // The records the build indexed, as it left them beside the published site.
  const records = searchRecordsArtefact(outDir);
  console.log(`\nSearch\n${(await searchFigures(outDir, parseSearchIndexFile(readFileSync(records, 'utf8'), records))).join('\n')}`);
  console.log(`\nLMS packages (SCORM)\n${packageFigures(work).join('\n')}`);
  console.log(`\nScaling (synthetic cases)\n${scalingFigures().join('\n')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
