/**
 * Spaced review of quiz questions: a question answered (right only once so far, or missed) comes
 * back after 1, then 3, then 7 days; each right answer moves it on, a miss starts it again at 1
 * day, and a right answer after the 7-day one retires it. A fixed schedule does as well as an
 * expanding one (shared/reviews/field-research-1.md). Days are the learner's calendar days, in
 * their time zone, written YYYY-MM-DD, so a review is due from the start of its day, whatever
 * the hour, and a clock set back makes nothing due early.
 */

export const reviewDays = [1, 3, 7] as const;

/** Where a question stands: the calendar day it is due, and which interval comes after it. */
export interface ReviewEntry {
  due: string;
  next: number;
}

/** By question id; a question out of review has no entry (or an undefined one). */
export type ReviewQueue = Record<string, ReviewEntry | undefined>;

/** The calendar day of `date` in the runtime's time zone (the learner's), as YYYY-MM-DD. */
export const localDay = (date = new Date()): string => new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 10);

/** The calendar day `days` after `day` (YYYY-MM-DD), across months and years. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The question's entry after an answer on `today`; undefined once it has passed the 7-day review
 * (or when its saved entry is not one this code wrote: it leaves the queue rather than break it).
 */
export function afterAnswer(entry: ReviewEntry | undefined, correct: boolean, today: string): ReviewEntry | undefined {
  const step = correct ? (entry?.next ?? 0) : 0;
  const days = reviewDays[step];
  return days ? { due: addDays(today, days), next: step + 1 } : undefined;
}

/** The questions of `queue` due on `today` (a day before their due day, as after a clock set back, is not). */
export const dueOn = (queue: ReviewQueue, today: string): string[] => Object.keys(queue).filter((id) => (queue[id]?.due ?? '~') <= today);

/**
 * A saved queue as the browser read it: an object, or an empty queue. Entries are not checked one
 * by one: one that is not a date is never due, and afterAnswer() drops one with an unknown step.
 */
export const readQueue = (value: unknown): ReviewQueue => (value && typeof value === 'object' ? (value as ReviewQueue) : {});
