/** Figures of the LMS packages (`npm run package`): each zip's size and files, and the launch page's script. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { locales } from '../src/lib/i18n/locales.ts';
import { launchRoute, packageName, scormEditions, scormVersions } from '../src/lib/scorm/course.ts';
import { runAstro } from '../test/support/astro-cli.ts';
import { javascriptBytes } from '../test/support/built-files.ts';
import { kb } from './site-figures.ts';

export function packageFigures(work: string): string[] {
  const packagesDir = join(work, 'packages');
  const outDir = join(work, 'package-build');
  const started = performance.now();
  const build = runAstro(['build'], { SCORM_PACKAGES_DIR: packagesDir, OUT_DIR: outDir });
  if (build.status !== 0) throw new Error(`package build failed:\n${build.output}`);
  const lines = [
    `Package build (site with launch pages, then six zips): ${((performance.now() - started) / 1000).toFixed(1)} s`,
    '',
    '| package | zip | files | unzipped | launch page JS gzipped (the adapter) |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const locale of locales) {
    for (const version of scormVersions) {
      const name = packageName(locale, version);
      const zip = readFileSync(join(packagesDir, name));
      const files = Object.values(unzipSync(zip));
      const launch = `/${locale}/${launchRoute}/${scormEditions[version]}/`;
      const adapter = javascriptBytes(outDir, '/', { url: launch, html: readFileSync(join(outDir, launch, 'index.html'), 'utf8') });
      const unzipped = files.reduce((sum, bytes) => sum + bytes.length, 0);
      lines.push(`| ${name} | ${kb(statSync(join(packagesDir, name)).size)} | ${files.length} | ${kb(unzipped)} | ${kb(adapter)} |`);
    }
  }
  return lines;
}
