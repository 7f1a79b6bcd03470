/**
 * What the quiz, the self-assessment and the feedback talk keep in the browser (localStorage, or
 * a downloaded file), and the checks run when it is read back (the quiz's in saved-quiz.ts, so
 * the pages without the quiz do not load it). The checks are hand-written because they
 * ship to the browser, where zod would blow the JavaScript budget; the tests hold them to the
 * zod schemas in src/schemas/saved-state.ts.
 */
import type { LevelAnswer } from './vocabulary';

export const savedVersion = 1;

/** Every key the course keeps in localStorage starts with this. */
const prefix = 'customer-first/';


/** The one place storage keys are made: the islands and the LMS launch page read them from here. */
export const storageKeys = {
  /** A quiz's progress: the rubric's quiz, or the quiz of one of its levels (guide pages). */
  quiz: (rubric: string, level?: number) => `${prefix}quiz/${rubric}${level ? `/level-${level}` : ''}`,
  selfAssessment: (rubric: string) => `${prefix}self-assessment/${rubric}`,
  feedbackTalk: (rubric: string) => `${prefix}feedback-talk/${rubric}`,
  /** The ids of the learning path's steps whose page this browser has opened (a JSON array). */
  opened: `${prefix}opened`,
  /** Whose answers this browser holds, in an LMS package: one learner never reports another's. */
  lmsLearner: `${prefix}lms/learner`,
  /** Where an LMS's saved state this launch cannot read is kept, besides staying in the LMS. */
  lmsSuspendData: `${prefix}lms/suspend-data`,
  /** Where a learner's answers wait while another learner uses the same browser in an LMS. */
  lmsLearnerShelf: (learner: string) => `${prefix}lms/shelf/${encodeURIComponent(learner)}`,
} as const;

/**
 * The keys browser-storage.ts keeps beside the data: apart from storageKeys, whose builders only
 * the build and the LMS launch page use, so that no island page loads them. Those that only a
 * click's module uses are in click-keys.ts, so that no island page loads them either.
 */
export const storageSpace = {
  /** A copy of `key`'s data kept aside at `time` (never deleted for the current data's sake). */
  keptAside: (key: string, time: string) => `${key}/kept-aside/${time}`,
  isKeptAside: (key: string, of: string) => key.startsWith(`${of}/kept-aside/`),
  /** A quiz's spaced-review queue, beside its progress under `quizKey`. */
  quizReview: (quizKey: string) => `${quizKey}/review`,
  /** Written and removed at once, to learn whether the browser takes writes. */
  probe: `${prefix}probe`,
  /** Whether `key` is one of the course's. */
  isCourse: (key: string) => key.startsWith(prefix),
} as const;

/**
 * Longest note a learner or manager can keep for one level, longest name or period, and the
 * largest file the review page reads (a talk on the most levels a rubric can have, every note full, is well under it);
 * the longest note the one-page feedback sheet prints whole (longer ones continue on page 2).
 */
export const limits = { note: 5000, field: 200, questions: 500, fileBytes: 1_000_000, sheetNote: 600 } as const;

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
/**
 * A level's key in saved answers and notes: any one digit, more than a rubric can have (vocabulary.ts maxLevel),
 * on purpose: a file written for other levels still opens, and the levels the rubric lacks are
 * left out and reported one by one (lib/feedback-talk.ts), rather than the whole file refused.
 */
export const isLevelKey = (k: string) => /^[1-9]$/.test(k);
export const every = (v: Record<string, unknown>, test: (key: string, value: unknown) => boolean) =>
  Object.entries(v).every(([k, x]) => test(k, x));
