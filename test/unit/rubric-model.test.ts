import { describe, expect, test } from 'vitest';
import { dictionaries, locales, type Locale } from '../../src/lib/i18n';
import { inLocale } from '../../src/lib/localized';
import {
  RubricInputError,
  allowedAnswers,
  answersFit,
  explainScore,
  possibleScores,
  scoreRubric,
  type Answers,
  type LevelAnswer,
  type LevelRule,
} from '../../src/lib/rubric-model';
import { readYaml } from '../support/content-files';
import { rubricSchema } from '../../src/schemas/content';

/** The rules of 客戶第一 as the content file states them. */
const rubric = rubricSchema.parse(readYaml('rubrics/alibaba-customer-first.yaml'));
const levels: LevelRule[] = rubric.levels;

describe('the Customer First rules come from content', () => {
  test('levels 1 and 2 are granted unless a case falls short; 3 to 5 need a case that meets', () => {
    expect(levels.map((l) => l.evidence)).toEqual([
      'granted-unless-nonconforming',
      'granted-unless-nonconforming',
      'requires-conforming',
      'requires-conforming',
      'requires-conforming',
    ]);
    expect(levels.map((l) => l.halfPoint?.points)).toEqual([0.5, undefined, undefined, undefined, undefined]);
  });

  test('possible scores are 0, 0.5 and the whole points', () => {
    expect(possibleScores(levels)).toEqual([0, 0.5, 1, 2, 3, 4, 5]);
  });
});

describe('the examples of the rubric', () => {
  test('no incidents at 1 and 2, an example at 3, none at 4 gives 3', () => {
    const result = scoreRubric(levels, { 1: 'no-incident', 2: 'no-incident', 3: 'example', 4: 'no-example', 5: 'example' });
    expect(result.score).toBe(3);
    expect(result.stoppedAt).toBe(4);
    expect(result.levels.map((l) => l.outcome)).toEqual(['passed', 'passed', 'passed', 'failed', 'not-reached']);
  });

  test('an incident at 2 gives 1, whatever comes above', () => {
    for (const three of ['example', 'no-example'] as const)
      for (const four of ['example', 'no-example'] as const)
        for (const five of ['example', 'no-example', undefined] as const) {
          const result = scoreRubric(levels, { 1: 'no-incident', 2: 'incident', 3: three, 4: four, 5: five });
          expect(result.score).toBe(1);
          expect(result.levels.slice(2).every((l) => l.outcome === 'not-reached' && l.reason === 'blocked')).toBe(true);
        }
  });

  test('a mitigated incident at 1 gives 0.5 and stops the chain', () => {
    const result = scoreRubric(levels, { 1: 'mitigated-incident', 2: 'no-incident', 3: 'example', 4: 'example', 5: 'example' });
    expect(result.score).toBe(0.5);
    expect(result.levels[0]).toEqual({ level: 1, outcome: 'half', points: 0.5, reason: 'mitigated-incident' });
    expect(result.levels.slice(1).every((l) => l.outcome === 'not-reached')).toBe(true);
  });

  test('every level passed gives 5', () => {
    const result = scoreRubric(levels, { 1: 'no-incident', 2: 'no-incident', 3: 'example', 4: 'example', 5: 'example' });
    expect(result).toMatchObject({ score: 5, maxScore: 5, stoppedAt: undefined });
  });
});

/** Every combination of allowed answers (and no answer) over the five levels. */
function allAnswerSets(): Answers[] {
  return levels.reduce<Answers[]>(
    (sets, rule) =>
      sets.flatMap((set) => [...allowedAnswers(rule), undefined].map((a) => ({ ...set, [rule.level]: a }))),
    [{}],
  );
}

