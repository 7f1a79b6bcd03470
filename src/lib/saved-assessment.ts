/**
 * The checks of a self-assessment and a feedback talk read back from the browser or a file, apart
 * from saved-state.ts so that pages without those islands (the quiz) do not load them. Tested
 * against the zod schemas in src/schemas/saved-state.ts.
 */
import { levelAnswers } from './vocabulary';
import { every, hasOnly, isLevelKey, isRecord, isText, limits, savedVersion, type Assessment, type FeedbackTalk, type SelfAssessment } from './saved-state';

const isAnswers = (v: unknown) => isRecord(v) && every(v, (k, x) => isLevelKey(k) && (levelAnswers as readonly unknown[]).includes(x));
const isRubricId = (v: unknown): v is string => isText(v, limits.field) && v !== '';

/** Name, period, answers and notes, besides the `extra` keys the caller checks. */
function isAssessment(v: unknown, extra: string[] = []): v is Record<string, unknown> & Assessment {
  return (
    isRecord(v) &&
    hasOnly(v, ['answers', 'notes', 'name', 'period', ...extra]) &&
    isText(v.name, limits.field) &&
    isText(v.period, limits.field) &&
    isAnswers(v.answers) &&
    isRecord(v.notes) &&
    every(v.notes, (k, x) => isLevelKey(k) && isText(x, limits.note))
  );
}

/** The self-assessment in `raw`, or undefined when it is not a valid one of this version. */
export function readSelfAssessment(raw: unknown): SelfAssessment | undefined {
  return isAssessment(raw, ['version', 'rubric']) && raw.version === savedVersion && isRubricId(raw.rubric)
    ? (raw as unknown as SelfAssessment)
    : undefined;
}

/** The feedback talk in `raw`, or undefined when it is not a valid one of this version. */
export function readFeedbackTalk(raw: unknown): FeedbackTalk | undefined {
  if (!isRecord(raw) || !hasOnly(raw, ['version', 'kind', 'rubric', 'self', 'manager', 'agreed'])) return undefined;
  if (raw.version !== savedVersion || raw.kind !== 'feedback-talk' || !isRubricId(raw.rubric)) return undefined;
  const { self, manager, agreed } = raw;
  if (readSelfAssessment(self)?.rubric !== raw.rubric || !isAssessment(manager)) return undefined;
  if (!isRecord(agreed) || !hasOnly(agreed, ['answers', 'nextStep']) || !isAnswers(agreed.answers)) return undefined;
  return isText(agreed.nextStep, limits.note) ? (raw as unknown as FeedbackTalk) : undefined;
}
