/**
 * Selectors for the islands' declared parts (src/components/island-contract.ts): the browser
 * tests find what the scripts find, by the same names, never by a CSS class the styles may rename.
 */
import type { Mastery } from '../../src/lib/course-status';
import type { PathStep } from '../../src/lib/urls';
import { dataSelector, targetSelector, type Contract, type PartOf } from '../../src/components/island-contract';
import { courseCompletion, courseProgress } from '../../src/components/course-progress/contract';
import { feedbackTalk } from '../../src/components/feedback-talk/contract';
import { offlineCourse } from '../../src/components/offline/contract';
import { caseQuiz, scoringPractice } from '../../src/components/quiz/contract';
import { cohortResults } from '../../src/components/results/contract';
import { siteSearch } from '../../src/components/search/contract';
import { selfAssessment } from '../../src/components/self-assessment/contract';

/** `selectorsOf(caseQuiz)('status')` → `[data-target="case-quiz.status"]`. */
export const selectorsOf =
  <C extends Contract>(c: C) =>
  (name: PartOf<C>) =>
    targetSelector(c, name);

export const quizPart = selectorsOf(caseQuiz);
export const practicePart = selectorsOf(scoringPractice);

/** The quiz question whose id (lib/course.ts) is `id`. */
export const quizQuestion = (id: string) => dataSelector(caseQuiz, 'question', id);
export const searchPart = selectorsOf(siteSearch);
export const offlinePart = selectorsOf(offlineCourse);
export const selfAssessmentPart = selectorsOf(selfAssessment);
export const reviewPart = selectorsOf(feedbackTalk);

/* The home page's progress, the completion record and the trainer's results (contracts beside their components). */
export const progressPart = selectorsOf(courseProgress);
/** The link on the path of step `id` (lib/urls.ts learningPath). */
export const progressStep = (id: PathStep) => `${progressPart('step')}${dataSelector(courseProgress, 'step', id)}`;
export const completionPart = selectorsOf(courseCompletion);
/** The completion record's level rows whose mastery (lib/course-status.ts) is `mastery`. */
export const completionLevels = (mastery?: Mastery) => `${completionPart('levels')} li${mastery ? dataSelector(courseCompletion, 'mastery', mastery) : ''}`;
export const resultsPart = selectorsOf(cohortResults);
