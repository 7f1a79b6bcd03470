/**
 * The quiz's questions (src/lib/quiz.ts), made from fixture cases (not content/): one question per
 * case; scoring scenarios whose keys are the rubric's score of their record and whose ids come
 * from their record, so a republished course keeps them when unrelated cases come and go.
 */
import { describe, expect, test } from 'vitest';
import { answerKey, answersFromRecord, caseQuestions, rubricQuiz, scenarioQuestions, type QuizCase, type RecordItem, type ScenarioQuestion } from '../../src/lib/quiz';
import { seededRandom, shuffled } from '../../src/lib/random';
import { possibleScores, scoreRubric, type LevelRule } from '../../src/lib/rubric-model';
import { alibabaRules as rules, fixtureCases } from '../support/course';

const sources = fixtureCases.filter((c) => c.origin === 'source');
/** More source cases, so that some cases are in no scenario (few enough to keep the generator quick). */
const many: QuizCase[] = [
  ...sources,
  { id: 'alibaba-l1-hung-up-on-a-buyer', level: 1, verdict: 'falls-short', origin: 'source' },
  { id: 'alibaba-l2-late-refund', level: 2, verdict: 'falls-short', origin: 'source' },
  { id: 'alibaba-l3-stayed-late-to-fix-it', level: 3, verdict: 'meets', origin: 'source' },
  { id: 'alibaba-l5-changed-the-process', level: 5, verdict: 'meets', origin: 'source' },
];
const caseIn = (s: ScenarioQuestion, id: string) => s.record.some((r) => r.caseId === id);

/**
 * The score of a record, worked out by hand from the rubric's rules (independent of the rubric
 * model): levels pass from 1 upwards; a level kept unless a case falls short stops the chain at
 * its first unmitigated incident, or gives its half point when every incident is mitigated; a
 * level won by an example stops the chain without one.
 */
function scoreByHand(record: readonly RecordItem[], cases: readonly QuizCase[], levels: readonly LevelRule[]): number {
  let score = 0;
  for (const rule of levels) {
    const here = record.map((r) => ({ ...cases.find((c) => c.id === r.caseId)!, mitigated: r.mitigated })).filter((c) => c.level === rule.level);
    if (rule.evidence === 'requires-conforming') {
      if (!here.some((c) => c.verdict === 'meets')) return score;
    } else {
      const incidents = here.filter((c) => c.verdict === 'falls-short');
      if (incidents.length > 0) return rule.halfPoint && incidents.every((c) => c.mitigated) ? score + rule.halfPoint.points : score;
    }
    score += 1;
  }
  return score;
}

describe('case questions', () => {
  test('one per case, its id from the case, its key the case’s level and verdict', () => {
    const questions = caseQuestions(fixtureCases);
    expect(questions.map((q) => q.id)).toEqual(fixtureCases.map((c) => `case-${c.id}`));
    expect(answerKey(questions[0]!)).toEqual(['1', 'falls-short']);
    expect(answerKey(questions[3]!)).toEqual(['2', 'meets']);
  });
});

describe('answers from a record', () => {
  const [l1Short, , l2Short, l2Meets, l3Meets, l3Short, l4Meets] = sources.map((c) => c.id) as string[];
  const item = (caseId: string, mitigated = false) => ({ caseId: caseId!, mitigated });

  test('an unmitigated incident at 1 scores 0, a mitigated one 0.5; a level without a half point has no mitigation', () => {
    expect(answersFromRecord([item(l1Short!)], sources, rules)[1]).toBe('incident');
    const mitigated = answersFromRecord([item(l1Short!, true)], sources, rules);
    expect(mitigated[1]).toBe('mitigated-incident');
    expect(scoreRubric(rules, mitigated).score).toBe(0.5);
    expect(answersFromRecord([item(l2Short!, true)], sources, rules)[2]).toBe('incident');
  });

  test('a case that meets level 4 does not count without an example at level 3', () => {
    const answers = answersFromRecord([item(l2Meets!), item(l3Short!), item(l4Meets!)], sources, rules);
    expect(answers).toEqual({ 1: 'no-incident', 2: 'no-incident', 3: 'no-example', 4: 'example', 5: 'no-example' });
    expect(scoreRubric(rules, answers).score).toBe(2);
    expect(scoreRubric(rules, answersFromRecord([item(l3Meets!), item(l4Meets!)], sources, rules)).score).toBe(4);
  });

  test('an unknown case is an error', () => {
    expect(() => answersFromRecord([item('nope')], sources, rules)).toThrow(/unknown case/);
  });
});

