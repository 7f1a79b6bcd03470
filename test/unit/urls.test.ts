import { describe, expect, test } from 'vitest';
import { localeUrl, routes, siteUrl } from '../../src/lib/urls';

describe('localeUrl', () => {
  test('puts the locale under the base, with or without a trailing slash on the base', () => {
    expect(localeUrl('/', 'en', routes.speech)).toBe('/en/speech/');
    expect(localeUrl('/onboarding/', 'zh-hant', routes.case('x'))).toBe('/onboarding/zh-hant/cases/x/');
    expect(localeUrl('/onboarding', 'en')).toBe('/onboarding/en/');
  });

  test('refuses a route without its trailing slash', () => {
    expect(() => localeUrl('/', 'en', 'speech')).toThrow(/must end with/);
  });
});

test('siteUrl joins base and path', () => {
  expect(siteUrl('/onboarding/', '/favicon.svg')).toBe('/onboarding/favicon.svg');
  expect(siteUrl('/')).toBe('/');
});
