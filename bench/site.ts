/**
 * `npm run bench`: builds the site (with its search index) and prints one table of figures:
 * build time, pages per locale, and bytes per page type (HTML, CSS, JS; raw and gzipped).
 * Figures, not a pass or fail: budgets that are deterministic are asserted in the tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { locales } from '../src/lib/i18n/locales.ts';

const root = new URL('..', import.meta.url).pathname;
const outDir = mkdtempSync(join(tmpdir(), 'onboarding-bench-'));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

const started = performance.now();
const build = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  cwd: root,
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: outDir },
  encoding: 'utf8',
});
const buildSeconds = (performance.now() - started) / 1000;
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}
const indexLine = /indexed (\d+) pages/.exec(build.stdout)?.[1];

const files = walk(outDir).map((file) => relative(outDir, file).split(sep).join('/'));
const html = files.filter((f) => f.endsWith('.html'));

/** The kind of page a built file is, from its route. */
function pageType(file: string): string {
  const route = file.replace(/^[^/]+\//, '').replace(/index\.html$/, '');
  if (!file.includes('/')) return file === 'index.html' ? 'language chooser' : '404';
  if (route === '') return 'home';
  if (/^cases\/(?!by-verdict)[^/]+\/$/.test(route)) return 'case';
  if (/^rubrics\/[^/]+\/$/.test(route)) return 'rubric';
  if (/^guides\/[^/]+\/$/.test(route)) return 'guide';
  return route.replace(/\/$/, '');
}

const bytes = (file: string) => readFileSync(join(outDir, file));
const gz = (buffer: Buffer) => gzipSync(buffer, { level: 9 }).length;

/** CSS and JS a page loads, by the URLs in its HTML. */
function assetsOf(file: string, ext: string): string[] {
  const text = bytes(file).toString('utf8');
  return [...text.matchAll(/(?:href|src)="([^"]+)"/g)]
    .map((m) => m[1]!.replace(/^\//, ''))
    .filter((url) => url.endsWith(ext) && files.includes(url));
}

const byType = new Map<string, { pages: number; html: number; htmlGz: number; cssGz: number; jsGz: number }>();
for (const file of html) {
  const type = pageType(file);
  const row = byType.get(type) ?? { pages: 0, html: 0, htmlGz: 0, cssGz: 0, jsGz: 0 };
  const page = bytes(file);
  row.pages++;
  row.html = Math.max(row.html, page.length);
  row.htmlGz = Math.max(row.htmlGz, gz(page));
  row.cssGz = Math.max(row.cssGz, assetsOf(file, '.css').reduce((sum, f) => sum + gz(bytes(f)), 0));
  row.jsGz = Math.max(row.jsGz, assetsOf(file, '.js').reduce((sum, f) => sum + gz(bytes(f)), 0));
  byType.set(type, row);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`\nBuild and index: ${buildSeconds.toFixed(1)} s (${html.length} HTML pages; Pagefind indexed ${indexLine ?? '?'})`);
console.log(
  `Pages per locale: ${locales.map((l) => `${l} ${html.filter((f) => f.startsWith(`${l}/`)).length}`).join(', ')}`,
);
const pagefindBytes = files.filter((f) => f.startsWith('pagefind/')).reduce((sum, f) => sum + bytes(f).length, 0);
console.log(`Search index (dist/pagefind): ${kb(pagefindBytes)} in ${files.filter((f) => f.startsWith('pagefind/')).length} files\n`);
console.log('| page type | pages | HTML (largest) | HTML gzipped | CSS gzipped | JS gzipped |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [type, row] of [...byType].sort((a, b) => a[0].localeCompare(b[0]))) {
  console.log(`| ${type} | ${row.pages} | ${kb(row.html)} | ${kb(row.htmlGz)} | ${kb(row.cssGz)} | ${kb(row.jsGz)} |`);
}
rmSync(outDir, { recursive: true, force: true });
