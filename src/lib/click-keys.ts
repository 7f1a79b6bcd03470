/**
 * The keys beside a form's data that only the modules a click loads use (saved-form-actions.ts,
 * review-list.ts): apart from saved-state.ts's storageSpace, whose every property ships with each
 * island's page.
 */
import { storageSpace } from './saved-state';

export const clickSpace = {
  /** Another review the manager keeps beside the open one (`key` the feedback talk's), listed since `time`. */
  listedReview: (key: string, time: string) => `${key}/listed/${time}`,
  isListedReview: (key: string, of: string) => key.startsWith(`${of}/listed/`),
  /**
   * Whether `key` holds any of the data of the form or quiz kept under `of`: the data itself,
   * its copies kept aside, a quiz's review queue, the manager's other reviews. Deleting a form's
   * data from the browser removes every one of them (and no other quiz's, as a level's quiz is not `of`'s).
   */
  isOf: (key: string, of: string) =>
    key === of || storageSpace.isKeptAside(key, of) || key === storageSpace.quizReview(of) || clickSpace.isListedReview(key, of),
};
