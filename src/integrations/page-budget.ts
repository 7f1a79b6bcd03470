/**
 * Fails the build when a page's HTML and CSS, gzipped, are over its budget (src/lib/page-budget.ts):
 * a content file pasted in whole (a 2 MB case) would otherwise publish a page of megabytes and an
 * offline download of many more. Runs before the search index and the offline lists are written.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { contentFileOfPage, pageBudgetBytes, pageRawBudgetBytes } from '../lib/page-budget.ts';

const stylesheets = (html: string) =>
  [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\brel="stylesheet"/.test(tag))
    .map((tag) => /\bhref="([^"]+)"/.exec(tag)?.[1])
    .filter((href): href is string => href !== undefined);

export function pageBudget(): AstroIntegration {
  let base = '/';
  return {
    name: 'page-budget',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const gz = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;
        const cssBytes = new Map<string, number>();
        const css = async (href: string) => {
          if (!cssBytes.has(href)) cssBytes.set(href, gz(await readFile(join(outDir, href.slice(base.length)))));
          return cssBytes.get(href)!;
        };
        const pages = (await readdir(outDir, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile() && e.name.endsWith('.html'))
          .map((e) => relative(outDir, join(e.parentPath, e.name)).split(sep).join('/'));
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
        logger.info(`${pages.length} pages within their size budgets`);
      },
    },
  };
}
