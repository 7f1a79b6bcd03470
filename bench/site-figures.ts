/** Figures of a built site: pages per locale and bytes per page type (HTML, CSS, JS; gzipped). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { locales } from '../src/lib/i18n/locales.ts';
import { filesUnder, gz, javascriptBytes, pageLoads, urlOf } from '../test/support/built-files.ts';

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

export function siteFigures(outDir: string): string[] {
  const files = filesUnder(outDir);
  const html = files.filter((f) => f.endsWith('.html'));
  const bytes = (file: string) => readFileSync(join(outDir, file));
  /** A page as the browser asks for it: the site is built at the root, /. */
  const asPage = (file: string) => {
    const text = bytes(file).toString('utf8');
    return { url: urlOf('/', file), html: text, root: parse(text) };
  };

  const byType = new Map<string, { pages: number; html: number; htmlGz: number; cssGz: number; jsGz: number }>();
  for (const file of html) {
    const type = pageType(file);
    const row = byType.get(type) ?? { pages: 0, html: 0, htmlGz: 0, cssGz: 0, jsGz: 0 };
    const page = bytes(file);
    row.pages++;
    row.html = Math.max(row.html, page.length);
    row.htmlGz = Math.max(row.htmlGz, gz(page));
    const parsed = asPage(file);
    row.cssGz = Math.max(row.cssGz, pageLoads(outDir, '/', parsed).css.reduce((sum, url) => sum + gz(bytes(url.slice(1))), 0));
    row.jsGz = Math.max(row.jsGz, javascriptBytes(outDir, '/', parsed));
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
