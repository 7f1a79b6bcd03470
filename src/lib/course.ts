/**
 * The course: what a learner does and what an LMS counts. One tree, built once per locale at
 * build time (src/data/course.ts) and read by the home page, the quiz, the self-assessment, the
 * review page and the LMS launch page; each island's config is a slice of it.
 *
 * Everything in it has an id derived from content, never from its position (Adapt's tracking
 * ids): a step by its route name, a case question by its case, a scoring scenario by its record,
 * a self-assessment level by its rubric and number. A learner's record is keyed by those ids, so
 * a course rebuilt with a case added, moved or removed restores every surviving answer onto its
 * own question, and marks it again against the current key (`isCorrect`, the one place an answer
 * is marked).
 */
import { fingerprint } from './hash';
import { isCorrect } from './is-correct';
import { fill, fillPlural, sentences, type Plural } from './template';
import type { QuizProgress } from './saved-quiz';
import type { PathStep } from './urls';
import type { CourseOutline, LearnerRecord } from './course-steps';
import type { LevelAnswer } from './vocabulary';

// The steps done and how a learner stands have modules of their own, so that each page's island
// loads only what it uses (the home page's is 1 KB at most); they are the course's.
export { stepStates, type CourseOutline, type LearnerRecord, type LearnerState, type StepState } from './course-steps';
export { courseStatus, levelMastery, type CourseStatus, type LevelMastery, type Mastery } from './course-status';

/** Opened (a reading page), or done by answering (the quiz, the self-assessment). */
export type StepKind = 'read' | 'quiz' | 'self-assessment';

export interface CourseStep {
  id: PathStep;
  kind: StepKind;
}

export interface CourseQuestion {
  /** Stable: `case-<case id>`, or `scenario-<fingerprint of its record>`. */
  id: string;
  /** The expected value of each part (level and verdict, or the score), in the order the form asks. */
  key: string[];
  /** Its heading, for an LMS's report. */
  title: string;
  /**
   * The rubric level it exercises, for mastery per level: a case's level, or the level where a
   * scenario's chain stops (none when every level passes). Not part of the key or the version.
   */
  level?: number | undefined;
}

export interface CourseQuiz {
  /** The rubric's id for a rubric's quiz; `<rubric>-level-<n>` for a guide page's one-level quiz. */
  id: string;
  rubric: string;
  storageKey: string;
  /** Changes exactly when a question or a key changes: saved answers carry it. */
  version: string;
  questions: CourseQuestion[];
}

export interface CourseLevel {
  level: number;
  /** "Level n: statement", for an LMS's report. */
  title: string;
  /** The answers the level's rule allows. */
  answers: LevelAnswer[];
}

export interface CourseSelfAssessment {
  rubric: string;
  storageKey: string;
  /** Where the review page keeps the manager's side of the talk on this rubric. */
  reviewStorageKey: string;
  levels: CourseLevel[];
}

export interface Course {
  /** A fingerprint of every id and key below: an LMS's saved state carries it. */
  version: string;
  steps: CourseStep[];
  /** The graded quizzes: one per rubric. */
  quizzes: CourseQuiz[];
  selfAssessments: CourseSelfAssessment[];
  /** Share of graded questions to answer right to pass, 0–1. */
  passMark: number;
}

/*
 * Marking lives in a module of its own (is-correct.ts), so that the pages that only mark (the
 * completion record) do not load the quiz's restoring, nor the quiz page a chunk shared for it.
 */
export { isCorrect } from './is-correct';

/** The part of `course` that says where a learner stands (`courseStatus`, `levelMastery`): an island's config, no more. */
export const courseOutline = ({ steps, quizzes, selfAssessments, passMark }: Course): CourseOutline => ({
  steps,
  quizzes: quizzes.map(({ id, rubric, storageKey, questions }) => ({ id, rubric, storageKey, questions: questions.map(({ id, key, level }) => ({ id, key, level })) })),
  selfAssessments: selfAssessments.map(({ rubric, storageKey, levels }) => ({ rubric, storageKey, levels: levels.map(({ level }) => ({ level })) })),
  passMark,
});

/** The version of a quiz: its questions' ids and keys. */
export const quizVersion = (questions: readonly Pick<CourseQuestion, 'id' | 'key'>[]) =>
  fingerprint(JSON.stringify(questions.map((q) => [q.id, q.key])));

