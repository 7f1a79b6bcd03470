/**
 * The results page's model of a course (ResultsModel, src/lib/cohort-results.ts): every graded
 * question with the interaction id the packages report it under (src/lib/scorm/report.ts), its
 * key and its page, and each self-assessment level's interaction id. Built at build time from
 * the course model (src/data/results.ts), and by the tests from theirs.
 */
import type { Course } from './course';
import type { ResultsModel } from './cohort-results';
import type { LevelRule } from './rubric-model';
import { interactionId, levelInteractionId } from './scorm/report';

/** The case a question asks about (`case-<case id>`), or undefined for a scoring scenario. */
export const caseOfQuestion = (questionId: string) => /^case-(.+)$/.exec(questionId)?.[1];

/** `rules` by rubric id; `url` gives a question's page (its case's, or the quiz's). */
export function resultsModelOf(course: Course, rules: Record<string, LevelRule[]>, url: (questionId: string) => string): ResultsModel {
  return {
    passMark: course.passMark,
    rubrics: Object.entries(rules).map(([rubric, levels]) => ({
      rubric,
      prefix: interactionId(rubric, ''),
      levelInteractions: Object.fromEntries(levels.map(({ level }) => [level, levelInteractionId(rubric, level)])),
      rules: levels,
      questions: (course.quizzes.find((q) => q.rubric === rubric)?.questions ?? []).map((q) => ({
        id: q.id,
        interaction: interactionId(rubric, q.id),
        key: q.key,
        title: q.title,
        url: url(q.id),
      })),
    })),
  };
}
