/**
 * What the course reports to the LMS (src/lib/scorm/report.ts), in each version's data model,
 * and every value checked by scorm-again's runtimes (software nobody here wrote), which refuse a
 * value of the wrong format, out of range, or set before the parts it depends on. Moodle's
 * stricter identifier check, which scorm-again lacks, is applied by hand.
 */
import { describe, expect, test } from 'vitest';
import { emptyRecord, withNewInteractions, type Course, type LearnerRecord } from '../../src/lib/course';
import { scormVersions, type ScormVersion } from '../../src/lib/scorm/course';
import { objectiveId, reportValues, responseId, scormRuntime, sessionTime, interactionId } from '../../src/lib/scorm/report';
import { levelAnswers, verdicts } from '../../src/lib/vocabulary';
import { asMap, refusedBy } from '../support/scorm-runtime';
import { alibaba, course, finished, jd, quizById, quizProgress, record, selfAssessment } from '../support/course';

const report = (c: Course, version: ScormVersion, learner: LearnerRecord) => reportValues(c, version, learner, withNewInteractions(c, learner));
const [caseL1, caseL4, scenario1, scenario2] = quizById(course, alibaba).questions.map((q) => q.id) as [string, string, string, string];
const jdCase = quizById(course, jd).questions[0]!.id;

/** Moodle's CMIShortIdentifier, which it applies to every node of a 2004 response and pattern (scorm-again is laxer). */
const moodleShortIdentifier = /^[\w.]{1,250}$/;

