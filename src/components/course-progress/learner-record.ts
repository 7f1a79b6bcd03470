/**
 * The learner's record as this browser keeps it (lib/course-steps.ts), for the home page's
 * progress and the completion record: the islands' answers under the course's storage keys, and
 * the step pages opened. Reading pages run no script to note that they were opened: the home page
 * notes them (course-progress.ts), and the quiz and the self-assessment, whose islands save only
 * on their own step's page, count as opened once something is saved there. What cannot be read
 * counts as nothing saved (the islands themselves keep it aside); nothing here writes their keys.
 */
import type { CourseOutline, LearnerState } from '../../lib/course-steps';

const stored = (key: string): unknown => {
  try {
    return JSON.parse(localStorage.getItem(key)!);
  } catch {
    return null;
  }
};

const list = (key: string): string[] => {
  const value = stored(key);
  return Array.isArray(value) ? value : [];
};

/** What this browser holds of the learner; `openedKey` is storageKeys.opened. */
export function readRecord(course: CourseOutline, openedKey: string): LearnerState {
  const record: LearnerState = { opened: list(openedKey), quizzes: {}, selfAssessments: {} };
  const keep = (kind: string, into: Record<string, unknown>, id: string, key: string) => {
    const value = stored(key);
    if (value) {
      into[id] = value;
      record.opened.push(course.steps.find((s) => s.kind === kind)!.id);
    }
  };
  for (const q of course.quizzes) keep('quiz', record.quizzes, q.id, q.storageKey);
  for (const sa of course.selfAssessments) keep('self-assessment', record.selfAssessments, sa.rubric, sa.storageKey);
  return record;
}

/** Notes `steps` as opened in this browser (where storage is refused, nothing is noted). */
export function markOpened(openedKey: string, steps: string[]) {
  try {
    localStorage.setItem(openedKey, JSON.stringify([...new Set([...list(openedKey), ...steps])]));
  } catch {
    // The path shows what the browser does hold.
  }
}
