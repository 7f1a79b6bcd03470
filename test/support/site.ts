/** Reads the built site: its pages, parsed, keyed by URL path under the test base. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { inject } from 'vitest';
import type { BuiltPage as Page } from '../../src/lib/link-check';
import { testBase } from './build-site';

/** A built page (URL path, e.g. /onboarding/en/speech/, and HTML) with its file and parsed tree. */
export interface BuiltPage extends Page {
  file: string;
  root: HTMLElement;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

let cache: BuiltPage[] | undefined;

export function siteDir(): string {
  return inject('siteDir');
}

export function builtPages(): BuiltPage[] {
  if (cache) return cache;
  const dir = siteDir();
  cache = walk(dir)
    .filter((f) => f.endsWith('.html') && !f.startsWith(join(dir, 'pagefind')))
    .map((file) => {
      const rel = relative(dir, file).split(sep).join('/');
      const url = testBase + (rel === 'index.html' ? '' : rel.replace(/index\.html$/, ''));
      const html = readFileSync(file, 'utf8');
      return { url, file, html, root: parse(html) };
    });
  return cache;
}

export function page(url: string): BuiltPage {
  const found = builtPages().find((p) => p.url === url);
  if (!found) throw new Error(`no built page at ${url}`);
  return found;
}

/** Visible text of a page (scripts and styles left out), whitespace collapsed. */
export function textOf(p: BuiltPage): string {
  const body = parse(p.html).querySelector('body');
  body?.querySelectorAll('script, style').forEach((el) => el.remove());
  return (body?.textContent ?? '').replace(/\s+/g, ' ');
}