/** The version of a whole course: its steps, its quizzes' versions, its levels and their answers. */
export const courseVersion = (course: Omit<Course, 'version' | 'passMark'>) =>
  fingerprint(
    JSON.stringify([
      course.steps.map((s) => [s.id, s.kind]),
      course.quizzes.map((q) => [q.id, q.version]),
      course.selfAssessments.map((sa) => [sa.rubric, sa.levels.map((l) => [l.level, l.answers])]),
    ]),
  );

export const emptyRecord = (): LearnerRecord => ({ opened: [], quizzes: {}, selfAssessments: {}, interactions: [] });

/** How an item the LMS records as an interaction is known in a learner's record. */
export const itemKey = {
  question: (question: string) => question,
  level: (rubric: string, level: number) => `${rubric}#${level}`,
};

/**
 * The interaction order with every answered question and level it lacks appended, so an item
 * keeps the number the LMS first gave it (also an item the course no longer has).
 */
export function withNewInteractions(course: Course, record: LearnerRecord): string[] {
  const order = [...record.interactions];
  const seen = new Set(order);
  const add = (key: string) => {
    if (!seen.has(key)) {
      seen.add(key);
      order.push(key);
    }
  };
  for (const quiz of course.quizzes) {
    for (const q of quiz.questions) if (record.quizzes[quiz.id]?.answers[q.id]) add(itemKey.question(q.id));
  }
  for (const sa of course.selfAssessments) {
    for (const { level } of sa.levels) if (record.selfAssessments[sa.rubric]?.answers[level] !== undefined) add(itemKey.level(sa.rubric, level));
  }
  return order;
}

/** What restoring saved answers against the current course changed, to tell the learner once. */
export interface RestoreChanges {
  /** Questions whose saved answer is now marked differently (the key changed). */
  remarked: string[];
  /** Saved answers to questions the quiz no longer has: kept, not counted. */
  retired: string[];
  /** Self-assessment answers the rubric no longer allows, by level: dropped for that level only. */
  dropped: { level: number; answer: string }[];
}

export const noChanges = (): RestoreChanges => ({ remarked: [], retired: [], dropped: [] });

/**
 * Saved quiz progress as the current quiz reads it: every answer marked again against the
 * current key, answers to retired questions kept (uncounted), the quiz's version recorded.
 * Changes are reported only when the progress was saved against another version.
 */
export function restoreQuiz(
  quiz: { version: string; questions: readonly Pick<CourseQuestion, 'id' | 'key'>[] },
  saved: QuizProgress,
): { progress: QuizProgress; changes: RestoreChanges } {
  const changes = noChanges();
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const answers: QuizProgress['answers'] = {};
  for (const [id, answer] of Object.entries(saved.answers)) {
    const question = byId.get(id);
    if (!question || answer.choice.length !== question.key.length) {
      changes.retired.push(id);
      answers[id] = answer;
      continue;
    }
    const correct = isCorrect(question, answer.choice);
    if (correct !== answer.correct) changes.remarked.push(id);
    answers[id] = { choice: answer.choice, correct };
  }
  const progress: QuizProgress = { ...saved, answers, keyVersion: quiz.version };
  return { progress, changes: saved.keyVersion === quiz.version ? noChanges() : changes };
}

/*
 * Restoring a self-assessment lives in a module of its own, so that the quiz page, which restores
 * quiz progress only, does not load it (and the self-assessment page does not load the quiz's).
 */
export { restoreSelfAssessment } from './restore-assessment';

/** The words that tell a learner what restoring changed: the quiz's and the LMS launch page's. */
export interface ChangeTexts {
  updated: string;
  /** `{count}` filled in. */
  remarked: Plural;
  retired: Plural;
  /** `{levels}` filled in; absent where levels are told elsewhere. */
  dropped?: string;
}

/** What `changes` mean for the learner, in `lang`; '' when nothing changed for them. */
export function describeChanges(changes: RestoreChanges, texts: ChangeTexts, lang: string, levelName: (level: number) => string, listSeparator: string): string {
  const { remarked, retired, dropped } = changes;
  const parts = [
    remarked.length ? fillPlural(lang, texts.remarked, remarked.length, { count: remarked.length }) : '',
    retired.length ? fillPlural(lang, texts.retired, retired.length, { count: retired.length }) : '',
    dropped.length && texts.dropped ? fill(texts.dropped, { levels: dropped.map(({ level }) => levelName(level)).join(listSeparator) }) : '',
  ];
  return parts.some(Boolean) ? sentences(texts.updated, ...parts) : '';
}