describe('every combination of answers', () => {
  const sets = allAnswerSets();

  test('covers 4 × 3 × 3 × 3 × 3 combinations', () => {
    expect(sets.length).toBe(324);
  });

  test.each(sets.map((s) => [JSON.stringify(s), s] as const))('%s follows pass-through', (_, answers) => {
    const result = scoreRubric(levels, answers);
    const firstMiss = levels.find((r) => answers[r.level] !== 'no-incident' && answers[r.level] !== 'example');
    const stop = firstMiss?.level;
    expect(result.stoppedAt).toBe(stop);
    for (const l of result.levels) {
      if (stop === undefined || l.level < stop) expect(l).toMatchObject({ outcome: 'passed', points: 1 });
      else if (l.level > stop) expect(l).toMatchObject({ outcome: 'not-reached', points: 0, reason: 'blocked' });
      else {
        const answer = answers[l.level];
        const expected = {
          undefined: { outcome: 'unanswered', points: 0 },
          incident: { outcome: 'failed', points: 0 },
          'no-example': { outcome: 'failed', points: 0 },
          'mitigated-incident': { outcome: 'half', points: 0.5 },
        }[String(answer)];
        expect(l).toMatchObject(expected!);
      }
    }
    expect(result.score).toBe(result.levels.reduce((sum, l) => sum + l.points, 0));
    expect(possibleScores(levels)).toContain(result.score);
  });
});

describe('invalid input is a typed error, never a score', () => {
  test.each<[string, Answers, string]>([
    ['an example at a level granted unless an incident', { 1: 'example' }, 'answer-not-allowed'],
    ['a mitigated incident where no half point exists', { 1: 'no-incident', 2: 'mitigated-incident' }, 'answer-not-allowed'],
    ['an incident at a level that needs an example', { 1: 'no-incident', 2: 'no-incident', 3: 'incident' }, 'answer-not-allowed'],
    ['a level above the rubric', { 6: 'example' }, 'unknown-level'],
    ['level zero', { 0: 'no-incident' }, 'unknown-level'],
    ['an answer that is no answer', { 1: 'maybe' as LevelAnswer }, 'answer-not-allowed'],
  ])('%s', (_, answers, code) => {
    expect(answersFit(levels, answers)).toBe(false);
    expect(() => scoreRubric(levels, answers)).toThrow(RubricInputError);
    try {
      scoreRubric(levels, answers);
    } catch (error) {
      expect((error as RubricInputError).code).toBe(code);
    }
  });

  test('answers fit only where every answered level allows its answer, also above where the chain stops', () => {
    expect(answersFit(levels, { 1: 'no-incident', 2: 'incident', 4: 'example' })).toBe(true);
    expect(answersFit(levels, {})).toBe(true);
    // Scoring stops at level 1 and never looks at level 3; a form would have no such answer to show.
    expect(scoreRubric(levels, { 1: 'incident', 3: 'incident' }).score).toBe(0);
    expect(answersFit(levels, { 1: 'incident', 3: 'incident' })).toBe(false);
  });

  test('a rubric whose levels are not 1, 2, 3 … is refused', () => {
    expect(() => scoreRubric([levels[1]!, levels[0]!], {})).toThrow(/levels must run/);
  });
});

describe('explanations, in every locale', () => {
  const statementOf = (locale: Locale) => (level: number) => inLocale(rubric.levels[level - 1]!.statement, locale);

  test.each(locales)('%s: says why the chain stopped and what to work on next', (locale) => {
    const texts = dictionaries[locale].rubricModel;
    const result = scoreRubric(levels, { 1: 'no-incident', 2: 'no-incident', 3: 'no-example' });
    const explained = explainScore(result, texts, statementOf(locale));
    expect(explained.levels).toHaveLength(5);
    expect(explained.summary).toContain('2');
    expect(explained.summary).toContain('3');
    expect(explained.next).toContain(statementOf(locale)(3));
    expect(explained.levels[4]).toContain('3');
    for (const line of [...explained.levels, explained.summary, explained.next!]) expect(line).not.toMatch(/[{}]/);
  });

  test.each(locales)('%s: an incident asks for no more incidents; all passed needs no next step', (locale) => {
    const texts = dictionaries[locale].rubricModel;
    const incident = explainScore(scoreRubric(levels, { 1: 'incident' }), texts, statementOf(locale));
    expect(incident.next).toContain(statementOf(locale)(1));
    expect(incident.next).not.toBe(explainScore(scoreRubric(levels, { 1: 'no-incident', 2: 'no-incident', 3: 'no-example' }), texts, statementOf(locale)).next);
    const all = scoreRubric(levels, { 1: 'no-incident', 2: 'no-incident', 3: 'example', 4: 'example', 5: 'example' });
    expect(explainScore(all, texts, statementOf(locale))).toMatchObject({ next: undefined });
  });
});
