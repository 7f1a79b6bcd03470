/**
 * Whether an answer is right: the one place an answer is marked, for the quiz island, the LMS
 * report and where a learner stands (re-exported by course.ts).
 */
import type { CourseQuestion } from './course';

/** Whether `choice` is the right answer to `question`: every part equal to the key's. */
export function isCorrect(question: Pick<CourseQuestion, 'key'>, choice: readonly string[]): boolean {
  return choice.length === question.key.length && choice.every((part, i) => part === question.key[i]);
}
