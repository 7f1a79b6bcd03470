/**
 * Reading a built site's files, for the size budgets (test/site/budgets.test.ts) and the bench
 * (bench/site-figures.ts). No Vitest imports, so the bench can use it too.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';

import { filesUnder, urlOf } from '../../src/build/files.ts';

export { filesUnder, urlOf };

/** Every file under `dir` with the SHA-256 of its bytes: two builds are the same site when these are equal. */
export function siteDigest(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((file) => [file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')]));
}

/** Bytes once gzipped at the highest level, as a compressing host would send them. */
export const gz = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

/** Static imports of a module (`import … from "x.js"`, `import "x.js"`); dynamic `import()` loads on demand. */
const importsOf = (code: string) => [...code.matchAll(/(?:from|import)\s*["']([^"']+\.js)["']/g)].map((m) => m[1]!);

/** A built page by its URL path and HTML (and its parsed tree, when the caller has it). */
type LoadedPage = { url: string; html: string; root?: HTMLElement };

/**
 * What a built page loads: its stylesheets, and its scripts (including module preloads) with
 * every module they import, as URL paths, plus the text of its inline scripts. `siteDir` holds
 * the build, whose URLs start with `base`.
 */
export function pageLoads(siteDir: string, base: string, page: LoadedPage) {
  const root = page.root ?? parse(page.html);
  const resolve = (spec: string, from: string) => new URL(spec, `http://site.invalid${from}`).pathname;
  const js = new Set<string>();
  const visit = (url: string) => {
    if (js.has(url)) return;
    js.add(url);
    for (const spec of importsOf(readFileSync(fileOf(siteDir, base, url), 'utf8'))) visit(resolve(spec, url));
  };
  const inline: string[] = [];
  for (const script of root.querySelectorAll('script')) {
    const src = script.getAttribute('src');
    if (src) visit(resolve(src, page.url));
    else {
      inline.push(script.textContent);
      for (const spec of importsOf(script.textContent)) visit(resolve(spec, page.url));
    }
  }
  for (const preload of root.querySelectorAll('link[rel="modulepreload"]')) visit(resolve(preload.getAttribute('href')!, page.url));
  const css = root.querySelectorAll('link[rel="stylesheet"]').map((link) => resolve(link.getAttribute('href')!, page.url));
  return { css: [...new Set(css)], js: [...js], inline };
}

/** The file a site URL path (under `base`) names. */
export const fileOf = (siteDir: string, base: string, url: string) => join(siteDir, decodeURI(url).slice(base.length));

/** Gzipped bytes of the JavaScript a page loads: its scripts and every module they import. */
export function javascriptBytes(siteDir: string, base: string, page: LoadedPage): number {
  const { js, inline } = pageLoads(siteDir, base, page);
  return js.reduce((sum, url) => sum + gz(readFileSync(fileOf(siteDir, base, url))), 0) + inline.reduce((sum, code) => sum + gz(code), 0);
}
