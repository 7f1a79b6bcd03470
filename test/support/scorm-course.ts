/**
 * A small hand-made LMS course for the unit tests of src/lib/scorm: two rubrics, five graded
 * questions in all (so the 0.8 pass mark falls exactly on four right), and two self-assessments.
 */
import type { QuizProgress } from '../../src/lib/saved-quiz';
import { quizStorageKey, savedVersion, selfAssessmentStorageKey, type SelfAssessment } from '../../src/lib/saved-state';
import { emptyState, isRight, type LearnerState, type ScormCourse, type ScormVersion } from '../../src/lib/scorm/course';
import type { LevelAnswer } from '../../src/lib/vocabulary';

export const alibaba = 'alibaba-customer-first';
export const jd = 'jd-customer-first';

export const scormCourse = (version: ScormVersion): ScormCourse => ({
  version,
  steps: ['en/index.html', 'en/speech/index.html', 'en/quiz/index.html', 'en/self-assessment/index.html', 'en/summary/index.html'],
  quizStep: 2,
  selfAssessmentStep: 3,
  quizzes: [
    {
      rubric: alibaba,
      storageKey: quizStorageKey(alibaba),
      questions: [
        { id: 'case-alibaba-l1-x', key: ['1', 'falls-short'], title: 'Case question 1: Blaming the customer' },
        { id: 'case-alibaba-l4-photo-shoot', key: ['4', 'meets'], title: 'Case question 2: A photo shoot' },
        { id: 'scenario-1', key: ['2.5'], title: 'Scenario 1' },
        { id: 'scenario-2', key: ['3'], title: 'Scenario 2' },
      ],
    },
    {
      rubric: jd,
      storageKey: quizStorageKey(jd),
      questions: [{ id: 'case-jd-speech-old-suppliers-stay-friends', key: ['2', 'meets'], title: '案例題 1：老供應商仍是朋友' }],
    },
  ],
  selfAssessments: [
    {
      rubric: alibaba,
      storageKey: selfAssessmentStorageKey(alibaba),
      levels: [1, 2, 3, 4, 5].map((level) => ({ level, title: `Level ${level}: a statement of level ${level}` })),
    },
    {
      rubric: jd,
      storageKey: selfAssessmentStorageKey(jd),
      levels: [
        { level: 1, title: 'Level 1: 尊重他人' },
        { level: 2, title: 'Level 2: 微笑面對投訴' },
      ],
    },
  ],
  passMark: 0.8,
});

/** Quiz progress holding `choices` (question id → the parts chosen), marked as the quiz marks them. */
export function quizProgress(course: ScormCourse, quiz: number, choices: Record<string, string[]>): QuizProgress {
  const questions = course.quizzes[quiz]!.questions;
  const answers = Object.fromEntries(
    Object.entries(choices).map(([id, choice]) => [id, { choice, correct: isRight(questions.find((q) => q.id === id)!, choice) }]),
  );
  return { version: savedVersion, order: questions.map((q) => q.id), answers };
}

export function selfAssessment(rubric: string, answers: Record<number, LevelAnswer>, extra: Partial<SelfAssessment> = {}): SelfAssessment {
  return { version: savedVersion, rubric, answers, notes: {}, name: '', period: '', ...extra };
}

/** A choice that differs from `key` in its first part (a level or a score). */
const wrongChoice = (key: string[]) => [key[0] === '5' ? '1' : '5', ...key.slice(1)];

/** Every question answered: `wrong` of them (the first ones) wrongly, the others rightly. */
export function allAnswered(course: ScormCourse, wrong: number): LearnerState['quizzes'] {
  let left = wrong;
  return course.quizzes.map((quiz, i) =>
    quizProgress(
      course,
      i,
      Object.fromEntries(quiz.questions.map((q) => [q.id, left-- > 0 ? wrongChoice(q.key) : q.key])),
    ),
  );
}

/** Every level of every self-assessment answered. */
export const allAssessed = (course: ScormCourse): LearnerState['selfAssessments'] =>
  course.selfAssessments.map((sa) => selfAssessment(sa.rubric, Object.fromEntries(sa.levels.map(({ level }) => [level, level % 2 ? 'no-incident' : 'example']))));

/** A learner who opened every step, answered everything (`wrong` questions wrongly). */
export const finished = (course: ScormCourse, wrong = 0): LearnerState => ({
  ...emptyState(course),
  opened: course.steps.map(() => true),
  quizzes: allAnswered(course, wrong),
  selfAssessments: allAssessed(course),
});
