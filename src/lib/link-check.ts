/**
 * Finds URLs in built pages that lead nowhere: a missing page or file, a missing anchor, or a
 * path outside the site's base. Every URL-bearing attribute counts (links, stylesheets, scripts,
 * images, media, frames, forms), read from parsed HTML. Pure (pages in, problems out); the build
 * runs it on every page it writes (src/build/link-check.ts).
 */
import { parse, type HTMLElement } from 'node-html-parser';

export interface BuiltPage {
  /** URL path of the page, e.g. /base/en/speech/ */
  url: string;
  html: string;
}

/** Elements and the attributes on them that hold one URL. */
export const urlAttributes: readonly (readonly [selector: string, attribute: string])[] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['source[src]', 'src'],
  ['track[src]', 'src'],
  ['audio[src]', 'src'],
  ['video[src]', 'src'],
  ['video[poster]', 'poster'],
  ['iframe[src]', 'src'],
  ['embed[src]', 'src'],
  ['object[data]', 'data'],
  ['input[src]', 'src'],
  ['form[action]', 'action'],
  ['button[formaction]', 'formaction'],
  ['input[formaction]', 'formaction'],
];
/** Attributes that hold a list of URLs with sizes ("a.png 1x, b.png 2x"). */
export const srcsetAttributes: readonly (readonly [selector: string, attribute: string])[] = [
  ['img[srcset]', 'srcset'],
  ['source[srcset]', 'srcset'],
  ['link[imagesrcset]', 'imagesrcset'],
];

/** Every URL a page names, with the tag that names it. */
function urlsOf(root: HTMLElement): { tag: string; url: string }[] {
  const found: { tag: string; url: string }[] = [];
  for (const [selector, attribute] of urlAttributes) {
    for (const el of root.querySelectorAll(selector)) found.push({ tag: el.rawTagName.toLowerCase(), url: el.getAttribute(attribute)!.trim() });
  }
  for (const [selector, attribute] of srcsetAttributes) {
    for (const el of root.querySelectorAll(selector)) {
      for (const candidate of el.getAttribute(attribute)!.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) found.push({ tag: el.rawTagName.toLowerCase(), url });
      }
    }
  }
  return found;
}

export interface LinkCheckOptions {
  /** The base path every page and file lives under, e.g. /base/ */
  base: string;
  /** The site's origin (e.g. https://intranet.example.com): absolute URLs to it are checked too. */
  site?: string;
  /** Path prefixes (e.g. /base/pagefind/) written after the check runs: only their base path is checked. */
  unchecked?: readonly string[];
}

/**
 * Problems with in-site URLs, each naming the page (and the source file its `data-source`
 * attribute names, if any). `files` holds the URL path of every built file, e.g.
 * /base/en/index.html. Other schemes (mailto:, data:…) and other origins are left alone.
 */
export function brokenLinks(pages: readonly BuiltPage[], files: ReadonlySet<string>, { base, site, unchecked = [] }: LinkCheckOptions): string[] {
  const origin = site ? new URL(site).origin : 'https://site.invalid';
  const parsed = pages.map((p) => ({ ...p, root: parse(p.html) }));
  const ids = new Map(parsed.map((p) => [p.url, new Set(p.root.querySelectorAll('[id]').map((el) => el.id))]));
  const problems: string[] = [];
  for (const page of parsed) {
    const source = page.root.querySelector('[data-source]')?.getAttribute('data-source');
    const where = source ? `${page.url} (${source})` : page.url;
    for (const { tag, url } of urlsOf(page.root)) {
      if (!url) continue;
      const target = new URL(url, `${origin}${page.url}`);
      if (target.origin !== origin) continue;
      const path = decodeURI(target.pathname);
      const anchor = decodeURIComponent(target.hash.slice(1));
      const what = tag === 'a' ? 'link' : `<${tag}> URL`;
      if (!path.startsWith(base)) {
        problems.push(`${where}: ${what} "${url}" leaves the site's base path ${base}`);
      } else if (unchecked.some((prefix) => path.startsWith(prefix))) {
        continue;
      } else if (!files.has(path) && !ids.has(path)) {
        problems.push(`${where}: ${what} "${url}" leads to no ${tag === 'a' || tag === 'form' ? 'page' : 'file'}`);
      } else if (anchor && ids.has(path) && !ids.get(path)!.has(anchor)) {
        problems.push(`${where}: ${what} "${url}" names an anchor that ${path} lacks`);
      }
    }
  }
  return problems;
}
