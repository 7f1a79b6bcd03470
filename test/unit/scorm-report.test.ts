/**
 * What the course reports to the LMS (src/lib/scorm/report.ts), in each version's data model,
 * and every value checked by scorm-again's runtimes (software nobody here wrote), which refuse a
 * value of the wrong format, out of range, or set before the parts it depends on.
 */
import type Scorm12Type from 'scorm-again/scorm12';
import * as scorm12 from 'scorm-again/scorm12';
import type Scorm2004Type from 'scorm-again/scorm2004';
import * as scorm2004 from 'scorm-again/scorm2004';
import { describe, expect, test } from 'vitest';
import { emptyState, scormVersions, withNewInteractions, type LearnerState, type ScormCourse, type ScormVersion } from '../../src/lib/scorm/course';
import { reportValues, scormRuntime, sessionTime, type CmiValue } from '../../src/lib/scorm/report';
import { alibaba, finished, jd, quizProgress, scormCourse, selfAssessment } from '../support/scorm-course';

// scorm-again's types declare default exports; its ES modules export the classes by name.
const { Scorm12API } = scorm12 as unknown as { Scorm12API: typeof Scorm12Type };
const { Scorm2004API } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004Type };

/** The values scorm-again's runtime of `version` refuses, each with its error code. */
function refusedBy(version: ScormVersion, values: readonly CmiValue[]): string[] {
  const names = scormRuntime[version];
  const api = version === '1.2' ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
  const call = (method: keyof typeof names, ...args: string[]) => (api as unknown as Record<string, (...a: string[]) => string>)[names[method] as string]!(...args);
  expect(call('initialize', '')).toBe('true');
  const refused: string[] = [];
  for (const [element, value] of values) if (call('setValue', element, value) !== 'true') refused.push(`${element}=${value}: ${call('getLastError')}`);
  return refused;
}

/** The values as a map (each element is set once). */
const asMap = (values: readonly CmiValue[]) => {
  const map = new Map(values);
  expect(map.size).toBe(values.length);
  return map;
};

const report = (course: ScormCourse, state: LearnerState) => reportValues(course, state, withNewInteractions(course, state));

