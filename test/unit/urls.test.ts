import { expect, test } from 'vitest';
import { pathInSite, routes } from '../../src/lib/urls';

test('routes end with a slash, so every URL fits the site’s trailing-slash setting', () => {
  const all = Object.values(routes).map((r) => (typeof r === 'function' ? r('x') : r));
  for (const route of all) expect(route === '' || route.endsWith('/'), route).toBe(true);
});

test('pathInSite puts the locale in front, with no base path (Pagefind adds it)', () => {
  expect(pathInSite('en', routes.speech)).toBe('/en/speech/');
  expect(pathInSite('zh-hant', `${routes.speech}#p7`)).toBe('/zh-hant/speech/#p7');
  expect(pathInSite('zh-hans', routes.home)).toBe('/zh-hans/');
});
