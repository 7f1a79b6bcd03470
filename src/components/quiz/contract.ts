/**
 * The markup contracts of the quiz islands: what CaseQuiz.astro, QuizQuestion.astro and
 * ScoringPractice.astro render for case-quiz.ts and scoring-practice.ts to find. A question's
 * answers are read by field name (lib/form-fields.ts quizFields), never by the order of its fieldsets.
 */
import { contract } from '../island-contract';
import { savedInBrowserParts } from '../saved-form-contract';

export const caseQuiz = contract(
  'case-quiz',
  [
    'status',
    'questions',
    /** One per question, carrying its id as `data-question`. */
    'question',
    'form',
    'feedback',
    'verdict',
    /** Where the choice made parts from the key, in words; and its text. */
    'contrast',
    'contrast-text',
    /** A scenario's explained levels, each with its (hidden) mark for where the learner's score parts from the rule. */
    'reason',
    'parts-mark',
    'by-level',
    'review-due',
    'summary',
    'summary-text',
    'percent',
    'missed',
    'retry-missed',
    'retry',
    /** Deleting the quiz's answers from this browser (SavedInBrowser.astro), after its dialog. */
    ...savedInBrowserParts,
  ],
  ['question'],
);

export const scoringPractice = contract(
  'scoring-practice',
  [
    'deal',
    'status',
    /** The template holding every case of the rubric, each carrying its id as `data-case`. */
    'cases',
    /** In a case's line: the note shown when the dealt record mitigates it. */
    'mitigated',
    'form',
    'record',
    'feedback',
    'verdict',
    'summary',
    'reasons',
  ],
  ['case'],
);
