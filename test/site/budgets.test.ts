/** Deterministic budgets of the built site: JavaScript per page, one stylesheet, no web fonts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { javascriptBytes as pageJavascriptBytes } from '../support/built-files';
import { testBase } from '../support/build-site';
import { builtPages, siteDir, type BuiltPage } from '../support/site';

/** Gzipped bytes of the JavaScript a page loads: its scripts and every module they import. */
const javascriptBytes = (p: BuiltPage) => pageJavascriptBytes(siteDir(), testBase, p);

/** Reading pages: no island at all (the search page has the search island, the offline page its own). */
const isReadingPage = (p: BuiltPage) => p.root.querySelector('case-quiz, scoring-practice, self-assessment, feedback-talk, site-search, offline-course') === null;

test('pages with the quiz ship at most 6 KB of gzipped JavaScript each', () => {
  const pages = builtPages().filter((p) => p.root.querySelector('case-quiz'));
  expect(pages.map((p) => p.url)).toEqual(expect.arrayContaining(['/onboarding/en/quiz/', '/onboarding/zh-hant/quiz/']));
  for (const p of pages) {
    const bytes = javascriptBytes(p);
    expect(bytes, p.url).toBeGreaterThan(500);
    // The quiz teaches (feedback per choice, summary by level, review, retry missed): issue 20 gives it 6 KB.
    expect(bytes, p.url).toBeLessThanOrEqual(6 * 1024);
  }
});

test('the scoring-practice page (generator and rubric model included) ships at most 4 KB of gzipped JavaScript', () => {
  const pages = builtPages().filter((p) => p.root.querySelector('scoring-practice'));
  expect(pages.map((p) => p.url)).toEqual(expect.arrayContaining(['/onboarding/en/quiz/practice/', '/onboarding/zh-hant/quiz/practice/']));
  for (const p of pages) {
    const bytes = javascriptBytes(p);
    expect(bytes, p.url).toBeGreaterThan(500);
    expect(bytes, p.url).toBeLessThanOrEqual(4096);
  }
});

test('pages with the self-assessment or the review ship at most 4 KB of gzipped JavaScript each', () => {
  const pages = builtPages().filter((p) => p.root.querySelector('self-assessment, feedback-talk'));
  expect(pages.map((p) => p.url)).toEqual(
    expect.arrayContaining(['/onboarding/zh-hant/self-assessment/', '/onboarding/zh-hans/review/', '/onboarding/en/review/']),
  );
  for (const p of pages) {
    const bytes = javascriptBytes(p);
    expect(bytes, p.url).toBeGreaterThan(500);
    expect(bytes, p.url).toBeLessThanOrEqual(4096);
  }
});

test('reading pages ship no JavaScript', () => {
  for (const p of builtPages().filter(isReadingPage)) {
    expect(javascriptBytes(p), p.url).toBe(0);
  }
});

test('no page loads a web font', () => {
  const css = builtPages()
    .flatMap((p) => p.root.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute('href')!))
    .map((href) => readFileSync(join(siteDir(), href.slice(testBase.length)), 'utf8'));
  expect(css.length).toBeGreaterThan(0);
  for (const sheet of css) expect(sheet).not.toMatch(/@font-face|@import/);
});

test('the search page preloads Pagefind’s script, from the site itself, and nothing else', () => {
  for (const p of builtPages().filter((p) => p.root.querySelector('site-search'))) {
    const preloads = p.root.querySelectorAll('link[rel="modulepreload"], link[rel="preload"]').map((l) => l.getAttribute('href')!);
    expect(preloads).toEqual([`${testBase}pagefind/pagefind.js`]);
  }
});

test('every page’s HTML and CSS is at most 40 KB gzipped (the speech at most 60 KB)', () => {
  const cssBytes = new Map<string, number>();
  for (const p of builtPages()) {
    const css = p.root
      .querySelectorAll('link[rel="stylesheet"]')
      .map((l) => l.getAttribute('href')!)
      .reduce((sum, href) => {
        if (!cssBytes.has(href)) cssBytes.set(href, gzipSync(readFileSync(join(siteDir(), href.slice(testBase.length))), { level: 9 }).length);
        return sum + cssBytes.get(href)!;
      }, 0);
    const total = gzipSync(p.html, { level: 9 }).length + css;
    expect(total, p.url).toBeLessThanOrEqual((p.url.endsWith('/speech/') ? 60 : 40) * 1024);
  }
});
