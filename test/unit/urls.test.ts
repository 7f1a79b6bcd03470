import { expect, test } from 'vitest';
import { learningPath, nextStop, pathInSite, pathStopOf, routes, type PathStop } from '../../src/lib/urls';

test('routes end with a slash, so every URL fits the site’s trailing-slash setting', () => {
  const all = Object.values(routes).map((r) => (typeof r === 'function' ? r('x') : r));
  for (const route of all) expect(route === '' || route.endsWith('/'), route).toBe(true);
});

test('pathInSite puts the locale in front, with no base path (Pagefind adds it)', () => {
  expect(pathInSite('en', routes.speech)).toBe('/en/speech/');
  expect(pathInSite('zh-hant', `${routes.speech}#p7`)).toBe('/zh-hant/speech/#p7');
  expect(pathInSite('zh-hans', routes.home)).toBe('/zh-hans/');
});

test('pages belong to the step of their section; pages off the path to none', () => {
  expect(pathStopOf(routes.speech)).toBe('speech');
  expect(pathStopOf(routes.case('alibaba-l1-x'))).toBe('cases');
  expect(pathStopOf(routes.casesByVerdict)).toBe('cases');
  expect(pathStopOf(routes.rubric('alibaba-customer-first'))).toBe('rubrics');
  expect(pathStopOf(`${routes.selfAssessment}#level-2`)).toBe('selfAssessment');
  expect(pathStopOf(routes.review)).toBe('review');
  for (const route of [routes.home, routes.glossary, routes.search, routes.sources, routes.offline, routes.guide('x')]) {
    expect(pathStopOf(route), route).toBeUndefined();
  }
});

test('next follows the learning path to the manager’s review, where it ends', () => {
  const stops: PathStop[] = [];
  for (let stop: PathStop | undefined = learningPath[0]; stop; stop = nextStop(stop)) stops.push(stop);
  expect(stops).toEqual([...learningPath, 'review']);
});