describe('scoring scenarios', () => {
  const scenarios = scenarioQuestions(sources, rules, 6);

  test('are as many as asked, each of 2 to 4 different cases, with unique ids made from their record', () => {
    expect(scenarios).toHaveLength(6);
    for (const s of scenarios) {
      expect(s.record.length).toBeGreaterThanOrEqual(2);
      expect(s.record.length).toBeLessThanOrEqual(4);
      expect(new Set(s.record.map((r) => r.caseId)).size).toBe(s.record.length);
      expect(s.id).toMatch(/^scenario-[0-9a-f]{8}$/);
      expect(s.choices).toEqual(possibleScores(rules));
    }
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(6);
    expect(scenarioQuestions(sources, rules, 0)).toEqual([]);
  });

  test('every key is the score the rubric gives the record, worked out by hand', () => {
    for (const cases of [sources, many]) {
      for (const s of scenarioQuestions(cases, rules, 6)) {
        expect(answerKey(s)).toEqual([String(scoreByHand(s.record, cases, rules))]);
        expect(s.result).toEqual(scoreRubric(rules, answersFromRecord(s.record, cases, rules)));
        expect(s.choices).toContain(s.result.score);
      }
    }
  });

  test('only an incident at a level with a half point is ever mitigated', () => {
    for (const s of scenarioQuestions(many, rules, 6)) {
      for (const r of s.record.filter((x) => x.mitigated)) {
        const found = many.find((c) => c.id === r.caseId)!;
        expect([found.verdict, found.level]).toEqual(['falls-short', 1]);
      }
    }
  });

  test('ask about a different score each, the lowest six the cases allow', () => {
    // These cases allow every score 0, 0.5, 1 … 5 (0 and 0.5 need the level 1 incident unmitigated
    // and mitigated in some records); one scenario is taken from each score, lowest first.
    expect(scenarios.map((s) => s.result.score).sort((a, b) => a - b)).toEqual([0, 0.5, 1, 2, 3, 4]);
  });

  test('are the same on a build machine of any locale (ids are compared as code units, not collated)', () => {
    // Danish collation sorts "aa" after "z": a case id with "aa" would move in the records, and
    // every id made from such a record would change with the machine that built the package.
    const withAa: QuizCase[] = [...many, { id: 'alibaba-l1-aaa-added-case', level: 1, verdict: 'falls-short', origin: 'source' }];
    const here = scenarioQuestions(withAa, rules, 6);
    const localeCompare = String.prototype.localeCompare;
    const danish = new Intl.Collator('da');
    expect(danish.compare('alibaba-l1-aaa', 'alibaba-l1-b')).toBeGreaterThan(0); // so that this test tests something
    String.prototype.localeCompare = function (this: string, that: string) {
      return danish.compare(this, that);
    };
    try {
      expect(scenarioQuestions(withAa, rules, 6)).toEqual(here);
    } finally {
      String.prototype.localeCompare = localeCompare;
    }
  });

  test('are the same whatever order the cases come in', () => {
    expect(scenarioQuestions(shuffled(sources, seededRandom(7)), rules, 6)).toEqual(scenarios);
    expect(scenarioQuestions([...many].reverse(), rules, 6)).toEqual(scenarioQuestions(many, rules, 6));
  });
});

