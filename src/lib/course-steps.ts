/**
 * Which steps of the path a learner has done (src/lib/course.ts, which re-exports it): what is
 * known of them, and each step done, started or not. Apart from course.ts and from the quiz's
 * result (course-status.ts), so that the home page's progress island (1 KB at most) loads this
 * and nothing else of the course.
 */
import type { CourseQuestion, CourseStep } from './course';
import type { QuizProgress } from './saved-quiz';
import type { SelfAssessment } from './saved-state';

/**
 * What `stepStates`, `courseStatus` and `levelMastery` read of a course (a Course is one): all an
 * island's config carries to say where a learner stands, and where the islands keep their answers.
 */
export interface CourseOutline {
  steps: CourseStep[];
  quizzes: { id: string; rubric: string; storageKey: string; questions: Pick<CourseQuestion, 'id' | 'key' | 'level'>[] }[];
  selfAssessments: { rubric: string; storageKey: string; levels: { level: number }[] }[];
  /** Share of graded questions to answer right to pass, 0–1. */
  passMark: number;
}

/** What is known of a learner: steps opened and what the islands saved, each by its id. */
export interface LearnerRecord {
  /** Ids of the steps whose page has been opened. */
  opened: string[];
  /** By quiz id. Answers to questions the course no longer has stay in it, uncounted. */
  quizzes: Record<string, QuizProgress>;
  /** By rubric id. */
  selfAssessments: Record<string, SelfAssessment>;
  /** The items reported to an LMS, in the order it numbered them (see `itemKey`). */
  interactions: string[];
}

/** What the browser alone knows of a learner: all but the LMS's numbering. */
export type LearnerState = Omit<LearnerRecord, 'interactions'>;

export type StepState = 'done' | 'started' | 'not-started';

/**
 * Each step of the path done, started or not. A reading step is done once its page has been
 * opened; the quiz once every question is answered; the self-assessment once every level is.
 */
export function stepStates(course: Pick<CourseOutline, 'steps' | 'quizzes' | 'selfAssessments'>, record: LearnerState): Record<string, StepState> {
  const answers = course.quizzes.flatMap((quiz) => quiz.questions.map((q) => record.quizzes[quiz.id]?.answers[q.id]));
  const levels = course.selfAssessments.flatMap((sa) => sa.levels.map((l) => record.selfAssessments[sa.rubric]?.answers[l.level]));
  const steps: Record<string, StepState> = {};
  for (const step of course.steps) {
    const opened = record.opened.includes(step.id);
    const [done, of] =
      step.kind === 'quiz'
        ? [answers.filter(Boolean).length, answers.length]
        : step.kind === 'self-assessment'
          ? [levels.filter((answer) => answer !== undefined).length, levels.length]
          : [opened ? 1 : 0, 1];
    steps[step.id] = opened && done === of ? 'done' : opened || done > 0 ? 'started' : 'not-started';
  }
  return steps;
}