describe.each(scormVersions)('SCORM %s', (version) => {
  const score = version === '1.2' ? 'cmi.core.score' : 'cmi.score';
  const response = version === '1.2' ? 'student_response' : 'learner_response';
  const half = record({
    opened: ['speech', 'cases', 'quiz'],
    quizzes: { [alibaba]: quizProgress(course, alibaba, { [scenario1]: ['2.5'], [caseL1]: ['2', 'meets'] }) },
    selfAssessments: { [jd]: selfAssessment(jd, { 1: 'incident', 2: 'no-example' }) },
  });

  test('every value of a finished course, a half-done one and a new one is accepted by scorm-again', () => {
    for (const learner of [finished(course, 0), finished(course, 2), half, emptyRecord()]) expect(refusedBy(version, report(course, version, learner))).toEqual([]);
  });

  test('each rubric level with graded questions is an objective: its id first, its mastery as status, its share right as score; scorm-again takes every value', () => {
    const values = report(course, version, half);
    const map = asMap(values);
    const ids = [...map].filter(([k]) => /^cmi\.objectives\.\d+\.id$/.test(k)).map(([, v]) => v);
    expect(ids).toEqual([1, 3, 4].map((l) => objectiveId(alibaba, l)).concat(objectiveId(jd, 2)));
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_.]+$/);
    // Each objective's id is set before its other parts.
    for (let n = 0; n < ids.length; n++) {
      const parts = values.map(([k]) => k).filter((k) => k.startsWith(`cmi.objectives.${n}.`));
      expect(parts[0]).toBe(`cmi.objectives.${n}.id`);
    }
    // half: level 1's case answered wrong (learning), level 3's scenario answered right (secure), levels 4 and jd's 2 untried.
    const state = (n: number) =>
      version === '1.2' ? [map.get(`cmi.objectives.${n}.status`)] : [map.get(`cmi.objectives.${n}.completion_status`), map.get(`cmi.objectives.${n}.success_status`)];
    expect([0, 1, 2, 3].map(state)).toEqual(
      version === '1.2'
        ? [['incomplete'], ['passed'], ['not attempted'], ['not attempted']]
        : [
            ['incomplete', 'unknown'],
            ['completed', 'passed'],
            ['not attempted', 'unknown'],
            ['not attempted', 'unknown'],
          ],
    );
    expect([map.get('cmi.objectives.0.score.raw'), map.get('cmi.objectives.1.score.raw'), map.get('cmi.objectives.2.score.raw')]).toEqual(['0', '100', undefined]);
    if (version === '2004') expect(map.get('cmi.objectives.1.score.scaled')).toBe('1');
    expect(refusedBy(version, values)).toEqual([]);
    // Finished with none wrong: every level secure.
    const all = asMap(report(course, version, finished(course, 0)));
    for (let n = 0; n < 4; n++) expect(all.get(version === '1.2' ? `cmi.objectives.${n}.status` : `cmi.objectives.${n}.success_status`)).toBe('passed');
  });

  test('the score is left unset until every quiz question is answered', () => {
    const learner = finished(course, 1);
    delete learner.quizzes[jd];
    // The course's score; each level's objective has its own (below).
    expect([...asMap(report(course, version, learner)).keys()].filter((k) => k.includes('score') && !k.startsWith('cmi.objectives.'))).toEqual([]);
  });

  test('a complete quiz reports a percentage from 0 to 100 (2004 at once, 1.2 once the whole path is done)', () => {
    const values = asMap(report(course, version, finished(course, 1)));
    expect([values.get(`${score}.min`), values.get(`${score}.max`), values.get(`${score}.raw`)]).toEqual(['0', '100', '80']);
    expect(values.get('cmi.score.scaled')).toBe(version === '2004' ? '0.8' : undefined);
    expect(asMap(report(course, version, finished(course, 5))).get(`${score}.raw`)).toBe('0');
    // Steps not done: 2004 has its success and score; 1.2 waits, or Moodle's mastery override would say "passed" early.
    const early = asMap(report(course, version, { ...finished(course, 1), opened: [] }));
    expect(early.get(`${score}.raw`)).toBe(version === '2004' ? '80' : undefined);
  });

  test('a score that is no round number is written with at most four decimals, accepted by scorm-again', () => {
    const three = { ...course, quizzes: [{ ...course.quizzes[0]!, questions: course.quizzes[0]!.questions.slice(0, 3) }] };
    const values = report(three, version, finished(three, 1));
    expect(asMap(values).get(`${score}.raw`)).toBe('66.6667');
    if (version === '2004') expect(asMap(values).get('cmi.score.scaled')).toBe('0.6667');
    expect(refusedBy(version, values)).toEqual([]);
  });

  test('each interaction: its id first, its type second, every part once; the id names rubric and question or level', () => {
    const values = report(course, version, finished(course, 1));
    const interactions = values.filter(([element]) => element.startsWith('cmi.interactions.'));
    const byIndex = Map.groupBy(interactions, ([element]) => Number(element.split('.')[2]));
    expect([...byIndex.keys()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const parts of byIndex.values()) expect(parts.map(([element]) => element.split('.').slice(3).join('.')).slice(0, 2)).toEqual(['id', 'type']);
    const ids = interactions.filter(([element]) => element.endsWith('.id')).map(([, value]) => value);
    expect(ids).toEqual([
      interactionId(alibaba, `${caseL1}`),
      interactionId(alibaba, `${caseL4}`),
      interactionId(alibaba, `${scenario1}`),
      interactionId(alibaba, `${scenario2}`),
      interactionId(jd, `${jdCase}`),
      ...[1, 2, 3, 4, 5].map((level) => interactionId(alibaba, `self-assessment.level-${level}`)),
      interactionId(jd, `self-assessment.level-1`),
      interactionId(jd, `self-assessment.level-2`),
    ]);
  });

  test('a question: choice, the response and the key as the version writes lists, with _ for -, right or wrong in its words', () => {
    const values = asMap(report(course, version, finished(course, 1)));
    expect(values.get('cmi.interactions.0.type')).toBe('choice');
    expect(values.get(`cmi.interactions.0.${response}`)).toBe(version === '1.2' ? '5,falls_short' : '5[,]falls_short');
    expect(values.get('cmi.interactions.0.correct_responses.0.pattern')).toBe(version === '1.2' ? '1,falls_short' : '1[,]falls_short');
    expect(values.get('cmi.interactions.0.result')).toBe(version === '1.2' ? 'wrong' : 'incorrect');
    expect(values.get(`cmi.interactions.2.${response}`)).toBe('2.5');
    expect(values.get('cmi.interactions.2.result')).toBe('correct');
    expect(values.get('cmi.interactions.0.description')).toBe(version === '1.2' ? undefined : 'Case question: Blaming the customer');
  });

  test('T10/L18: a saved "right" flag is not reported; the result comes from the key', () => {
    const forged = record({ quizzes: { [alibaba]: { ...quizProgress(course, alibaba, {}), answers: { [caseL4]: { choice: ['3', 'meets'], correct: true } } } } });
    expect(asMap(report(course, version, forged)).get('cmi.interactions.0.result')).toBe(version === '1.2' ? 'wrong' : 'incorrect');
  });

  test('a self-assessment level: likert, the learner’s answer with _ for -, neutral', () => {
    const values = asMap(report(course, version, finished(course)));
    expect(values.get('cmi.interactions.5.type')).toBe('likert');
    expect(values.get(`cmi.interactions.5.${response}`)).toBe('no_incident');
    expect(values.get(`cmi.interactions.7.${response}`)).toBe('example');
    expect(values.get('cmi.interactions.5.result')).toBe('neutral');
    expect(values.has('cmi.interactions.5.correct_responses.0.pattern')).toBe(false);
    expect(values.get('cmi.interactions.11.description')).toBe(version === '1.2' ? undefined : 'Level 2: 微笑面對投訴');
  });

  test('an item numbered earlier whose answer is gone, or which the course retired, keeps its number and is not sent again', () => {
    const learner = record({ quizzes: { [alibaba]: quizProgress(course, alibaba, { [scenario2]: ['3'], 'case-retired': ['1', 'meets'] }) } });
    const values = asMap(reportValues(course, version, learner, [caseL1, `${jd}#1`, scenario2, 'case-retired', `${jd}#9`]));
    const elements = [...values.keys()].filter((k) => k.startsWith('cmi.interactions.'));
    expect(elements.length).toBeGreaterThan(0);
    expect(elements.every((k) => k.startsWith('cmi.interactions.2.'))).toBe(true);
    expect(values.get('cmi.interactions.2.id')).toBe(interactionId(alibaba, `${scenario2}`));
  });
});

