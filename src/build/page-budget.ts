/**
 * Fails the build when a page's HTML and CSS, gzipped, are over its budget (src/lib/page-budget.ts):
 * a content file pasted in whole (a 2 MB case) would otherwise publish a page of megabytes and an
 * offline download of many more. Runs before the search index and the offline lists are written.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentFileOfPage, pageBudgetBytes, pageRawBudgetBytes } from '../lib/page-budget.ts';
import { filesUnder } from './files.ts';

const stylesheets = (html: string) =>
  [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\brel="stylesheet"/.test(tag))
    .map((tag) => /\bhref="([^"]+)"/.exec(tag)?.[1])
    .filter((href): href is string => href !== undefined);

const gz = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

/** Checks every page of the site in `outDir` (served under `base`); returns how many, or throws naming each page over and the file to shorten. */
export async function checkPageBudgets(outDir: string, base: string): Promise<number> {
  const cssBytes = new Map<string, number>();
  const css = async (href: string) => {
    if (!cssBytes.has(href)) cssBytes.set(href, gz(await readFile(join(outDir, href.slice(base.length)))));
    return cssBytes.get(href)!;
  };
  const pages = filesUnder(outDir).filter((file) => file.endsWith('.html'));
  const problems: string[] = [];
  for (const file of pages) {
    const html = await readFile(join(outDir, file), 'utf8');
    let bytes = gz(html);
    for (const href of stylesheets(html)) if (href.startsWith(base)) bytes += await css(href);
    const path = file.replace(/(^|\/)index\.html$/, '$1');
    const budget = pageBudgetBytes(path);
    const raw = Buffer.byteLength(html);
    const over =
      bytes > budget
        ? `${Math.ceil(bytes / 1024)} KB of HTML and CSS gzipped, over the page budget of ${budget / 1024} KB`
        : raw > pageRawBudgetBytes(path)
          ? `${Math.ceil(raw / 1024)} KB of HTML, over the page budget of ${pageRawBudgetBytes(path) / 1024} KB before compression`
          : undefined;
    if (over) {
      const from = contentFileOfPage(path);
      problems.push(`${file}: ${over}${from ? `; shorten ${from}` : '; shorten the content it shows'}`);
    }
  }
  if (problems.length) throw new Error(`Pages over their size budget:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return pages.length;
}
