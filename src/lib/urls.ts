/**
 * Site-internal URLs. Every link goes through here so the site works under any base path
 * (BASE_PATH=/onboarding/ …) and every page has the same route in every locale.
 */
import type { Locale } from './i18n/locales';

/** A route inside a locale: '' for its home, otherwise a path ending in '/', e.g. 'cases/x/'. */
export type Route = string;

function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** `/base/locale/route`, always ending in '/' (the site uses trailing slashes). */
export function localeUrl(base: string, locale: Locale, route: Route = ''): string {
  const clean = route.replace(/^\/+/, '');
  if (clean !== '' && !clean.endsWith('/') && !clean.includes('#')) {
    throw new Error(`route "${route}" must end with "/"`);
  }
  return `${withSlash(base)}${locale}/${clean}`;
}

/** A URL outside the locales (the language chooser, assets): `/base/path`. */
export function siteUrl(base: string, path = ''): string {
  return `${withSlash(base)}${path.replace(/^\/+/, '')}`;
}

export const routes = {
  home: '',
  speech: 'speech/',
  values: 'values/',
  rubrics: 'rubrics/',
  rubric: (id: string) => `rubrics/${id}/`,
  cases: 'cases/',
  casesByVerdict: 'cases/by-verdict/',
  case: (id: string) => `cases/${id}/`,
  glossary: 'glossary/',
  quiz: 'quiz/',
  search: 'search/',
  selfAssessment: 'self-assessment/',
  sources: 'sources/',
  guide: (id: string) => `guides/${id}/`,
} as const;