test('2004 responses and patterns pass Moodle’s short-identifier check for every answer a learner can give', () => {
  const everyAnswer = record({
    quizzes: { [alibaba]: quizProgress(course, alibaba, { [caseL1]: ['1', verdicts[0]], [caseL4]: ['1', verdicts[1]] }) },
    selfAssessments: { [alibaba]: selfAssessment(alibaba, Object.fromEntries(levelAnswers.map((a, i) => [i + 1, a]))) },
  });
  const values = report(course, '2004', everyAnswer).filter(([element]) => /\.(learner_response|correct_responses\.0\.pattern)$/.test(element));
  expect(values).toHaveLength(2 * 2 + levelAnswers.length);
  for (const [element, value] of values) for (const node of value.split('[,]')) expect(node, element).toMatch(moodleShortIdentifier);
});

test('responseId reads back exactly: the course’s answer words have no _ of their own', () => {
  for (const word of [...levelAnswers, ...verdicts]) {
    expect(word).not.toContain('_');
    expect(responseId(word).replace(/_/g, '-')).toBe(word);
  }
});

describe('status', () => {
  const status = (learner: LearnerRecord, c = course) => asMap(report(c, '1.2', learner)).get('cmi.core.lesson_status');

  test('1.2: incomplete until every step is done, then passed or failed by the pass mark', () => {
    expect(status(emptyRecord())).toBe('incomplete');
    expect(status({ ...finished(course), opened: ['speech', 'cases', 'quiz'] })).toBe('incomplete');
    expect(status(finished(course, 1))).toBe('passed');
    expect(status(finished(course, 2))).toBe('failed');
    // Without graded questions there is nothing to pass: completed.
    expect(status({ ...finished(course), quizzes: {} }, { ...course, quizzes: [] })).toBe('completed');
  });

  test('2004: completion, success once known, and progress as a share of the steps', () => {
    const values = (learner: LearnerRecord) => asMap(report(course, '2004', learner));
    const start = values(record({ opened: ['speech'] }));
    expect([start.get('cmi.completion_status'), start.has('cmi.success_status'), start.get('cmi.progress_measure')]).toEqual(['incomplete', false, '0.25']);
    expect(values(record({ opened: ['speech', 'cases'] })).get('cmi.progress_measure')).toBe('0.5');
    const failedEarly = values({ ...finished(course, 2), opened: ['quiz', 'selfAssessment'] });
    expect([failedEarly.get('cmi.completion_status'), failedEarly.get('cmi.success_status'), failedEarly.get('cmi.progress_measure')]).toEqual(['incomplete', 'failed', '0.5']);
    const passed = values(finished(course, 1));
    expect([passed.get('cmi.completion_status'), passed.get('cmi.success_status'), passed.get('cmi.progress_measure')]).toEqual(['completed', 'passed', '1']);
    expect(report(course, '2004', emptyRecord()).some(([element]) => element === 'cmi.core.lesson_status')).toBe(false);
  });
});

