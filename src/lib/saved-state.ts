/**
 * What the quiz, the self-assessment and the feedback talk keep in the browser (localStorage, or
 * a downloaded file), and the checks run when it is read back (the quiz's in saved-quiz.ts, so
 * the pages without the quiz do not load it). The checks are hand-written because they
 * ship to the browser, where zod would blow the JavaScript budget; the tests hold them to the
 * zod schemas in src/schemas/saved-state.ts.
 */
import { levelAnswers, type LevelAnswer } from './vocabulary';

export const savedVersion = 1;

/** Every key the course keeps in localStorage starts with this. */
const prefix = 'customer-first/';

/** The one place storage keys are made: the islands and the LMS launch page read them from here. */
export const storageKeys = {
  /** A quiz's progress: the rubric's quiz, or the quiz of one of its levels (guide pages). */
  quiz: (rubric: string, level?: number) => `${prefix}quiz/${rubric}${level ? `/level-${level}` : ''}`,
  selfAssessment: (rubric: string) => `${prefix}self-assessment/${rubric}`,
  feedbackTalk: (rubric: string) => `${prefix}feedback-talk/${rubric}`,
  /** Whose answers this browser holds, in an LMS package: one learner never reports another's. */
  lmsLearner: `${prefix}lms/learner`,
  /** Where an LMS's saved state this launch cannot read is kept, besides staying in the LMS. */
  lmsSuspendData: `${prefix}lms/suspend-data`,
  /** Where a learner's answers wait while another learner uses the same browser in an LMS. */
  lmsLearnerShelf: (learner: string) => `${prefix}lms/shelf/${encodeURIComponent(learner)}`,
  /** A copy of `key`'s data kept aside at `time` (never deleted for the current data's sake). */
  keptAside: (key: string, time: string) => `${key}/kept-aside/${time}`,
  isKeptAside: (key: string, of: string) => key.startsWith(`${of}/kept-aside/`),
  /** Written and removed at once, to learn whether the browser takes writes. */
  probe: `${prefix}probe`,
  /** Whether `key` is one of the course's. */
  isCourse: (key: string) => key.startsWith(prefix),
} as const;

/**
 * Longest note a learner or manager can keep for one level, longest name or period, and the
 * largest file the review page reads (a nine-level talk with every note full is well under it).
 */
export const limits = { note: 5000, field: 200, questions: 500, fileBytes: 1_000_000 } as const;

export interface SelfAssessment {
  version: typeof savedVersion;
  rubric: string;
  answers: Record<string, LevelAnswer>;
  notes: Record<string, string>;
  name: string;
  period: string;
}

/** One side's assessment: the self-assessment without its version and rubric, or the manager's. */
export type Assessment = Omit<SelfAssessment, 'version' | 'rubric'>;

/** What the employee and the manager agree in the feedback talk. */
export interface AgreedOutcome {
  answers: Record<string, LevelAnswer>;
  nextStep: string;
}

/** The whole feedback talk, as the review page keeps it and downloads it. */
export interface FeedbackTalk {
  version: typeof savedVersion;
  kind: 'feedback-talk';
  rubric: string;
  /** The self-assessment as the employee downloaded it. */
  self: SelfAssessment;
  manager: Assessment;
  agreed: AgreedOutcome;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
export const hasOnly = (v: Record<string, unknown>, keys: string[]) => Object.keys(v).every((k) => keys.includes(k));
const isLevelKey = (k: string) => /^[1-9]$/.test(k);
export const every = (v: Record<string, unknown>, test: (key: string, value: unknown) => boolean) =>
  Object.entries(v).every(([k, x]) => test(k, x));

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
