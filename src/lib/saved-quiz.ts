/**
 * The quiz's saved progress and its check, apart from saved-state.ts so that only the quiz's
 * pages load it. Tested against the zod schema in src/schemas/saved-state.ts.
 */
import { every, hasOnly, isRecord, isText, limits, savedVersion } from './saved-state';

export interface QuizAnswer {
  /** The values the learner chose, one per part of the question. */
  choice: string[];
  /** How it was marked when last saved; restoring marks it again against the current key. */
  correct: boolean;
}

export interface QuizProgress {
  version: typeof savedVersion;
  order: string[];
  /** By question id; answers to questions the quiz no longer has are kept, uncounted. */
  answers: Record<string, QuizAnswer>;
  /** The quiz version (lib/course.ts) the answers were last marked against; absent before versions existed. */
  keyVersion?: string;
}

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
  if (!isRecord(raw) || !hasOnly(raw, ['version', 'order', 'answers', 'keyVersion']) || raw.version !== savedVersion) return undefined;
  if (raw.keyVersion !== undefined && !isText(raw.keyVersion, 40)) return undefined;
  const { order, answers } = raw;
  if (!Array.isArray(order) || order.length > limits.questions || !order.every((id) => isText(id, 120))) return undefined;
  if (!isRecord(answers) || Object.keys(answers).length > limits.questions) return undefined;
  return every(answers, (k, v) => k.length <= 120 && isQuizAnswer(v)) ? (raw as unknown as QuizProgress) : undefined;
}
