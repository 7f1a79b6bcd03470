/**
 * A saved self-assessment read against the current rubric (re-exported by course.ts, where the
 * quiz's counterpart, restoreQuiz, lives). Apart from course.ts so that each island page loads only
 * the restoring it does.
 */
import type { CourseLevel, RestoreChanges } from './course';
import type { SelfAssessment } from './saved-state';

/** An answer a level no longer allows is dropped, for that level only. */
export function restoreSelfAssessment(levels: readonly Pick<CourseLevel, 'level' | 'answers'>[], saved: SelfAssessment): { value: SelfAssessment; changes: RestoreChanges } {
  const changes: RestoreChanges = { remarked: [], retired: [], dropped: [] };
  const answers: SelfAssessment['answers'] = {};
  for (const [key, answer] of Object.entries(saved.answers)) {
    const level = levels.find((l) => String(l.level) === key);
    if (level?.answers.includes(answer)) answers[key] = answer;
    else changes.dropped.push({ level: Number(key), answer });
  }
  return { value: { ...saved, answers }, changes };
}
