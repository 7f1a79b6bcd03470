/**
 * The rubric model: how a value's levels are scored. Pure TypeScript, imported by the pages at
 * build time and by the quiz and self-assessment islands in the browser, so the rules are
 * written once. The rules themselves are data (each level's evidence and half-point rule in
 * content/rubrics/), so another value's rubric needs a content file, not code.
 *
 * Pass-through: levels are scored from 1 upwards, each worth one point, and the first level
 * that is not fully passed ends the chain; nothing above it counts.
 */
import { fill } from './template';
import { answersByRule, type EvidenceRule, type LevelAnswer } from './vocabulary';

export type { EvidenceRule, LevelAnswer };

export interface LevelRule {
  level: number;
  evidence: EvidenceRule;
  /** Part of the point for a mitigated non-conforming case, where the level allows it. */
  halfPoint?: { points: number } | undefined;
}

export type Answers = Readonly<Record<number, LevelAnswer | undefined>>;

export type Outcome = 'passed' | 'half' | 'failed' | 'unanswered' | 'not-reached';

export interface LevelResult {
  level: number;
  outcome: Outcome;
  points: number;
  /** Why: the answer that decided the outcome, or `blocked` above the level that ended the chain. */
  reason: LevelAnswer | 'unanswered' | 'blocked';
}

export interface ScoreResult {
  score: number;
  maxScore: number;
  levels: LevelResult[];
  /** The level that ended the chain (failed, half or unanswered); undefined when all passed. */
  stoppedAt: number | undefined;
}

export class RubricInputError extends Error {
  constructor(
    readonly code: 'unknown-level' | 'answer-not-allowed' | 'invalid-rubric',
    message: string,
  ) {
    super(message);
    this.name = 'RubricInputError';
  }
}

/** The answers a level's rule allows, in the order a form offers them. */
export function allowedAnswers(rule: LevelRule): LevelAnswer[] {
  return answersByRule[rule.evidence].filter((answer) => answer !== 'mitigated-incident' || rule.halfPoint);
}

function checkRules(levels: readonly LevelRule[]): void {
  levels.forEach((rule, i) => {
    if (rule.level !== i + 1) {
      throw new RubricInputError('invalid-rubric', `levels must run 1, 2, 3 …; found level ${rule.level} at position ${i + 1}`);
    }
  });
}

/** Scores `answers` against the rubric's `levels` (pass-through). Throws RubricInputError on bad input. */
export function scoreRubric(levels: readonly LevelRule[], answers: Answers): ScoreResult {
  checkRules(levels);
  for (const key of Object.keys(answers)) {
    if (!levels.some((rule) => String(rule.level) === key)) {
      throw new RubricInputError('unknown-level', `the rubric has no level ${key}`);
    }
  }
  let score = 0;
  let stoppedAt: number | undefined;
  const results = levels.map((rule): LevelResult => {
    const { level } = rule;
    if (stoppedAt !== undefined) return { level, outcome: 'not-reached', points: 0, reason: 'blocked' };
    const answer = answers[level];
    if (answer === undefined) {
      stoppedAt = level;
      return { level, outcome: 'unanswered', points: 0, reason: 'unanswered' };
    }
    if (!allowedAnswers(rule).includes(answer)) {
      throw new RubricInputError('answer-not-allowed', `level ${level} does not allow the answer "${answer}"`);
    }
    if (answer === 'no-incident' || answer === 'example') {
      score += 1;
      return { level, outcome: 'passed', points: 1, reason: answer };
    }
    stoppedAt = level;
    if (answer === 'mitigated-incident' && rule.halfPoint) {
      score += rule.halfPoint.points;
      return { level, outcome: 'half', points: rule.halfPoint.points, reason: answer };
    }
    return { level, outcome: 'failed', points: 0, reason: answer };
  });
  return { score, maxScore: levels.length, levels: results, stoppedAt };
}

/**
 * Whether `answers` name only the rubric's levels, each with an answer its rule allows, also
 * above where the chain stops (scoring stops looking there, but a form would lose such an answer).
 */
export function answersFit(levels: readonly LevelRule[], answers: Answers): boolean {
  return Object.entries(answers).every(([key, answer]) => {
    const rule = levels.find((r) => String(r.level) === key);
    return rule !== undefined && answer !== undefined && allowedAnswers(rule).includes(answer);
  });
}

/** Every score the rubric can give, ascending: whole points and each level's half point. */
export function possibleScores(levels: readonly LevelRule[]): number[] {
  const scores = new Set<number>([0]);
  levels.forEach((rule, i) => {
    if (rule.halfPoint) scores.add(i + rule.halfPoint.points);
    scores.add(i + 1);
  });
  return [...scores].sort((a, b) => a - b);
}

/**
 * Templates that put a result into words, one set per locale (they live in the UI
 * dictionaries). `{level}`, `{stop}`, `{score}`, `{max}` and `{statement}` are filled in.
 */
export interface ReasonTemplates {
  reasons: Record<LevelResult['reason'], string>;
  summaryAllPassed: string;
  summaryStopped: string;
  summaryUnanswered: string;
  nextIncident: string;
  nextExample: string;
}

export interface Explanation {
  levels: string[];
  summary: string;
  /** What to work on next, when the chain stopped. */
  next: string | undefined;
}

/** Puts a result into words: a reason per level, a summary, and the next thing to work on. */
export function explainScore(
  result: ScoreResult,
  texts: ReasonTemplates,
  statementOf: (level: number) => string,
): Explanation {
  const stop = result.stoppedAt;
  const values = { score: result.score, max: result.maxScore, stop: stop ?? '', statement: stop ? statementOf(stop) : '' };
  const levels = result.levels.map((l) => fill(texts.reasons[l.reason], { ...values, level: l.level }));
  const stopReason = result.levels.find((l) => l.level === stop)?.reason;
  const summary = fill(
    stop === undefined ? texts.summaryAllPassed : stopReason === 'unanswered' ? texts.summaryUnanswered : texts.summaryStopped,
    values,
  );
  const next =
    stopReason === 'no-example'
      ? fill(texts.nextExample, values)
      : stopReason === 'incident' || stopReason === 'mitigated-incident'
        ? fill(texts.nextIncident, values)
        : undefined;
  return { levels, summary, next };
}
