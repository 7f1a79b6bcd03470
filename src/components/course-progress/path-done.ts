/**
 * Whether every step of the learning path is done in this browser: the last step's page (the
 * self-assessment) loads this once its own levels are all answered, to say that the path is done.
 */
import { stepStates } from '../../lib/course-steps';
import type { CourseProgressConfig } from './course-progress';
import { readRecord } from './learner-record';

export function pathDone({ course, openedKey }: CourseProgressConfig): boolean {
  try {
    return Object.values(stepStates(course, readRecord(course, openedKey))).every((state) => state === 'done');
  } catch {
    // Saved answers of a shape that cannot be counted: the path is not said to be done.
    return false;
  }
}
