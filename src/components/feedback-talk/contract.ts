/**
 * The markup contract of the manager's review: what FeedbackTalk.astro renders for
 * feedback-talk.ts (a SavedForm) and review-list.ts to find.
 */
import { talkSides } from '../../lib/feedback-talk';
import { contract } from '../island-contract';
import { savedFormParts } from '../saved-form-contract';

export const feedbackTalk = contract(
  'feedback-talk',
  [
    ...savedFormParts,
    'employee',
    /** Whose review is open, and the list of the others kept in this browser (review-list.ts). */
    'current',
    'reviews',
    'review-list',
    'questions',
    'next',
    /** The notes too long for the sheet, printed whole after the signatures. */
    'continued',
    'continued-notes',
    /** Each side's score under the sheet. */
    ...talkSides.map((side) => `summary-${side}` as const),
    /** Per rubric level, each carrying it in `data-level`: the employee's side in the level's section, the sheet's row and its cell per side. */
    'self',
    'row',
    ...talkSides.map((side) => `side-${side}` as const),
  ],
  /** `side`: a sheet cell's column heading, which the narrow layout shows beside it (global.css). */
  ['level', 'side'],
);
