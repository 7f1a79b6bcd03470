import { describe, expect, test } from 'vitest';
import { answersFromRecord, caseQuestions, scenarioQuestions, type QuizCase } from '../../src/lib/quiz';
import { seededRandom, shuffled } from '../../src/lib/random';
import { scoreRubric, type LevelRule } from '../../src/lib/rubric-model';
import { readYaml, yamlEntries } from '../support/content-files';

const levels = (readYaml('rubrics/alibaba-customer-first.yaml') as { levels: LevelRule[] }).levels;
const cases: QuizCase[] = yamlEntries('cases').map((e) => {
  const d = e.data as { level: number; verdict: QuizCase['verdict']; origin: QuizCase['origin'] };
  return { id: e.id, level: d.level, verdict: d.verdict, origin: d.origin };
});

describe('case questions', () => {
  test('one per case, answered by the case itself', () => {
    const questions = caseQuestions(cases);
    expect(questions).toHaveLength(cases.length);
    for (const q of questions) {
      const c = cases.find((x) => `case-${x.id}` === q.id)!;
      expect(q.answer).toEqual({ level: c.level, verdict: c.verdict });
    }
  });
});

describe('answers from a record', () => {
  const l1 = cases.find((c) => c.level === 1 && c.verdict === 'falls-short')!;
  const l2meets = cases.find((c) => c.level === 2 && c.verdict === 'meets')!;
  const l3short = cases.find((c) => c.level === 3 && c.verdict === 'falls-short')!;
  const l4meets = cases.find((c) => c.level === 4 && c.verdict === 'meets')!;

  test('an unmitigated incident at 1 scores 0, a mitigated one 0.5', () => {
    expect(answersFromRecord([{ caseId: l1.id, mitigated: false }], cases, levels)[1]).toBe('incident');
    const mitigated = answersFromRecord([{ caseId: l1.id, mitigated: true }], cases, levels);
    expect(mitigated[1]).toBe('mitigated-incident');
    expect(scoreRubric(levels, mitigated).score).toBe(0.5);
  });

  test('a case that meets level 4 does not count without an example at level 3', () => {
    const answers = answersFromRecord(
      [
        { caseId: l2meets.id, mitigated: false },
        { caseId: l3short.id, mitigated: false },
        { caseId: l4meets.id, mitigated: false },
      ],
      cases,
      levels,
    );
    expect(answers).toEqual({ 1: 'no-incident', 2: 'no-incident', 3: 'no-example', 4: 'example', 5: 'no-example' });
    expect(scoreRubric(levels, answers).score).toBe(2);
  });

  test('an unknown case is an error', () => {
    expect(() => answersFromRecord([{ caseId: 'nope', mitigated: false }], cases, levels)).toThrow(/unknown case/);
  });
});

describe('scoring scenarios', () => {
  const scenarios = scenarioQuestions(cases, levels, { count: 6, seed: 2013 });

  test('are as many as asked, each of 2 to 4 cases, with unique ids', () => {
    expect(scenarios).toHaveLength(6);
    for (const s of scenarios) expect(s.record.length).toBeGreaterThanOrEqual(2), expect(s.record.length).toBeLessThanOrEqual(4);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(6);
  });

  test('carry the score the rubric model gives their record', () => {
    for (const s of scenarios) {
      expect(s.result).toEqual(scoreRubric(levels, answersFromRecord(s.record, cases, levels)));
      expect(s.choices).toContain(s.result.score);
    }
  });

  test('ask about several different scores', () => {
    expect(new Set(scenarios.map((s) => s.result.score)).size).toBeGreaterThanOrEqual(3);
  });

  test('are the same for the same seed', () => {
    expect(scenarioQuestions(cases, levels, { count: 6, seed: 2013 })).toEqual(scenarios);
  });
});

test('shuffled keeps every item and depends only on the seed', () => {
  const list = Array.from({ length: 20 }, (_, i) => i);
  const a = shuffled(list, seededRandom(1));
  expect([...a].sort((x, y) => x - y)).toEqual(list);
  expect(shuffled(list, seededRandom(1))).toEqual(a);
  expect(shuffled(list, seededRandom(2))).not.toEqual(a);
});
