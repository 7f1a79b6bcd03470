/**
 * What the build publishes for the offline copy: a list per locale with every page of the locale
 * and its search index (and no other language's), the size it states on the home page, the
 * manifest links, and the service worker registered from the offline page only.
 */
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dictionaries, htmlLang, locales, type Locale } from '../../src/lib/i18n';
import { fill } from '../../src/lib/template';
import { formatSize, offlineListPath, offlineSizeToken, type OfflineList } from '../../src/lib/offline';
import { fileOf, filesUnder, pageLoads } from '../support/built-files';
import { testBase } from '../support/build-site';
import { builtPages, page, siteDir } from '../support/site';

const listOf = (locale: Locale) => JSON.parse(readFileSync(fileOf(siteDir(), testBase, `${testBase}${offlineListPath(locale)}`), 'utf8')) as OfflineList;
/** The file a listed URL names (a page's URL names its index.html; Pagefind's entry is asked for with a version tag). */
const fileOfUrl = (url: string) => fileOf(siteDir(), testBase, url.replace(/\?.*$/, '').replace(/\/$/, '/index.html'));

describe.each(locales)('%s', (locale) => {
  const list = listOf(locale);

  test('the offline list holds every page of the locale, its styles and scripts, and Pagefind with this language’s index only', () => {
    const pages = builtPages().filter((p) => p.url.startsWith(`${testBase}${locale}/`)).map((p) => p.url);
    expect(pages.length).toBeGreaterThan(25);
    expect(list.files).toEqual(expect.arrayContaining(pages));
    expect(list.files.filter((url) => /^[^?]*\/$/.test(url)).sort()).toEqual([...pages].sort());
    const astro = filesUnder(siteDir()).filter((f) => f.startsWith('_astro/')).map((f) => `${testBase}${f}`);
    expect(list.files).toEqual(expect.arrayContaining([...astro, `${testBase}pagefind/pagefind.js`, `${testBase}pagefind/pagefind-worker.js`]));
    const language = htmlLang[locale].toLowerCase();
    const chunks = list.files.filter((url) => /\.pf_(index|fragment|filter|meta)$/.test(url));
    expect(chunks.filter((url) => url.includes('fragment/')).length).toBeGreaterThan(50);
    for (const url of chunks) expect(url).toMatch(new RegExp(`[/.]${language}_[^/]+$`));
    expect(list.files.some((url) => url.includes('pagefind-ui') || url.includes('/404'))).toBe(false);
  });

  test('its size is that of its files, and the home page and the offline page state it', () => {
    expect(list.bytes).toBe(list.files.reduce((sum, url) => sum + statSync(fileOfUrl(url)).size, 0));
    const size = formatSize(list.bytes, htmlLang[locale]);
    const t = dictionaries[locale];
    expect(page(`${testBase}${locale}/`).root.querySelector('.offline-offer button')!.textContent).toBe(fill(t.offline.save, { size }));
    expect(page(`${testBase}${locale}/offline/`).root.querySelector('offline-course p')!.textContent).toBe(`${t.offline.intro} ${fill(t.offline.size, { size })}`);
  });

  test('every page of the locale links its manifest', () => {
    for (const p of builtPages().filter((p) => p.url.startsWith(`${testBase}${locale}/`))) {
      expect(p.root.querySelector('link[rel="manifest"]')?.getAttribute('href'), p.url).toBe(`${testBase}${locale}/manifest.webmanifest`);
    }
  });
});

test('the versions differ between locales and no page is left with the size token', () => {
  expect(new Set(locales.map((l) => listOf(l).version)).size).toBe(locales.length);
  for (const p of builtPages()) expect(p.html.includes(offlineSizeToken), p.url).toBe(false);
});

test('only the offline page’s script registers the service worker, which is published at the base path', () => {
  const registering = builtPages()
    .filter((p) => pageLoads(siteDir(), testBase, p).js.some((url) => readFileSync(fileOf(siteDir(), testBase, url), 'utf8').includes('serviceWorker.register')))
    .map((p) => p.url);
  expect(registering.sort()).toEqual(locales.map((l) => `${testBase}${l}/offline/`).sort());
  expect(readFileSync(fileOf(siteDir(), testBase, `${testBase}sw.js`), 'utf8')).toContain("addEventListener('fetch'");
});
