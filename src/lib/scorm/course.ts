/**
 * The course as an LMS sees it: the learning path's pages, the graded quiz questions and the
 * self-assessment levels, and how far a learner has come through them. Pure: the package build
 * writes a `ScormCourse` into the launch page, and the launch page's adapter
 * (components/scorm/course-launch.ts) reads the learner's progress from what the quiz and
 * self-assessment keep in the browser.
 */
import type { QuizProgress } from '../saved-quiz';
import type { SelfAssessment } from '../saved-state';

export type ScormVersion = '1.2' | '2004';

/** Each version's name in package file names and URLs. */
export const scormEditions = { '1.2': 'scorm12', '2004': 'scorm2004' } as const satisfies Record<ScormVersion, string>;
export const scormVersions = Object.keys(scormEditions) as ScormVersion[];

/** A package's file name: customer-first-<locale>-scorm12.zip or …-scorm2004.zip. */
export const packageName = (locale: string, version: ScormVersion) => `customer-first-${locale}-${scormEditions[version]}.zip`;

/** Where the package build puts each launch page: /<locale>/<launchRoute>/<edition>/. */
export const launchRoute = 'scorm-launch';

export interface CourseQuestion {
  /** The question's id in the quiz's saved progress. */
  id: string;
  /** The expected value of each part (lib/quiz.ts answerKey). */
  key: string[];
  /** Its heading, for the LMS's report (2004's interaction description). */
  title: string;
}

export interface CourseQuiz {
  rubric: string;
  storageKey: string;
  questions: CourseQuestion[];
}

export interface CourseSelfAssessment {
  rubric: string;
  storageKey: string;
  /** Each level with its statement, for the LMS's report. */
  levels: { level: number; title: string }[];
}

export interface ScormCourse {
  version: ScormVersion;
  /** The learning path's pages, as paths from the package's root (e.g. "en/speech/index.html"). */
  steps: string[];
  /** The steps done by answering rather than by opening: the quiz and the self-assessment pages. */
  quizStep: number;
  selfAssessmentStep: number;
  quizzes: CourseQuiz[];
  selfAssessments: CourseSelfAssessment[];
  /** Share of quiz questions to answer right to pass, 0–1 (the manifest's mastery score). */
  passMark: number;
}

/** What the adapter knows of a learner: the steps opened and what the islands saved. */
export interface LearnerState {
  /** One flag per step of the path: its page has been opened. */
  opened: boolean[];
  /** By quiz index: the saved progress, if any. */
  quizzes: (QuizProgress | undefined)[];
  /** By self-assessment index. */
  selfAssessments: (SelfAssessment | undefined)[];
  /** The interactions reported so far, in the order the LMS numbered them (see interactionKey). */
  interactions: string[];
}

export interface CourseStatus {
  /** Share of the path's steps done, 0–1. */
  progress: number;
  completed: boolean;
  /** Quiz questions answered right, and in all. */
  right: number;
  answered: number;
  questions: number;
  /** Known once every quiz question is answered. */
  passed: boolean | undefined;
}

export const emptyState = (course: ScormCourse): LearnerState => ({
  opened: course.steps.map(() => false),
  quizzes: course.quizzes.map(() => undefined),
  selfAssessments: course.selfAssessments.map(() => undefined),
  interactions: [],
});

/** Whether the learner's answer to `question` is right: the key, part by part. */
export const isRight = (question: CourseQuestion, choice: readonly string[]) => choice.join(' ') === question.key.join(' ');

/**
 * Where the learner stands. A step is done once its page has been opened, except the quiz
 * (every question answered) and the self-assessment (every level answered). The course is
 * completed when every step is done; passed or failed once every quiz question is answered.
 */
export function courseStatus(course: ScormCourse, state: LearnerState): CourseStatus {
  let right = 0;
  let answered = 0;
  let questions = 0;
  course.quizzes.forEach((quiz, i) => {
    for (const q of quiz.questions) {
      const answer = state.quizzes[i]?.answers[q.id];
      questions++;
      if (!answer) continue;
      answered++;
      if (isRight(q, answer.choice)) right++;
    }
  });
  const assessed = course.selfAssessments.every((sa, i) => sa.levels.every(({ level }) => state.selfAssessments[i]?.answers[level] !== undefined));
  const done = course.steps.map((_, step) => {
    if (!state.opened[step]) return false;
    if (step === course.quizStep) return answered === questions;
    if (step === course.selfAssessmentStep) return assessed;
    return true;
  });
  const doneCount = done.filter(Boolean).length;
  return {
    progress: course.steps.length ? doneCount / course.steps.length : 1,
    completed: doneCount === course.steps.length,
    right,
    answered,
    questions,
    passed: questions > 0 && answered === questions ? right / questions >= course.passMark : undefined,
  };
}

/** The key an interaction is known by in the adapter's state: quiz or self-assessment, index, item. */
export const interactionKey = {
  question: (quiz: number, question: number) => `q${quiz}.${question}`,
  level: (selfAssessment: number, level: number) => `a${selfAssessment}.${level}`,
};

/**
 * The interaction order with every answered question and level the order lacks appended, so an
 * item keeps the number the LMS first gave it.
 */
export function withNewInteractions(course: ScormCourse, state: LearnerState): string[] {
  const order = [...state.interactions];
  const seen = new Set(order);
  const add = (key: string) => {
    if (!seen.has(key)) {
      seen.add(key);
      order.push(key);
    }
  };
  course.quizzes.forEach((quiz, i) =>
    quiz.questions.forEach((q, n) => {
      if (state.quizzes[i]?.answers[q.id]) add(interactionKey.question(i, n));
    }),
  );
  course.selfAssessments.forEach((sa, i) =>
    sa.levels.forEach(({ level }) => {
      if (state.selfAssessments[i]?.answers[level] !== undefined) add(interactionKey.level(i, level));
    }),
  );
  return order;
}
