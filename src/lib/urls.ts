/**
 * The site's routes, the same in every locale. Pages turn a route into a URL with
 * `Astro.locals.href(route)` (src/middleware.ts, built on astro:i18n).
 */
import type { Locale } from './i18n/locales';

/** A route inside a locale: '' for its home, otherwise a path ending in '/' (e.g. 'cases/x/'), optionally with '#anchor'. */
export type Route = string;

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
  /** Scoring practice dealt in the browser: its own page, so the graded quiz's script stays small. */
  practice: 'quiz/practice/',
  search: 'search/',
  selfAssessment: 'self-assessment/',
  /** The manager's review: the manager's assessment beside the self-assessment, and the feedback talk. */
  review: 'review/',
  /** The trainer's cohort results: off the learner's path, linked from the trainer guide. */
  results: 'results/',
  /** The learner's record of the path done, to print: filled in from what the browser keeps. */
  completion: 'completion/',
  offline: 'offline/',
  /** What the offline copy answers, with no network, for an address it does not hold. */
  offlineNotSaved: 'offline/not-saved/',
  sources: 'sources/',
  guide: (id: string) => `guides/${id}/`,
} as const;

/** The learning path, in order: the steps the home page lists and an LMS package counts progress by. */
export const learningPath = ['speech', 'values', 'rubrics', 'cases', 'quiz', 'selfAssessment'] as const satisfies readonly (keyof typeof routes)[];
export type PathStep = (typeof learningPath)[number];

/** Where the path goes after its last step: the manager's review and the feedback talk (the home page lists it last). */
export type PathStop = PathStep | 'review';

/**
 * The step of the learning path a page belongs to (a case page to `cases`, a rubric to
 * `rubrics`), the review page as the path's end, or undefined for pages off the path.
 */
export function pathStopOf(route: Route): PathStop | undefined {
  const path = route.split('#')[0]!;
  if (path === routes.review) return 'review';
  return learningPath.find((step) => path.startsWith(routes[step]));
}

/** The stop after `stop` on the path, or undefined at its end. */
export function nextStop(stop: PathStop): PathStop | undefined {
  if (stop === 'review') return undefined;
  return learningPath[learningPath.indexOf(stop) + 1] ?? 'review';
}

/** A route's path from the site's root, without the base path: Pagefind's record URLs, to which it adds the base itself. */
export function pathInSite(locale: Locale, route: Route): string {
  return `/${locale}/${route}`;
}
