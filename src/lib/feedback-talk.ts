/**
 * The feedback talk: the employee's self-assessment, the manager's assessment of the same
 * levels under the same rules, and what the two agree. Pure logic for the review page: which
 * file was opened (and why one cannot be), and where the two sides differ with the question the
 * talk should settle there. Scoring itself is the rubric model's.
 */
import { allowedAnswers, type Answers, type LevelRule } from './rubric-model';
import { savedVersion, type FeedbackTalk, type SelfAssessment } from './saved-state';
import { readFeedbackTalk, readSelfAssessment } from './saved-assessment';
import type { EvidenceRule } from './vocabulary';

/** The sides of a talk, in the order the review sheet's columns show them. */
export const talkSides = ['self', 'manager', 'agreed'] as const;

/** A talk that starts from `self`: the manager assesses the same period, and nothing is agreed yet. */
export function talkFrom(self: SelfAssessment): FeedbackTalk {
  return {
    version: savedVersion,
    kind: 'feedback-talk',
    rubric: self.rubric,
    self,
    manager: { name: '', period: self.period, answers: {}, notes: {} },
    agreed: { answers: {}, nextStep: '' },
  };
}

/** A talk on `rubric` before any self-assessment is opened. */
export function emptyTalk(rubric: string): FeedbackTalk {
  return talkFrom({ version: savedVersion, rubric, answers: {}, notes: {}, name: '', period: '' });
}

/** Why a file cannot be opened: each gets its own message on the page. */
export type FileProblem = 'unreadable' | 'other-rubric' | 'newer-version';

export type Opened =
  | {
      ok: true;
      talk: FeedbackTalk;
      /** Levels whose answer (on any side) the rubric does not allow, or which it does not have: left out of `talk`. */
      dropped: number[];
    }
  | { ok: false; problem: FileProblem };

/** `answers` and `notes` without what `rules` do not allow; the levels left out are added to `dropped`. */
function fitting<T extends { answers: SelfAssessment['answers']; notes?: Record<string, string> }>(side: T, rules: readonly LevelRule[], dropped: Set<number>): T {
  const allowed = (level: string, answer?: string) => {
    const rule = rules.find((r) => String(r.level) === level);
    const fits = rule !== undefined && (answer === undefined || (allowedAnswers(rule) as string[]).includes(answer));
    if (!fits) dropped.add(Number(level));
    return fits;
  };
  const answers = Object.fromEntries(Object.entries(side.answers).filter(([level, answer]) => allowed(level, answer)));
  const notes = side.notes && Object.fromEntries(Object.entries(side.notes).filter(([level]) => allowed(level)));
  return { ...side, answers, ...(notes ? { notes } : {}) };
}

/**
 * What a parsed file (or saved work) holds for the talk on `rubric`: a feedback talk, or a
 * self-assessment (also one downloaded before the review page existed). An answer its level's
 * rule does not allow, or a level the rubric does not have, is left out and reported, so the
 * page can say so (the caller keeps the file as it was); without `rules`, nothing is left out.
 */
export function openTalkFile(raw: unknown, rubric: string, rules?: readonly LevelRule[]): Opened {
  const version = (raw as { version?: unknown } | null | undefined)?.version;
  if (typeof version === 'number' && version > savedVersion) return { ok: false, problem: 'newer-version' };
  const saved = readFeedbackTalk(raw);
  const self = saved ? undefined : readSelfAssessment(raw);
  const found = saved ?? (self && talkFrom(self));
  if (!found) return { ok: false, problem: 'unreadable' };
  if (found.rubric !== rubric) return { ok: false, problem: 'other-rubric' };
  if (!rules) return { ok: true, talk: found, dropped: [] };
  const dropped = new Set<number>();
  const talk: FeedbackTalk = {
    ...found,
    self: fitting(found.self, rules, dropped),
    manager: fitting(found.manager, rules, dropped),
    agreed: fitting(found.agreed, rules, dropped),
  };
  return { ok: true, talk, dropped: [...dropped].sort((a, b) => a - b) };
}

/** The question a difference raises: the level's evidence rule, or whether a half point is earned. */
export type TalkQuestion = EvidenceRule | 'half-point';

export interface Difference {
  level: number;
  question: TalkQuestion;
}

/**
 * The levels both sides answered, differently, each with the question the talk should settle,
 * from the level's rule: which case backs it, which case fell short of it, or (where one side
 * claims mitigating circumstances) whether the half point is earned.
 */
export function differences(rules: readonly LevelRule[], self: Answers, manager: Answers): Difference[] {
  return rules.flatMap((rule) => {
    const [a, b] = [self[rule.level], manager[rule.level]];
    if (a === undefined || b === undefined || a === b) return [];
    const halfPoint = rule.halfPoint && (a === 'mitigated-incident' || b === 'mitigated-incident');
    return [{ level: rule.level, question: halfPoint ? 'half-point' : rule.evidence }];
  });
}
