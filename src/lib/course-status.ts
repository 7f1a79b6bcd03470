/**
 * How a learner stands in the course (src/lib/course.ts, which re-exports it): each step, the
 * quiz's result against the pass mark, and mastery per level; for the completion record and the
 * LMS. Apart from course.ts so that the pages that do not show them do not load them.
 */
import { isCorrect } from './course';
import { stepStates, type CourseOutline, type LearnerState, type StepState } from './course-steps';

export interface CourseStatus {
  /** By step id. */
  steps: Record<string, StepState>;
  /** Share of the path's steps done, 0–1. */
  progress: number;
  completed: boolean;
  /** Graded questions answered right, answered, and in all (answers to retired questions are not counted). */
  right: number;
  answered: number;
  questions: number;
  /** Known once every graded question is answered. */
  passed: boolean | undefined;
}

/**
 * Where the learner stands: each step (`stepStates`), and the quiz's result. The course is
 * completed when every step is done; passed or failed once every graded question is answered.
 */
export function courseStatus(course: CourseOutline, record: LearnerState): CourseStatus {
  let right = 0;
  let answered = 0;
  let questions = 0;
  for (const quiz of course.quizzes) {
    for (const q of quiz.questions) {
      questions++;
      const answer = record.quizzes[quiz.id]?.answers[q.id];
      if (!answer) continue;
      answered++;
      if (isCorrect(q, answer.choice)) right++;
    }
  }
  const steps = stepStates(course, record);
  const doneCount = Object.values(steps).filter((s) => s === 'done').length;
  return {
    steps,
    progress: course.steps.length ? doneCount / course.steps.length : 1,
    completed: doneCount === course.steps.length,
    right,
    answered,
    questions,
    passed: questions > 0 && answered === questions ? right / questions >= course.passMark : undefined,
  };
}

/** How a learner stands on a level: none of its questions answered, some answered or wrong, all answered right. */
export type Mastery = 'untried' | 'learning' | 'secure';

export interface LevelMastery {
  rubric: string;
  level: number;
  mastery: Mastery;
  /** The level's graded questions answered right (latest answers), and in all. */
  right: number;
  total: number;
}

/**
 * Mastery per rubric level, from the learner's latest answers to the graded questions of that
 * level (case questions and scenarios whose chain stops there); levels with no question are left out.
 */
export function levelMastery(course: CourseOutline, record: LearnerState): LevelMastery[] {
  return course.quizzes.flatMap((quiz) => {
    const levels = [...new Set(quiz.questions.map((q) => q.level).filter((l) => l !== undefined))].sort((a, b) => a - b);
    return levels.map((level) => {
      const questions = quiz.questions.filter((q) => q.level === level);
      const answers = questions.map((q) => record.quizzes[quiz.id]?.answers[q.id] && isCorrect(q, record.quizzes[quiz.id]!.answers[q.id]!.choice));
      const right = answers.filter((a) => a === true).length;
      const answered = answers.filter((a) => a !== undefined).length;
      const mastery: Mastery = answered === 0 ? 'untried' : right === questions.length ? 'secure' : 'learning';
      return { rubric: quiz.rubric, level, mastery, right, total: questions.length };
    });
  });
}