describe('2004 descriptions', () => {
  const titled = (title: string): Course => ({
    ...course,
    selfAssessments: [{ ...course.selfAssessments[0]!, levels: [{ ...course.selfAssessments[0]!.levels[0]!, title }] }],
  });
  const learner = record({ selfAssessments: { [alibaba]: selfAssessment(alibaba, { 1: 'incident' }) } });
  const describedAs = (title: string) => asMap(report(titled(title), '2004', learner)).get('cmi.interactions.0.description')!;

  test('a title of 250 characters is kept whole; a longer one is cut to 250 with an ellipsis', () => {
    const exact = '客'.repeat(250);
    expect(describedAs(exact)).toBe(exact);
    const long = describedAs(`Level 1: ${'尊重他人，隨時隨地維護阿里巴巴的形象。'.repeat(20)}`);
    expect(long).toHaveLength(250);
    expect(long.endsWith('…')).toBe(true);
    expect(refusedBy('2004', report(titled(long + 'x'), '2004', learner))).toEqual([]);
  });

  test('a title running over lines becomes one line, which scorm-again accepts', () => {
    const title = 'Level 1:\nRespect others;\r\n  uphold the image ';
    expect(describedAs(title)).toBe('Level 1: Respect others; uphold the image');
    expect(refusedBy('2004', report(titled(title), '2004', learner))).toEqual([]);
  });

  test('a cut never splits a character outside the Basic Multilingual Plane', () => {
    const cut = describedAs(`${'a'.repeat(248)}𠀀𠀀𠀀`);
    expect(cut.isWellFormed()).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(250);
  });
});

describe('sessionTime', () => {
  test.each([
    [0, '0000:00:00.00', 'PT0S'],
    [1234, '0000:00:01.23', 'PT1.23S'],
    [59_995, '0000:01:00.00', 'PT60S'],
    [3_723_456, '0001:02:03.46', 'PT3723.46S'],
    [-5000, '0000:00:00.00', 'PT0S'],
  ])('%i ms: 1.2 %s, 2004 %s', (ms, v12, v2004) => {
    expect(sessionTime('1.2', ms)).toBe(v12);
    expect(sessionTime('2004', ms)).toBe(v2004);
  });

  test('a session longer than 1.2 can write keeps to four digits of hours', () => {
    expect(sessionTime('1.2', 10_001 * 3_600_000)).toMatch(/^9999:\d\d:\d\d\.\d\d$/);
  });

  test('every format is accepted by scorm-again, across a range of lengths', () => {
    for (const version of scormVersions) {
      const values = [0, 10, 999, 61_005, 3_599_999, 86_400_000, 40_000 * 3_600_000].map((ms) => [scormRuntime[version].sessionTime, sessionTime(version, ms)] as const);
      expect(refusedBy(version, values)).toEqual([]);
    }
  });
});