describe.each(scormVersions)('SCORM %s', (version) => {
  const course = scormCourse(version);
  const score = version === '1.2' ? 'cmi.core.score' : 'cmi.score';

  test('every value of a finished course, a half-done one and a new one is accepted by scorm-again', () => {
    const half: LearnerState = {
      ...emptyState(course),
      opened: [true, true, true, false, false],
      quizzes: [quizProgress(course, 0, { 'scenario-1': ['2.5'], 'case-alibaba-l1-x': ['2', 'meets'] }), undefined],
      selfAssessments: [undefined, selfAssessment(jd, { 1: 'mitigated-incident', 2: 'no-example' })],
    };
    for (const state of [finished(course, 0), finished(course, 2), half, emptyState(course)]) expect(refusedBy(version, report(course, state))).toEqual([]);
  });

  test('the score is left unset until every quiz question is answered', () => {
    const state = finished(course, 1);
    state.quizzes[1] = undefined;
    expect([...asMap(report(course, state)).keys()].filter((k) => k.includes('score'))).toEqual([]);
  });

  test('a complete quiz reports a percentage from 0 to 100, even while other steps are not done', () => {
    const values = asMap(report(course, { ...finished(course, 1), opened: course.steps.map(() => false) }));
    expect(values.get(`${score}.min`)).toBe('0');
    expect(values.get(`${score}.max`)).toBe('100');
    expect(values.get(`${score}.raw`)).toBe('80');
    expect(values.get('cmi.score.scaled')).toBe(version === '2004' ? '0.8' : undefined);
    expect(asMap(report(course, finished(course, 5))).get(`${score}.raw`)).toBe('0');
  });

  test('a score that is no round number is written with at most four decimals, accepted by scorm-again', () => {
    const three = { ...course, quizzes: [{ ...course.quizzes[0]!, questions: course.quizzes[0]!.questions.slice(0, 3) }] };
    const values = report(three, { ...finished(three, 1), selfAssessments: [] });
    expect(asMap(values).get(`${score}.raw`)).toBe('66.6667');
    if (version === '2004') expect(asMap(values).get('cmi.score.scaled')).toBe('0.6667');
    expect(refusedBy(version, values)).toEqual([]);
  });

  test('each interaction: its id first, its type second, every part once; the id names rubric and question or level', () => {
    const values = report(course, finished(course, 1));
    const interactions = values.filter(([element]) => element.startsWith('cmi.interactions.'));
    const byIndex = Map.groupBy(interactions, ([element]) => Number(element.split('.')[2]));
    expect([...byIndex.keys()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const parts of byIndex.values()) expect(parts.map(([element]) => element.split('.').slice(3).join('.')).slice(0, 2)).toEqual(['id', 'type']);
    const ids = interactions.filter(([element]) => element.endsWith('.id')).map(([, value]) => value);
    expect(ids).toEqual([
      `${alibaba}.case-alibaba-l1-x`,
      `${alibaba}.case-alibaba-l4-photo-shoot`,
      `${alibaba}.scenario-1`,
      `${alibaba}.scenario-2`,
      `${jd}.case-jd-speech-old-suppliers-stay-friends`,
      ...[1, 2, 3, 4, 5].map((level) => `${alibaba}.self-assessment.level-${level}`),
      `${jd}.self-assessment.level-1`,
      `${jd}.self-assessment.level-2`,
    ]);
  });

  test('a question: choice, the response and the key as the version writes lists, right or wrong in its words', () => {
    const response = version === '1.2' ? 'student_response' : 'learner_response';
    const values = asMap(report(course, finished(course, 1)));
    expect(values.get('cmi.interactions.0.type')).toBe('choice');
    expect(values.get(`cmi.interactions.0.${response}`)).toBe(version === '1.2' ? '5,falls-short' : '5[,]falls-short');
    expect(values.get('cmi.interactions.0.correct_responses.0.pattern')).toBe(version === '1.2' ? '1,falls-short' : '1[,]falls-short');
    expect(values.get('cmi.interactions.0.result')).toBe(version === '1.2' ? 'wrong' : 'incorrect');
    expect(values.get(`cmi.interactions.2.${response}`)).toBe('2.5');
    expect(values.get('cmi.interactions.2.result')).toBe('correct');
    expect(values.get('cmi.interactions.0.description')).toBe(version === '1.2' ? undefined : 'Case question 1: Blaming the customer');
  });

  test('a self-assessment level: likert, the learner’s answer, neutral', () => {
    const values = asMap(report(course, finished(course)));
    const response = version === '1.2' ? 'student_response' : 'learner_response';
    expect(values.get('cmi.interactions.6.type')).toBe('likert');
    expect(values.get(`cmi.interactions.6.${response}`)).toBe('example');
    expect(values.get('cmi.interactions.6.result')).toBe('neutral');
    expect(values.has('cmi.interactions.6.correct_responses.0.pattern')).toBe(false);
    expect(values.get('cmi.interactions.11.description')).toBe(version === '1.2' ? undefined : 'Level 2: 微笑面對投訴');
  });

  test('an item numbered earlier whose answer is gone keeps the others’ numbers', () => {
    const state: LearnerState = { ...emptyState(course), quizzes: [quizProgress(course, 0, { 'scenario-2': ['3'] }), undefined], interactions: ['q0.0', 'a1.1'] };
    const values = asMap(reportValues(course, state, ['q0.0', 'a1.1', 'q0.3', 'x9.9']));
    expect([...values.keys()].filter((k) => k.startsWith('cmi.interactions.')).every((k) => k.startsWith('cmi.interactions.2.'))).toBe(true);
    expect(values.get('cmi.interactions.2.id')).toBe(`${alibaba}.scenario-2`);
  });
});

describe('status', () => {
  test('1.2: incomplete until every step is done, then passed or failed by the pass mark', () => {
    const course = scormCourse('1.2');
    const status = (state: LearnerState, c = course) => asMap(report(c, state)).get('cmi.core.lesson_status');
    expect(status(emptyState(course))).toBe('incomplete');
    expect(status({ ...finished(course), opened: [true, true, true, true, false] })).toBe('incomplete');
    expect(status(finished(course, 1))).toBe('passed');
    expect(status(finished(course, 2))).toBe('failed');
    // Without graded questions there is nothing to pass: completed.
    const noQuiz = { ...course, quizzes: [] };
    expect(status({ ...finished(course), quizzes: [] }, noQuiz)).toBe('completed');
  });

  test('2004: completion, success once known, and progress as a share of the steps', () => {
    const course = scormCourse('2004');
    const values = (state: LearnerState) => asMap(report(course, state));
    const start = values({ ...emptyState(course), opened: [true, false, false, false, false] });
    expect([start.get('cmi.completion_status'), start.has('cmi.success_status'), start.get('cmi.progress_measure')]).toEqual(['incomplete', false, '0.2']);
    const thirds = values({ ...emptyState(course), opened: [true, true, false, false, false], quizzes: [undefined, undefined] });
    expect(thirds.get('cmi.progress_measure')).toBe('0.4');
    const failedEarly = values({ ...finished(course, 2), opened: [false, false, true, true, false] });
    expect([failedEarly.get('cmi.completion_status'), failedEarly.get('cmi.success_status'), failedEarly.get('cmi.progress_measure')]).toEqual(['incomplete', 'failed', '0.4']);
    const passed = values(finished(course, 1));
    expect([passed.get('cmi.completion_status'), passed.get('cmi.success_status'), passed.get('cmi.progress_measure')]).toEqual(['completed', 'passed', '1']);
    expect(report(course, emptyState(course)).some(([element]) => element === 'cmi.core.lesson_status')).toBe(false);
  });
});

describe('2004 descriptions', () => {
  const course = scormCourse('2004');
  const titled = (title: string): ScormCourse => ({
    ...course,
    selfAssessments: [{ ...course.selfAssessments[0]!, levels: [{ level: 1, title }] }],
  });
  const state = (c: ScormCourse): LearnerState => ({ ...emptyState(c), selfAssessments: [selfAssessment(alibaba, { 1: 'incident' })] });
  const describedAs = (title: string) => asMap(report(titled(title), state(titled(title)))).get('cmi.interactions.0.description')!;

  test('a title of 250 characters is kept whole; a longer one is cut to 250 with an ellipsis', () => {
    const exact = '客'.repeat(250);
    expect(describedAs(exact)).toBe(exact);
    const long = describedAs(`Level 1: ${'尊重他人，隨時隨地維護阿里巴巴的形象。'.repeat(20)}`);
    expect(long).toHaveLength(250);
    expect(long.endsWith('…')).toBe(true);
    expect(refusedBy('2004', report(titled(long + 'x'), state(titled(long + 'x'))))).toEqual([]);
  });

  test('a title running over lines becomes one line, which scorm-again accepts', () => {
    const title = 'Level 1:\nRespect others;\r\n  uphold the image ';
    expect(describedAs(title)).toBe('Level 1: Respect others; uphold the image');
    expect(refusedBy('2004', report(titled(title), state(titled(title))))).toEqual([]);
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
