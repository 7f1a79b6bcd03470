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
import { quizFields, type QuizField } from './form-fields';
import { fingerprint } from './hash';
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

/** A question's key: the expected value of each of its fields (level and verdict, or the score), in the order form-fields.ts gives them. */
export function answerKey(q: Question): string[] {
  const expected: Partial<Record<QuizField, string | number>> = q.kind === 'case' ? q.answer : { score: q.result.score };
  return quizFields[q.kind].map((field) => String(expected[field]));
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

/** Every way to pick `size` items of `list`, in order. */
function combinations<T>(list: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return list.flatMap((first, i) => combinations(list.slice(i + 1), size - 1).map((rest) => [first, ...rest]));
}

/**
 * Code-unit order, the same on every machine. Not localeCompare: it follows the build machine's
 * locale (Danish sorts "aa" after "z"), and the order of a record's cases makes its id.
 */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A record's own words: its cases in order, each marked when mitigated. Its id and rank come from it. */
const recordKey = (record: readonly RecordItem[]) => record.map((r) => `${r.caseId}${r.mitigated ? '~mitigated' : ''}`).join(' ');

/**
 * `count` scoring scenarios of 2 to 4 cases each, chosen so that as many different scores as the
 * cases allow are asked about. Every candidate record is ranked by a fingerprint of its own
 * content, never by a random draw over the whole list, so an id always names the same record (its
 * key changes only with one of its cases, and saved answers are marked again). Removing a case
 * leaves every scenario without it in the quiz; adding or moving one can let a record with that
 * case rank first for its score and take another scenario's place (one to four of six per case
 * added on a 14-case test fixture): that scenario's saved answers are kept, uncounted
 * (lib/course.ts restoreQuiz), never moved onto another question.
 */
export function scenarioQuestions(cases: readonly QuizCase[], levels: readonly LevelRule[], count: number): ScenarioQuestion[] {
  if (count === 0) return [];
  const halfPointLevels = new Set(levels.filter((l) => l.halfPoint).map((l) => l.level));
  const sorted = [...cases].sort((a, b) => a.level - b.level || byCodeUnits(a.id, b.id));
  const byScore = new Map<number, { rank: string; question: ScenarioQuestion }[]>();
  for (const size of [2, 3, 4]) {
    for (const picked of combinations(sorted, size)) {
      const plain = picked.map((c) => c.id).join(' ');
      // Whether a case is mitigated depends on the record it is in, so both kinds of record come up.
      const record = picked.map((c) => ({
        caseId: c.id,
        mitigated: c.verdict === 'falls-short' && halfPointLevels.has(c.level) && parseInt(fingerprint(`${plain}|${c.id}`), 16) % 2 === 1,
      }));
      const key = recordKey(record);
      const answers = answersFromRecord(record, cases, levels);
      const result = scoreRubric(levels, answers);
      const question: ScenarioQuestion = { kind: 'scenario', id: `scenario-${fingerprint(key)}`, record, answers, result, choices: possibleScores(levels) };
      byScore.set(result.score, [...(byScore.get(result.score) ?? []), { rank: fingerprint(`rank|${key}`), question }]);
    }
  }
  // Round-robin over the scores, so the scenarios differ in outcome, not only in cases.
  const groups = [...byScore.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, list]) => list.sort((a, b) => byCodeUnits(a.rank, b.rank) || byCodeUnits(a.question.id, b.question.id)).map((c) => c.question));
  const chosen: ScenarioQuestion[] = [];
  for (let round = 0; chosen.length < count && groups.some((g) => g.length > round); round++) {
    for (const group of groups) if (group[round] && chosen.length < count) chosen.push(group[round]!);
  }
  return chosen;
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
      scenarios,
    ),
  ];
}