describe('scenario ids survive a republish', () => {
  const before = scenarioQuestions(many, rules, 6);
  const ids = (list: ScenarioQuestion[]) => list.map((s) => s.id);

  test('L4: removing a case that is in no scenario leaves every scenario as it was', () => {
    const unused = many.filter((c) => !before.some((s) => caseIn(s, c.id)));
    expect(unused.length).toBeGreaterThan(0); // so that this test tests something
    for (const c of unused) expect(scenarioQuestions(many.filter((x) => x !== c), rules, 6), c.id).toEqual(before);
  });

  test('L4: removing a case that is in a scenario leaves every scenario without it, with its id and key', () => {
    for (const c of many.filter((x) => before.some((s) => caseIn(s, x.id)))) {
      const after = scenarioQuestions(many.filter((x) => x !== c), rules, 6);
      for (const s of before.filter((x) => !caseIn(x, c.id))) expect(after, `${c.id} removed`).toContainEqual(s);
      expect(after.some((s) => caseIn(s, c.id))).toBe(false);
    }
  });

  /**
   * What an addition or a move can do to the scenarios that do not contain the case: a record with
   * the case may now rank first for its score, or give a score no record gave, and so take the
   * place of one of them. Each scenario lost that way is replaced by one containing the case; a
   * scenario without the case keeps its record and key under its id.
   */
  function expectDisplacedOnlyByTheCase(after: ScenarioQuestion[], caseId: string, label: string) {
    for (const s of after.filter((x) => !caseIn(x, caseId) && ids(before).includes(x.id))) expect(before, label).toContainEqual(s);
    const lost = before.filter((s) => !caseIn(s, caseId) && !ids(after).includes(s.id));
    expect(lost.length, label).toBeLessThanOrEqual(after.filter((s) => caseIn(s, caseId)).length);
  }

  test('L4: adding a case never changes a scenario under its id; only a scenario containing it takes another’s place', () => {
    const added: QuizCase[] = Array.from({ length: 10 }, (_, n) => ({
      id: `alibaba-l${1 + (n % 5)}-${n % 3 ? 'zz' : 'aa'}-added-${n}`,
      level: 1 + (n % 5),
      verdict: n % 2 ? 'meets' : 'falls-short',
      origin: 'source',
    }));
    let kept = 0;
    for (const c of added) {
      const after = scenarioQuestions([...many, c], rules, 6);
      expectDisplacedOnlyByTheCase(after, c.id, `${c.id} added`);
      // An addition brings in no scenario without the case that was not asked before.
      for (const s of after.filter((x) => !caseIn(x, c.id))) expect(before, `${c.id} added`).toContainEqual(s);
      kept += before.filter((s) => ids(after).includes(s.id)).length;
    }
    // Not vacuous: most scenarios outlive an addition.
    expect(kept).toBeGreaterThan((added.length * 6) / 2);
  });

  test('L4: moving a case to another level never changes a scenario under its id; only one containing it takes another’s place; keys follow the new level', () => {
    for (const c of many) {
      const moved = many.map((x) => (x === c ? { ...x, level: x.level === 5 ? 4 : x.level + 1 } : x));
      const after = scenarioQuestions(moved, rules, 6);
      expectDisplacedOnlyByTheCase(after, c.id, `${c.id} moved`);
      for (const s of after) expect(answerKey(s)).toEqual([String(scoreByHand(s.record, moved, rules))]);
    }
  });
});

describe('a rubric’s quiz', () => {
  test('a case question for every case (readings too), then scenarios of the sources’ cases only', () => {
    const questions = rubricQuiz(fixtureCases, rules);
    expect(questions.filter((q) => q.kind === 'case').map((q) => q.id)).toEqual(fixtureCases.map((c) => `case-${c.id}`));
    const scenarios = questions.filter((q) => q.kind === 'scenario');
    expect(scenarios).toEqual(scenarioQuestions(sources, rules, 6));
    expect(questions.slice(0, fixtureCases.length).every((q) => q.kind === 'case')).toBe(true);
  });

  test('a level’s quiz: that level’s case questions, no scenarios unless asked', () => {
    expect(rubricQuiz(fixtureCases, rules, { level: 2 }).map((q) => q.id)).toEqual(fixtureCases.filter((c) => c.level === 2).map((c) => `case-${c.id}`));
    expect(rubricQuiz(fixtureCases, rules, { level: 2, scenarios: 1 }).filter((q) => q.kind === 'scenario')).toHaveLength(1);
  });
});

test('shuffled keeps every item and depends only on the seed', () => {
  const list = Array.from({ length: 20 }, (_, i) => i);
  const a = shuffled(list, seededRandom(1));
  expect([...a].sort((x, y) => x - y)).toEqual(list);
  expect(shuffled(list, seededRandom(1))).toEqual(a);
  expect(shuffled(list, seededRandom(2))).not.toEqual(a);
});
