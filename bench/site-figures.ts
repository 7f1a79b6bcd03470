/** Figures of a built site: pages per locale and bytes per page type (HTML, CSS, JS; gzipped). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { locales } from '../src/lib/i18n/locales.ts';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

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

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
export const gz = (buffer: Buffer | string) => gzipSync(buffer, { level: 9 }).length;

export function siteFigures(outDir: string): string[] {
  const files = walk(outDir).map((file) => relative(outDir, file).split(sep).join('/'));
  const html = files.filter((f) => f.endsWith('.html'));
  const bytes = (file: string) => readFileSync(join(outDir, file));

  /** Files a page loads (CSS, JS and the modules they import), by the URLs in it. */
  function assetsOf(file: string, ext: string): string[] {
    const found = new Set<string>();
    const visit = (text: string) => {
      for (const m of text.matchAll(/(?:href=|src=|from\s*|import\s*)["']([^"']+)["']/g)) {
        const url = m[1]!.replace(/^\//, '').replace(/^.*?_astro\//, '_astro/');
        if (url.endsWith(ext) && files.includes(url) && !found.has(url)) {
          found.add(url);
          visit(bytes(url).toString('utf8'));
        }
      }
    };
    visit(bytes(file).toString('utf8'));
    return [...found];
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
  const index = files.filter((f) => f.startsWith('pagefind/'));
  const lines = [
    `Pages per locale: ${locales.map((l) => `${l} ${html.filter((f) => f.startsWith(`${l}/`)).length}`).join(', ')} (${html.length} HTML files in all)`,
    `Search index (dist/pagefind): ${kb(index.reduce((sum, f) => sum + bytes(f).length, 0))} in ${index.length} files`,
    '',
    '| page type | pages | HTML (largest) | HTML gzipped | CSS gzipped | JS gzipped |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const [type, row] of [...byType].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`| ${type} | ${row.pages} | ${kb(row.html)} | ${kb(row.htmlGz)} | ${kb(row.cssGz)} | ${kb(row.jsGz)} |`);
  }
  return lines;
}
