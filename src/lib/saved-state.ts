/**
 * What the quiz and the self-assessment keep in the browser (localStorage, or a downloaded
 * file), and the checks run when it is read back. The checks are hand-written because they
 * ship to the browser, where zod would blow the JavaScript budget; the tests hold them to the
 * zod schemas in src/schemas/saved-state.ts.
 */
import { levelAnswers, type LevelAnswer } from './vocabulary';

export const savedVersion = 1;
export const storageKeys = {
  quiz: 'customer-first/quiz',
  selfAssessment: 'customer-first/self-assessment',
} as const;

/** Where a quiz's progress is kept: the rubric's quiz, or the quiz of one of its levels (guides). */
export const quizStorageKey = (rubric: string, level?: number) => `${storageKeys.quiz}/${rubric}${level ? `/level-${level}` : ''}`;
export const selfAssessmentStorageKey = (rubric: string) => `${storageKeys.selfAssessment}/${rubric}`;

/** Longest note a learner can keep for one level, and longest name or period. */
export const limits = { note: 5000, field: 200, questions: 500 } as const;

export interface QuizAnswer {
  /** The values the learner chose, one per part of the question. */
  choice: string[];
  correct: boolean;
}

export interface QuizProgress {
  version: typeof savedVersion;
  order: string[];
  answers: Record<string, QuizAnswer>;
}

export interface SelfAssessment {
  version: typeof savedVersion;
  rubric: string;
  answers: Record<string, LevelAnswer>;
  notes: Record<string, string>;
  name: string;
  period: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const hasOnly = (v: Record<string, unknown>, keys: string[]) => Object.keys(v).every((k) => keys.includes(k));
const isLevelKey = (k: string) => /^[1-9]$/.test(k);
const every = (v: Record<string, unknown>, test: (key: string, value: unknown) => boolean) =>
  Object.entries(v).every(([k, x]) => test(k, x));

function isQuizAnswer(v: unknown): v is QuizAnswer {
  return (
    isRecord(v) &&
    hasOnly(v, ['choice', 'correct']) &&
    Array.isArray(v.choice) &&
    v.choice.length <= 4 &&
    v.choice.every((c) => isText(c, 40)) &&
    typeof v.correct === 'boolean'
  );
}

/** The quiz progress in `raw`, or undefined when it is not valid progress of this version. */
export function readQuizProgress(raw: unknown): QuizProgress | undefined {
  if (!isRecord(raw) || !hasOnly(raw, ['version', 'order', 'answers']) || raw.version !== savedVersion) return undefined;
  const { order, answers } = raw;
  if (!Array.isArray(order) || order.length > limits.questions || !order.every((id) => isText(id, 120))) return undefined;
  if (!isRecord(answers) || Object.keys(answers).length > limits.questions) return undefined;
  return every(answers, (k, v) => k.length <= 120 && isQuizAnswer(v)) ? (raw as unknown as QuizProgress) : undefined;
}

/** The self-assessment in `raw`, or undefined when it is not a valid one of this version. */
export function readSelfAssessment(raw: unknown): SelfAssessment | undefined {
  if (!isRecord(raw) || !hasOnly(raw, ['version', 'rubric', 'answers', 'notes', 'name', 'period'])) return undefined;
  if (raw.version !== savedVersion || !isText(raw.rubric, limits.field) || raw.rubric === '') return undefined;
  if (!isText(raw.name, limits.field) || !isText(raw.period, limits.field)) return undefined;
  const { answers, notes } = raw;
  if (!isRecord(answers) || !every(answers, (k, v) => isLevelKey(k) && (levelAnswers as readonly unknown[]).includes(v))) return undefined;
  if (!isRecord(notes) || !every(notes, (k, v) => isLevelKey(k) && isText(v, limits.note))) return undefined;
  return raw as unknown as SelfAssessment;
}
