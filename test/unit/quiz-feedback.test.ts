/** The feedback chooser: the contrast for every (chosen level, right level, verdict) and where a score parts from the rule. */
import { describe, expect, test } from 'vitest';
import { chooseCaseFeedback } from '../../src/lib/quiz-feedback';
import { scoreParts } from '../../src/lib/score-parts';
import { possibleScores, scoreRubric, type LevelRule } from '../../src/lib/rubric-model';
import { verdicts } from '../../src/lib/vocabulary';

const levels = [1, 2, 3, 4, 5];

describe('chooseCaseFeedback', () => {
  test('every (chosen level, right level, chosen verdict, right verdict) gets the contrast its difference calls for', () => {
    let checked = 0;
    for (const chosen of levels)
      for (const right of levels)
        for (const chosenVerdict of verdicts)
          for (const rightVerdict of verdicts) {
            const picked = chooseCaseFeedback({ level: chosen, verdict: chosenVerdict }, { level: right, verdict: rightVerdict });
            const verdictToo = chosenVerdict !== rightVerdict;
            if (chosen === right && !verdictToo) expect(picked).toEqual({ kind: 'right' });
            else if (chosen === right) expect(picked).toEqual({ kind: 'verdict', level: right, verdict: rightVerdict });
            else expect(picked).toEqual({ kind: chosen < right ? 'lower' : 'higher', chosen, level: right, verdict: rightVerdict, verdictToo });
            checked++;
          }
    expect(checked).toBe(100);
  });

  test('the two cases content review 3 (Q-2) names: the wrong-number call taken for level 1, night duty for level 5', () => {
    expect(chooseCaseFeedback({ level: 1, verdict: 'falls-short' }, { level: 3, verdict: 'falls-short' })).toEqual({
      kind: 'lower',
      chosen: 1,
      level: 3,
      verdict: 'falls-short',
      verdictToo: false,
    });
    expect(chooseCaseFeedback({ level: 5, verdict: 'meets' }, { level: 2, verdict: 'meets' })).toMatchObject({ kind: 'higher', chosen: 5, level: 2 });
  });
});

describe('scoreParts', () => {
  const rules: LevelRule[] = [
    { level: 1, evidence: 'granted-unless-nonconforming', halfPoint: { points: 0.5 } },
    { level: 2, evidence: 'granted-unless-nonconforming' },
    { level: 3, evidence: 'requires-conforming' },
    { level: 4, evidence: 'requires-conforming' },
    { level: 5, evidence: 'requires-conforming' },
  ];

  test('a worked example: the rule stops at level 3 (2 points)', () => {
    const points = [1, 1, 0, 0, 0];
    expect(scoreParts(points, 2)).toBeUndefined();
    expect(scoreParts(points, 1)).toBe(2);
    expect(scoreParts(points, 0.5)).toBe(1);
    expect(scoreParts(points, 3)).toBe(3);
    expect(scoreParts(points, 4.5)).toBe(3);
  });

  test('for every result the rubric can give and every offered score, the level is the first where the chains differ', () => {
    const results = [
      scoreRubric(rules, { 1: 'incident' }),
      scoreRubric(rules, { 1: 'mitigated-incident' }),
      scoreRubric(rules, { 1: 'no-incident', 2: 'incident' }),
      scoreRubric(rules, { 1: 'no-incident', 2: 'no-incident', 3: 'no-example' }),
      scoreRubric(rules, { 1: 'no-incident', 2: 'no-incident', 3: 'example', 4: 'no-example' }),
      scoreRubric(rules, { 1: 'no-incident', 2: 'no-incident', 3: 'example', 4: 'example', 5: 'no-example' }),
      scoreRubric(rules, { 1: 'no-incident', 2: 'no-incident', 3: 'example', 4: 'example', 5: 'example' }),
    ];
    for (const result of results) {
      const points = result.levels.map((l) => l.points);
      for (const score of possibleScores(rules)) {
        const parts = scoreParts(points, score);
        if (score === result.score) expect(parts).toBeUndefined();
        else {
          expect(parts).toBeDefined();
          // Below the parting level the learner's chain and the rule's give the same whole points.
          for (let l = 1; l < parts!; l++) expect(points[l - 1]).toBe(1);
          expect(Math.max(0, Math.min(1, score - (parts! - 1)))).not.toBe(points[parts! - 1]);
        }
      }
    }
  });
});
