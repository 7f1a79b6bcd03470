/**
 * Quiz questions generated from the case collection (never a hand-written answer key):
 * - a case question asks which level's standard a case concerns and whether it meets it;
 * - a scoring scenario gives one employee's record for an assessment period (several cases, some
 *   mitigated) and asks for the score, which the rubric model computes.
 */
import {
  possibleScores,
  scoreRubric,
  type Answers,
  type LevelAnswer,
  type LevelRule,
  type ScoreResult,
} from './rubric-model';
import { seededRandom, shuffled } from './random';
import type { CaseOrigin, Verdict } from './vocabulary';

/** Scoring scenarios in the full quiz. */
export const defaultScenarioCount = 6;

export interface QuizCase {
  id: string;
  level: number;
  verdict: Verdict;
  origin: CaseOrigin;
}

export interface CaseQuestion {
  kind: 'case';
  id: string;
  caseId: string;
  answer: { level: number; verdict: Verdict };
}

export interface RecordItem {
  caseId: string;
  /** A non-conforming case with mitigating circumstances, from someone with a good record. */
  mitigated: boolean;
}

export interface ScenarioQuestion {
  kind: 'scenario';
  id: string;
  record: RecordItem[];
  answers: Answers;
  result: ScoreResult;
  choices: number[];
}

export type Question = CaseQuestion | ScenarioQuestion;

/** A question's key: the expected value of each of its parts (level and verdict, or the score), in order. */
export function answerKey(q: Question): string[] {
  return q.kind === 'case' ? [String(q.answer.level), q.answer.verdict] : [String(q.result.score)];
}

export function caseQuestions(cases: readonly QuizCase[]): CaseQuestion[] {
  return cases.map((c) => ({ kind: 'case', id: `case-${c.id}`, caseId: c.id, answer: { level: c.level, verdict: c.verdict } }));
}

/** What a record says about each level, by the level's evidence rule. */
export function answersFromRecord(record: readonly RecordItem[], cases: readonly QuizCase[], levels: readonly LevelRule[]): Answers {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const items = record.map((item) => {
    const found = byId.get(item.caseId);
    if (!found) throw new Error(`unknown case "${item.caseId}" in a scenario`);
    return { ...found, mitigated: item.mitigated };
  });
  const answers: Record<number, LevelAnswer> = {};
  for (const rule of levels) {
    const here = items.filter((c) => c.level === rule.level);
    if (rule.evidence === 'requires-conforming') {
      answers[rule.level] = here.some((c) => c.verdict === 'meets') ? 'example' : 'no-example';
    } else {
      const incidents = here.filter((c) => c.verdict === 'falls-short');
      answers[rule.level] =
        incidents.length === 0
          ? 'no-incident'
          : rule.halfPoint && incidents.every((c) => c.mitigated)
            ? 'mitigated-incident'
            : 'incident';
    }
  }
  return answers;
}

/**
 * `count` scoring scenarios of 2 to 4 cases each, drawn with a fixed seed and chosen so that as
 * many different scores as the cases allow are asked about.
 */
export function scenarioQuestions(
  cases: readonly QuizCase[],
  levels: readonly LevelRule[],
  { count, seed }: { count: number; seed: number },
): ScenarioQuestion[] {
  const random = seededRandom(seed);
  const halfPointLevels = new Set(levels.filter((l) => l.halfPoint).map((l) => l.level));
  const byScore = new Map<number, ScenarioQuestion[]>();
  const seen = new Set<string>();
  for (let attempt = 0; attempt < 400 && cases.length >= 2; attempt++) {
    const size = 2 + Math.floor(random() * Math.min(3, cases.length - 1));
    const picked = shuffled(cases, random)
      .slice(0, size)
      .sort((a, b) => a.level - b.level || a.id.localeCompare(b.id));
    const record = picked.map((c) => ({
      caseId: c.id,
      mitigated: c.verdict === 'falls-short' && halfPointLevels.has(c.level) && random() < 0.5,
    }));
    const key = JSON.stringify(record);
    if (seen.has(key)) continue;
    seen.add(key);
    const answers = answersFromRecord(record, cases, levels);
    const result = scoreRubric(levels, answers);
    const question: ScenarioQuestion = {
      kind: 'scenario',
      id: '',
      record,
      answers,
      result,
      choices: possibleScores(levels),
    };
    byScore.set(result.score, [...(byScore.get(result.score) ?? []), question]);
  }
  // Round-robin over the scores, so the scenarios differ in outcome, not only in cases.
  const groups = [...byScore.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list);
  const chosen: ScenarioQuestion[] = [];
  for (let round = 0; chosen.length < count && groups.some((g) => g.length > round); round++) {
    for (const group of groups) if (group[round] && chosen.length < count) chosen.push(group[round]!);
  }
  return chosen.map((q, i) => ({ ...q, id: `scenario-${i + 1}` }));
}

/**
 * The questions of one rubric's quiz: a case question per case (of `level` only, when given),
 * then `scenarios` scoring scenarios (none by default for a one-level quiz). The quiz pages and
 * the home page's counts both come from here.
 */
export function rubricQuiz(
  cases: readonly QuizCase[],
  levels: readonly LevelRule[],
  { level, scenarios = level === undefined ? defaultScenarioCount : 0 }: { level?: number | undefined; scenarios?: number } = {},
): Question[] {
  return [
    ...caseQuestions(cases.filter((c) => level === undefined || c.level === level)),
    // One employee's record is made of the sources' cases only, not of the site's readings.
    ...scenarioQuestions(
      cases.filter((c) => c.origin === 'source'),
      levels,
      { count: scenarios, seed: 2013 },
    ),
  ];
}
