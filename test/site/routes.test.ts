/**
 * Checks over the whole built site (built under /onboarding/): every page in both locales,
 * right lang, hreflang and canonical, unique ids. (The build fails on a broken link or anchor.)
 */
import { describe, expect, test } from 'vitest';
import { htmlLang, locales } from '../../src/lib/i18n';
import { testBase, testSite } from '../support/build-site';
import { progressPart } from '../support/parts';
import { builtPages, page, type BuiltPage } from '../support/site';

const localePages = (locale: string) => builtPages().filter((p) => p.url.startsWith(`${testBase}${locale}/`));
const routeOf = (p: BuiltPage, locale: string) => p.url.slice(`${testBase}${locale}/`.length);

describe('routes', () => {
  test('every route exists in every locale', () => {
    const [first, ...rest] = locales.map((l) => localePages(l).map((p) => routeOf(p, l)).sort());
    expect(first!.length).toBeGreaterThan(25);
    for (const routes of rest) expect(routes).toEqual(first);
  });

  test.each([
    '',
    'speech/',
    'values/',
    'rubrics/',
    'rubrics/alibaba-customer-first/',
    'cases/',
    'cases/by-verdict/',
    'cases/alibaba-l1-manager-insults-staff/',
    'cases/jd-speech-old-suppliers-stay-friends/',
    'glossary/',
    'self-assessment/',
    'review/',
    'sources/',
    'guides/running-a-session/',
  ])('/%s is built', (route) => {
    for (const locale of locales) expect(() => page(`${testBase}${locale}/${route}`)).not.toThrow();
  });

  test.each(locales)('%s: the manager’s review is linked from the home page’s path and from the self-assessment', (locale) => {
    const review = `${testBase}${locale}/review/`;
    expect(page(`${testBase}${locale}/`).root.querySelectorAll(`${progressPart('path')} a`).map((a) => a.getAttribute('href'))).toContain(review);
    expect(page(`${testBase}${locale}/self-assessment/`).root.querySelectorAll('main a').map((a) => a.getAttribute('href'))).toContain(review);
  });

  test('there is one page per case in each locale', () => {
    const cases = localePages('en').filter((p) => /\/cases\/[^/]+\/$/.test(p.url) && !p.url.endsWith('/by-verdict/'));
    expect(cases.length).toBe(18);
  });
});

describe('language metadata', () => {
  test.each(locales)('%s pages declare their language and their alternates', (locale) => {
    for (const p of localePages(locale)) {
      expect(p.root.querySelector('html')?.getAttribute('lang'), p.url).toBe(htmlLang[locale]);
      const canonical = p.root.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(canonical, p.url).toBe(`${testSite}${p.url}`);
      const route = routeOf(p, locale);
      for (const other of locales) {
        const alternate = p.root.querySelector(`link[rel="alternate"][hreflang="${htmlLang[other]}"]`);
        expect(alternate?.getAttribute('href'), `${p.url} → ${other}`).toBe(`${testSite}${testBase}${other}/${route}`);
      }
      expect(p.root.querySelector('link[rel="alternate"][hreflang="x-default"]')?.getAttribute('href')).toBe(
        `${testSite}${testBase}`,
      );
    }
  });

  test('the language switcher leads to the same page in the other language', () => {
    for (const locale of locales) {
      for (const p of localePages(locale)) {
        const switcher = p.root.querySelectorAll('.language-switcher a');
        expect(switcher.length, p.url).toBe(locales.length - 1);
        for (const link of switcher) {
          const target = link.getAttribute('href')!;
          const lang = link.getAttribute('hreflang');
          const other = locales.find((l) => htmlLang[l] === lang)!;
          expect(target, p.url).toBe(`${testBase}${other}/${routeOf(p, locale)}`);
        }
      }
    }
  });
});

describe('links', () => {
  // Every in-site URL and anchor is checked by the build itself (src/build/link-check.ts).
  test('ids are unique within each page', () => {
    for (const p of builtPages()) {
      const ids = p.root.querySelectorAll('[id]').map((el) => el.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), p.url).toEqual([]);
    }
  });
});

describe('reading pages', () => {

  test('have one h1, a main landmark and a skip link to it', () => {
    for (const p of localePages('en').concat(localePages('zh-hant'))) {
      expect(p.root.querySelectorAll('h1').length, p.url).toBe(1);
      expect(p.root.querySelector('main#main'), p.url).not.toBeNull();
      expect(p.root.querySelector('a.skip-link')?.getAttribute('href'), p.url).toBe('#main');
      expect(p.root.querySelector('header'), p.url).not.toBeNull();
      expect(p.root.querySelector('footer'), p.url).not.toBeNull();
    }
  });

  test('use one stylesheet', () => {
    const sheets = new Set(builtPages().flatMap((p) => p.root.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute('href'))));
    expect(sheets.size).toBe(1);
  });
});

test('the site root lets the reader choose a language', () => {
  const root = page(testBase);
  const links = root.root.querySelectorAll('main a').map((a) => a.getAttribute('href'));
  expect(links).toEqual(locales.map((l) => `${testBase}${l}/`));
});
