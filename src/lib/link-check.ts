/**
 * Finds links between built pages that lead nowhere: a missing page or a missing anchor.
 * Pure (pages in, problems out); the build runs it on every page it writes.
 */

export interface BuiltPage {
  /** URL path of the page, e.g. /base/en/speech/ */
  url: string;
  html: string;
}

const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'g');

/** Problems with internal links, each naming the page (and its source file, if it says). */
export function brokenLinks(pages: readonly BuiltPage[], files: ReadonlySet<string>, base: string): string[] {
  const ids = new Map(pages.map((p) => [p.url, new Set([...p.html.matchAll(attribute('id'))].map((m) => m[1]!))]));
  const problems: string[] = [];
  for (const page of pages) {
    const source = /data-source="([^"]+)"/.exec(page.html)?.[1];
    const where = source ? `${page.url} (${source})` : page.url;
    for (const [, href] of page.html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
      if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
      const target = new URL(href.replace(/&amp;/g, '&'), `https://site.invalid${page.url}`);
      const path = decodeURI(target.pathname);
      const anchor = decodeURIComponent(target.hash.slice(1));
      if (!path.startsWith(base)) {
        problems.push(`${where}: link "${href}" leaves the site's base path ${base}`);
      } else if (!files.has(path) && !ids.has(path)) {
        problems.push(`${where}: link "${href}" leads to no page`);
      } else if (anchor && ids.has(path) && !ids.get(path)!.has(anchor)) {
        problems.push(`${where}: link "${href}" names an anchor that ${path} lacks`);
      }
    }
  }
  return problems;
}
