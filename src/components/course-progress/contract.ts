/**
 * The markup contracts of the path's progress and of the completion record: what
 * CourseProgress.astro and CourseCompletion.astro render for course-progress.ts and
 * course-completion.ts to find.
 */
import { contract } from '../island-contract';

export const courseProgress = contract(
  'course-progress',
  [
    /** Once every step is done (global.css shows it): the way to the completion record. */
    'finished',
    /** Where the learner stands: the "Continue" links. */
    'now',
    /** "Continue: <step>", one per step, carrying its id as `data-step`: the script shows the first step not done. */
    'continue',
    /** The path's list, the manager's review included (not a step). */
    'path',
    /** A step's link on the path, carrying its id as `data-step`; the script sets its `data-state` (lib/course-steps.ts StepState). */
    'step',
    /** Beside a step's link: a word per state, of which global.css shows the one its `data-state` names. */
    'step-state',
  ],
  ['step', 'state'],
);

export const courseCompletion = contract(
  'course-completion',
  [
    /** How far the path is done, or that what the browser keeps cannot be counted. */
    'unfinished',
    /** The record itself, shown once every step is done. */
    'record',
    'name',
    'date',
    'quiz',
    /** One per rubric, carrying its id as `data-rubric`: an item per level, with its `data-mastery`. */
    'levels',
    'print',
  ],
  ['rubric', 'mastery'],
);
