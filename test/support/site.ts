/** Reads the built site: its pages, parsed, keyed by URL path under the test base. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { inject } from 'vitest';
import type { BuiltPage as Page } from '../../src/lib/link-check';
import { filesUnder, urlOf } from './built-files';
import { testBase } from './build-site';

/** A built page (URL path, e.g. /onboarding/en/speech/, and HTML) with its file and parsed tree. */
export interface BuiltPage extends Page {
  file: string;
  root: HTMLElement;
}

let cache: BuiltPage[] | undefined;

export function siteDir(): string {
  return inject('siteDir');
}

export function builtPages(): BuiltPage[] {
  if (cache) return cache;
  const dir = siteDir();
  cache = filesUnder(dir)
    .filter((rel) => rel.endsWith('.html') && !rel.startsWith('pagefind/'))
    .map((rel) => {
      const file = join(dir, rel);
      const url = urlOf(testBase, rel);
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
