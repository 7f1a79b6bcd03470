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
import { fill, fillPlural, sentences, type Plural } from './template';
import type { QuizProgress } from './saved-quiz';
import type { SelfAssessment } from './saved-state';
import type { PathStep } from './urls';
import type { LevelAnswer } from './vocabulary';

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

/** Whether `choice` is the right answer to `question`: every part equal to the key's. */
export function isCorrect(question: Pick<CourseQuestion, 'key'>, choice: readonly string[]): boolean {
  return choice.length === question.key.length && choice.every((part, i) => part === question.key[i]);
}

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

export const emptyRecord = (): LearnerRecord => ({ opened: [], quizzes: {}, selfAssessments: {}, interactions: [] });

/** How an item the LMS records as an interaction is known in a learner's record. */
export const itemKey = {
  question: (question: string) => question,
  level: (rubric: string, level: number) => `${rubric}#${level}`,
};

export type StepState = 'done' | 'started' | 'not-started';

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
 * Where the learner stands. A reading step is done once its page has been opened; the quiz once
 * every question is answered; the self-assessment once every level is. The course is completed
 * when every step is done; passed or failed once every graded question is answered.
 */
export function courseStatus(course: Course, record: LearnerRecord): CourseStatus {
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
  const levels = course.selfAssessments.flatMap((sa) => sa.levels.map((l) => record.selfAssessments[sa.rubric]?.answers[l.level]));
  const assessed = levels.filter((answer) => answer !== undefined).length;
  const steps: Record<string, StepState> = {};
  for (const step of course.steps) {
    const opened = record.opened.includes(step.id);
    const [done, of] = step.kind === 'quiz' ? [answered, questions] : step.kind === 'self-assessment' ? [assessed, levels.length] : [opened ? 1 : 0, 1];
    steps[step.id] = opened && done === of ? 'done' : opened || done > 0 ? 'started' : 'not-started';
  }
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
export function levelMastery(course: Course, record: LearnerRecord): LevelMastery[] {
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
