/**
 * Built pages rewritten for an LMS package (src/lib/relative-urls.ts): every in-site URL relative
 * to the page, folders as their index.html, other origins in a new tab.
 */
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { relativePage, relativeTo, withIndexFile } from '../../src/lib/relative-urls';

describe('relativeTo', () => {
  const folder = { folderIndex: true };
  test.each([
    ['en/speech/index.html', 'en/quiz/', '../quiz/index.html'],
    ['en/speech/index.html', 'en/speech/#p7', 'index.html#p7'],
    ['en/speech/index.html', 'en/search/?q=客戶#results', '../search/index.html?q=客戶#results'],
    ['en/speech/index.html', '', '../../index.html'],
    ['en/speech/index.html', '_astro/quiz.B1x_9.js', '../../_astro/quiz.B1x_9.js'],
    ['en/cases/alibaba-l1-x/index.html', 'en/', '../../index.html'],
    ['en/index.html', 'en/', 'index.html'],
    ['index.html', 'en/speech/', 'en/speech/index.html'],
    ['index.html', 'favicon.svg', 'favicon.svg'],
    ['en/en/index.html', 'en/quiz/', '../quiz/index.html'],
  ])('from %s to %s: %s', (from, target, expected) => {
    expect(relativeTo(from, target, folder)).toBe(expected);
  });

  test('without folder index a folder stays a folder', () => {
    expect(relativeTo('en/search/index.html', 'pagefind/', { folderIndex: false })).toBe('../../pagefind/');
    expect(relativeTo('en/index.html', 'en/', { folderIndex: false })).toBe('./');
    expect(relativeTo('index.html', '', { folderIndex: false })).toBe('./');
  });
});

test.each([
  ['../quiz/', '../quiz/index.html'],
  ['quiz/?a=1#x', 'quiz/index.html?a=1#x'],
  ['.', './index.html'],
  ['..', '../index.html'],
  ['./', './index.html'],
  ['../speech/#p7', '../speech/index.html#p7'],
  ['image.png', 'image.png'],
  ['../quiz/index.html', '../quiz/index.html'],
])('withIndexFile(%s) is %s', (url, expected) => {
  expect(withIndexFile(url)).toBe(expected);
});

/** The value of `attribute` on the `n`th element `selector` matches, as a browser reads it. */
const attr = (html: string, selector: string, attribute: string, n = 0) => parse(html).querySelectorAll(selector)[n]?.getAttribute(attribute);

