/**
 * Rewrites a built page for a place whose path is unknown in advance (an LMS package): every
 * in-site URL becomes relative to the page, and a URL of a folder names its index.html (LMSs
 * serve files, not folders). Links to other origins open in a new tab, so the course's frame
 * never leaves the package; `remove` drops what has no place there (links to other locales).
 * Pure: HTML in, HTML out (Astro cannot emit relative URLs itself).
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { srcsetAttributes, urlAttributes } from './link-check';

export interface RelativeOptions {
  /** The base path the site was built under, e.g. / or /onboarding/ */
  base: string;
  /** The page's path from the package root, e.g. en/speech/index.html */
  at: string;
  /** Selectors of elements to drop. */
  remove?: readonly string[];
}

/** A URL relative to the page: no scheme, not from the root, not only an anchor or query. */
const isRelative = (url: string) => url !== '' && !/^(?:[a-z][a-z\d+.-]*:|[/#?])/i.test(url);

/** A URL of a folder (ending in /, or . or ..) as the URL of its index.html; others unchanged. */
export function withIndexFile(url: string): string {
  const [, path = '', rest = ''] = /^([^?#]*)(.*)$/.exec(url) ?? [];
  return path === '.' || path === '..' || path.endsWith('/') ? `${path.replace(/\/?$/, '/')}index.html${rest}` : url;
}

/** `target` (a path from the root, maybe with ?query or #anchor) as seen from the file `from`. */
export function relativeTo(from: string, target: string, { folderIndex }: { folderIndex: boolean }): string {
  const [, path = '', rest = ''] = /^([^?#]*)(.*)$/.exec(target) ?? [];
  const file = folderIndex && (path === '' || path.endsWith('/')) ? `${path}index.html` : path;
  const fromParts = from.split('/').slice(0, -1);
  const toParts = file.split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  const relative = [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
  return `${relative === '' ? './' : relative}${rest}`;
}

/**
 * Sets an attribute to `value` as text: node-html-parser writes a value as raw HTML (quotes aside),
 * where an `&` would start a character reference (a config's "&lt;" would reach the browser as "<").
 */
const setText = (el: HTMLElement, attribute: string, value: string) => el.setAttribute(attribute, value.replace(/&/g, '&amp;'));

export function relativePage(html: string, { base, at, remove = [] }: RelativeOptions): string {
  // <noscript> and <pre> hold markup too (node-html-parser reads them as text by default).
  const root = parse(html, { comment: true, blockTextElements: { script: true, style: true } });
  for (const selector of remove) for (const el of root.querySelectorAll(selector)) el.remove();
  const inSite = (url: string) => url.startsWith(base) && !url.startsWith('//');
  /** An in-site URL from the page; a relative one written in content (../quiz/) naming its folder's index.html. */
  const relative = (url: string) => (inSite(url) ? relativeTo(at, url.slice(base.length), { folderIndex: true }) : isRelative(url) ? withIndexFile(url) : url);
  for (const [selector, attribute] of urlAttributes) {
    for (const el of root.querySelectorAll(selector)) {
      const url = el.getAttribute(attribute)!.trim();
      const rewritten = relative(url);
      if (rewritten !== url) setText(el, attribute, rewritten);
      else if (el.rawTagName.toLowerCase() === 'a' && /^(?:https?:)?\/\//i.test(url)) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener');
      }
    }
  }
  for (const [selector, attribute] of srcsetAttributes) {
    for (const el of root.querySelectorAll(selector)) {
      const candidates = el.getAttribute(attribute)!.split(',').map((candidate) => {
        const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
        return [relative(url), ...descriptors].join(' ');
      });
      setText(el, attribute, candidates.join(', '));
    }
  }
  // Islands' configs name folders (the search bundle) and pages (the results page's links to the
  // cases, under a key `url` or `href`): made relative, resolved against the page, at any depth.
  const relativeConfig = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      return value.startsWith('/') && inSite(value) ? relativeTo(at, value.slice(base.length), { folderIndex: key === 'url' || key === 'href' }) : value;
    }
    if (Array.isArray(value)) return value.map((item) => relativeConfig(item, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relativeConfig(v, k)]));
    return value;
  };
  for (const el of root.querySelectorAll('[data-config]')) {
    const json = el.getAttribute('data-config')!;
    const rewritten = JSON.stringify(relativeConfig(JSON.parse(json), ''));
    if (rewritten !== JSON.stringify(JSON.parse(json))) setText(el, 'data-config', rewritten);
  }
  return root.toString();
}
