/** The markup contract of the self-assessment: what SelfAssessment.astro renders for self-assessment.ts (a SavedForm) to find. */
import { contract } from '../island-contract';
import { savedFormParts } from '../saved-form-contract';

export const selfAssessment = contract('self-assessment', [
  ...savedFormParts,
  /** The result, which is what prints: whose it is, the score, what would raise it, each level's line. */
  'who',
  'summary',
  'next',
  'levels',
  /** Said once the whole path is done (this is its last step). */
  'finished',
]);