describe.each(['/', '/onboarding/'])('relativePage, site built under %s', (base) => {
  const page = (body: string, at = 'en/speech/index.html', remove?: string[]) =>
    relativePage(`<!doctype html><html lang="en"><head><link rel="stylesheet" href="${base}_astro/site.css"></head><body>${body}</body></html>`, { base, at, remove });

  test('links, assets and forms from a nested page', () => {
    const html = page(
      `<a href="${base}en/quiz/">Quiz</a><a href="${base}en/speech/#p7">¶7</a><a href="${base}en/search/?q=%E5%AE%A2#top">Search</a>` +
        `<img src="${base}favicon.svg" alt=""><script type="module" src="${base}_astro/quiz.js"></script><form action="${base}en/search/"><button formaction="${base}en/">Go</button></form>`,
    );
    expect(attr(html, 'link', 'href')).toBe('../../_astro/site.css');
    expect([0, 1, 2].map((n) => attr(html, 'a', 'href', n))).toEqual(['../quiz/index.html', 'index.html#p7', '../search/index.html?q=%E5%AE%A2#top']);
    expect(attr(html, 'img', 'src')).toBe('../../favicon.svg');
    expect(attr(html, 'script', 'src')).toBe('../../_astro/quiz.js');
    expect(attr(html, 'form', 'action')).toBe('../search/index.html');
    expect(attr(html, 'button', 'formaction')).toBe('../index.html');
    expect(html).not.toMatch(/\s(?:href|src|action|formaction)="\//);
  });

  test('from a page at the package root', () => {
    const html = page(`<a href="${base}en/">Home</a><a href="${base}">Languages</a>`, 'index.html');
    expect(attr(html, 'link', 'href')).toBe('_astro/site.css');
    expect([attr(html, 'a', 'href', 0), attr(html, 'a', 'href', 1)]).toEqual(['en/index.html', 'index.html']);
  });

  test('relative links in content name their folder’s index.html; file links and anchors stay', () => {
    const html = page('<a href="../quiz/">Quiz</a><a href="../cases/alibaba-l1-x/#verdict">Case</a><a href="notes.pdf">Notes</a><a href="#p3">¶3</a><a href="?lang=en">?</a>');
    expect([0, 1, 2, 3, 4].map((n) => attr(html, 'a', 'href', n))).toEqual(['../quiz/index.html', '../cases/alibaba-l1-x/index.html#verdict', 'notes.pdf', '#p3', '?lang=en']);
  });

  test('links to other origins open in a new tab; mail links do not', () => {
    const html = page('<a href="https://www.jd.com/">JD</a><a href="HTTP://example.com/">Example</a><a href="//cdn.example.com/x">CDN</a><a href="mailto:hr@example.com">HR</a>');
    for (const n of [0, 1, 2]) {
      expect(attr(html, 'a', 'target', n)).toBe('_blank');
      expect(attr(html, 'a', 'rel', n)).toBe('noopener');
    }
    expect(attr(html, 'a', 'href', 2)).toBe('//cdn.example.com/x');
    expect(attr(html, 'a', 'target', 3)).toBeUndefined();
  });

  test('in-site links in a <noscript> are rewritten as markup, not left as text', () => {
    const html = page(`<noscript><a href="${base}en/quiz/">Quiz without JavaScript</a><img src="${base}_astro/fallback.png" alt=""></noscript>`);
    expect(html).toMatch(/<noscript><a href="\.\.\/quiz\/index\.html">Quiz without JavaScript<\/a><img src="\.\.\/\.\.\/_astro\/fallback\.png" alt(?:="")?><\/noscript>/);
  });

  test('image candidates in srcset are rewritten, their descriptors kept', () => {
    const html = page(`<picture><source srcset="${base}_astro/a.avif 1x, ${base}_astro/a@2.avif 2x" type="image/avif"><img src="${base}_astro/a.png" srcset="${base}_astro/a.png 480w,${base}_astro/b.png 960w" alt=""></picture>`);
    expect(attr(html, 'source', 'srcset')).toBe('../../_astro/a.avif 1x, ../../_astro/a@2.avif 2x');
    expect(attr(html, 'img', 'srcset')).toBe('../../_astro/a.png 480w, ../../_astro/b.png 960w');
  });

  test('data-config: site paths become relative folders, other strings are kept as they were', () => {
    const config = { bundle: `${base}pagefind/`, home: `${base}en/`, label: 'Tom & Jerry &lt;3 "quoted"', other: 'https://example.com/', count: 3, path: '/elsewhere/' };
    const html = page(`<site-search data-config="${JSON.stringify(config).replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"></site-search>`, 'en/search/index.html');
    const read = JSON.parse(attr(html, 'site-search', 'data-config')!) as typeof config;
    expect(read).toEqual({ ...config, bundle: '../../pagefind/', home: '../', path: base === '/' ? '../../elsewhere/' : '/elsewhere/' });
  });

  test('data-config: links to pages at any depth (under url or href) name the page file, as a package needs', () => {
    const config = { questions: [{ id: 'case-a', question: { url: `${base}en/cases/a/`, title: 'A' } }], links: { href: `${base}en/quiz/` }, bundle: `${base}pagefind/` };
    const html = page(`<cohort-results data-config="${JSON.stringify(config).replaceAll('"', '&quot;')}"></cohort-results>`, 'en/results/index.html');
    const read = JSON.parse(attr(html, 'cohort-results', 'data-config')!) as typeof config;
    expect(read).toEqual({ questions: [{ id: 'case-a', question: { url: '../cases/a/index.html', title: 'A' } }], links: { href: '../quiz/index.html' }, bundle: '../../pagefind/' });
  });

  test('a query with & is neither decoded nor escaped twice', () => {
    const html = page(`<a href="${base}en/search/?q=a&amp;lt=1">Search</a>`);
    expect(attr(html, 'a', 'href')).toBe('../search/index.html?q=a&lt=1');
  });

  test('what `remove` selects is dropped, the rest kept', () => {
    const html = relativePage(
      `<html><head><link rel="canonical" href="https://example.com${base}en/speech/"><link rel="alternate" hreflang="zh-Hant" href="${base}zh-hant/speech/"><link rel="icon" href="${base}favicon.svg"></head><body><nav class="language-switcher"><a href="${base}zh-hans/">简</a></nav><p>Kept</p></body></html>`,
      { base, at: 'en/speech/index.html', remove: ['link[rel=alternate]', 'link[rel=canonical]', '.language-switcher'] },
    );
    expect(html).not.toMatch(/canonical|alternate|language-switcher|zh-han/);
    expect(attr(html, 'link', 'href')).toBe('../../favicon.svg');
    expect(html).toContain('<p>Kept</p>');
  });
});

test('under a sub-path, root URLs outside it and protocol-relative ones are not in-site', () => {
  const html = relativePage('<a href="/onboarding">No slash</a><a href="/other/">Other</a><a href="/onboardingx/">Prefix</a>', { base: '/onboarding/', at: 'en/index.html' });
  expect([0, 1, 2].map((n) => attr(html, 'a', 'href', n))).toEqual(['/onboarding', '/other/', '/onboardingx/']);
});
