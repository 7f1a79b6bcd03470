/**
 * The learner's state as the LMS keeps it between launches (src/lib/scorm/suspend-data.ts):
 * within the version's limit, notes dropped whole, read back exactly, anything else refused
 * without throwing, and the LMS's copy merged with the browser's.
 */
import { describe, expect, test } from 'vitest';
import { limits, savedVersion } from '../../src/lib/saved-state';
import { courseStatus, emptyState, type LearnerState } from '../../src/lib/scorm/course';
import { scormRuntime } from '../../src/lib/scorm/report';
import { decodeSuspendData, encodeSuspendData, mergeStates } from '../../src/lib/scorm/suspend-data';
import { alibaba, finished, jd, quizProgress, scormCourse, selfAssessment } from '../support/scorm-course';

const course = scormCourse('1.2');
const limit = scormRuntime['1.2'].suspendLimit;

/** A finished learner with a name, a period, an interaction order and `notes` for the first self-assessment. */
function withNotes(notes: Record<string, string>): LearnerState {
  const state = finished(course, 1);
  state.selfAssessments[0] = { ...state.selfAssessments[0]!, notes, name: '林小明', period: '2026 Q4' };
  state.interactions = ['q0.2', 'a1.1', 'q0.0', 'q0.1', 'q0.3', 'q1.0'];
  return state;
}

/** What decoding keeps of a state: the quiz's question order stays in the browser. */
const withoutOrder = (state: LearnerState): LearnerState => ({ ...state, quizzes: state.quizzes.map((q) => q && { ...q, order: [] }) });

describe('encodeSuspendData and decodeSuspendData', () => {
  test('a finished learner with notes, name and period is read back as it was', () => {
    const state = withNotes({ 1: 'Helped a seller find the right channel.', 3: '幫客戶找到正確的渠道。' });
    const { data, notesLeftOut } = encodeSuspendData(course, state, limit);
    expect(notesLeftOut).toEqual([]);
    expect(decodeSuspendData(course, data!)).toEqual(withoutOrder(state));
  });

  test('a half-done learner is read back as it was, and stands where they stood', () => {
    const state: LearnerState = {
      ...emptyState(course),
      opened: [true, false, true, false, false],
      quizzes: [undefined, quizProgress(course, 1, { 'case-jd-speech-old-suppliers-stay-friends': ['3', 'falls-short'] })],
      selfAssessments: [undefined, selfAssessment(jd, { 2: 'no-example' })],
      interactions: ['q1.0', 'a1.2'],
    };
    const decoded = decodeSuspendData(course, encodeSuspendData(course, state, limit).data!)!;
    expect(decoded.opened).toEqual(state.opened);
    expect(decoded.interactions).toEqual(state.interactions);
    expect(decoded.quizzes[1]).toEqual({ ...state.quizzes[1], order: [] });
    expect(decoded.selfAssessments[1]).toEqual(state.selfAssessments[1]);
    expect(courseStatus(course, decoded)).toEqual(courseStatus(course, state));
    expect(courseStatus(course, decodeSuspendData(course, encodeSuspendData(course, emptyState(course), limit).data!)!)).toEqual(courseStatus(course, emptyState(course)));
  });

  test('notes that do not fit are left out whole and reported; a later one that fits still goes in', () => {
    const long = '顧客第一，'.repeat(400);
    const notes = { 1: long, 2: `${long}又一次`, 4: 'Short note.', 5: '   ' };
    const { data, notesLeftOut } = encodeSuspendData(course, withNotes(notes), limit);
    expect(data!.length).toBeLessThanOrEqual(limit);
    expect(notesLeftOut).toEqual([{ selfAssessment: 0, level: '2' }]);
    expect(decodeSuspendData(course, data!)!.selfAssessments[0]!.notes).toEqual({ 1: long, 4: 'Short note.' });
  });

  test('the limit is kept to the character, whatever it is', () => {
    const state = withNotes({ 3: 'x'.repeat(300) });
    const whole = encodeSuspendData(course, state, 100_000).data!;
    expect(encodeSuspendData(course, state, whole.length)).toEqual({ data: whole, notesLeftOut: [] });
    const tight = encodeSuspendData(course, state, whole.length - 1);
    expect(tight.notesLeftOut).toEqual([{ selfAssessment: 0, level: '3' }]);
    expect(tight.data!.length).toBeLessThan(whole.length - 300);
    for (let cap = 50; cap < whole.length; cap += 37) {
      const { data } = encodeSuspendData(course, state, cap);
      if (data !== undefined) expect(data.length).toBeLessThanOrEqual(cap);
    }
  });

  test('when the answers alone exceed the limit there is no data, and every note is reported as left out', () => {
    const state = withNotes({ 2: 'A note.', 4: '' });
    state.selfAssessments[1] = { ...state.selfAssessments[1]!, notes: { 1: '另一則' } };
    expect(encodeSuspendData(course, state, 120)).toEqual({
      data: undefined,
      notesLeftOut: [
        { selfAssessment: 0, level: '2' },
        { selfAssessment: 1, level: '1' },
      ],
    });
  });

  test('the data of another course (other steps or items) is refused', () => {
    const data = encodeSuspendData(course, withNotes({}), limit).data!;
    expect(decodeSuspendData({ ...course, steps: course.steps.slice(1) }, data)).toBeUndefined();
    const fewerQuestions = { ...course, quizzes: [{ ...course.quizzes[0]!, questions: course.quizzes[0]!.questions.slice(0, 2) }, course.quizzes[1]!] };
    expect(decodeSuspendData(fewerQuestions, data)).toBeUndefined();
  });
});

describe('decodeSuspendData refuses what is not this course’s state, without throwing', () => {
  const valid = JSON.parse(encodeSuspendData(course, withNotes({ 1: 'A note.' }), limit).data!) as Record<string, unknown>;
  const changed = (change: Record<string, unknown>) => JSON.stringify({ ...valid, ...change });
  const assessment = (change: Record<string, unknown>) => changed({ a: [{ l: { 1: 'example' }, ...change }, { l: {} }] });

  test('the valid data used below is read', () => {
    expect(decodeSuspendData(course, JSON.stringify(valid))).toBeDefined();
    expect(decodeSuspendData(course, assessment({}))).toBeDefined();
  });

  test.each([
    ['not JSON', '{"v":1,'],
    ['empty', ''],
    ['null', 'null'],
    ['an array', '[1]'],
    ['a string', '"v"'],
    ['another version', changed({ v: 2 })],
    ['a version as text', changed({ v: '1' })],
    ['steps as a number', changed({ o: 11111 })],
    ['too few steps', changed({ o: '1111' })],
    ['a step neither 0 nor 1', changed({ o: '11211' })],
    ['interactions as a list', changed({ i: ['q0.0'] })],
    ['an unknown interaction', changed({ i: 'q0.0 q0.9' })],
    ['an interaction twice', changed({ i: 'q0.0 q0.0' })],
    ['an interaction of an unknown level', changed({ i: 'a0.6' })],
    ['quizzes as an object', changed({ q: { 0: {} } })],
    ['a quiz as null', changed({ q: [null] })],
    ['a quiz as a list', changed({ q: [['1 falls-short']] })],
    ['a choice as a list', changed({ q: [{ 0: ['1', 'falls-short'] }] })],
    ['an unknown question index', changed({ q: [{ 4: '3' }] })],
    ['a question index that is no number', changed({ q: [{ x: '3' }] })],
    ['a negative question index', changed({ q: [{ '-1': '3' }] })],
    ['a question as __proto__', '{"v":1,"o":"00000","i":"","q":[{"__proto__":"3"}],"a":[]}'],
    ['a quiz as __proto__ object', '{"v":1,"o":"00000","i":"","q":[{"__proto__":{"0":"3"}}],"a":[]}'],
    ['an empty choice', changed({ q: [{ 2: '' }] })],
    ['a choice with too few parts', changed({ q: [{ 0: '1' }] })],
    ['a choice with too many parts', changed({ q: [{ 2: '2.5 meets' }] })],
    ['a choice part over 40 characters', changed({ q: [{ 2: 'x'.repeat(41) }] })],
    ['self-assessments as an object', changed({ a: { 0: { l: {} } } })],
    ['a self-assessment as a string', changed({ a: ['example'] })],
    ['an unknown level', assessment({ l: { 6: 'example' } })],
    ['a level 0', assessment({ l: { 0: 'example' } })],
    ['an unknown answer', assessment({ l: { 1: 'maybe' } })],
    ['an answer as a number', assessment({ l: { 1: 1 } })],
    ['a level as __proto__', '{"v":1,"o":"00000","i":"","q":[],"a":[{"l":{"__proto__":"example"}}]}'],
    ['notes as a list', assessment({ t: ['A note.'] })],
    ['a note of an unknown level', assessment({ t: { 9: 'A note.' } })],
    ['a note as __proto__', '{"v":1,"o":"00000","i":"","q":[],"a":[{"l":{},"t":{"__proto__":"x"}}]}'],
    ['a note over the longest a note can be', assessment({ t: { 1: 'x'.repeat(limits.note + 1) } })],
    ['a name as a number', assessment({ n: 7 })],
    ['a name over the longest a name can be', assessment({ n: 'x'.repeat(limits.field + 1) })],
    ['a period as an object', assessment({ p: { toString: 'x' } })],
    ['a huge string of interactions', changed({ i: 'q0.0 '.repeat(1_000_000) })],
    ['a huge string', JSON.stringify('x'.repeat(5_000_000))],
    ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ])('%s', (_, text) => {
    expect(decodeSuspendData(course, text)).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe('mergeStates', () => {
  const lms: LearnerState = {
    opened: [true, true, false, false, false],
    quizzes: [quizProgress(course, 0, { 'case-alibaba-l1-x': ['1', 'falls-short'], 'scenario-1': ['3'] }), quizProgress(course, 1, { 'case-jd-speech-old-suppliers-stay-friends': ['2', 'meets'] })],
    selfAssessments: [
      selfAssessment(alibaba, { 1: 'no-incident', 2: 'incident' }, { notes: { 1: 'From the LMS, level 1.', 2: 'From the LMS, level 2.', 3: 'From the LMS, level 3.' }, name: 'Lin', period: '2026 Q3' }),
      undefined,
    ],
    interactions: ['q0.0', 'q0.2', 'a0.1'],
  };
  const browser: LearnerState = {
    opened: [false, false, true, false, false],
    quizzes: [{ ...quizProgress(course, 0, { 'scenario-1': ['2.5'], 'scenario-2': ['3'] }), order: ['scenario-2', 'scenario-1', 'case-alibaba-l1-x'] }, undefined],
    selfAssessments: [
      selfAssessment(alibaba, { 2: 'mitigated-incident', 3: 'example' }, { notes: { 1: 'From the browser, level 1.', 2: '  ', 4: '' }, name: '', period: '2026 Q4' }),
      selfAssessment(jd, { 1: 'no-incident' }),
    ],
    interactions: [],
  };
  const merged = mergeStates(lms, browser);

  test('steps opened on either side are opened; the interaction order is the LMS’s', () => {
    expect(merged.opened).toEqual([true, true, true, false, false]);
    expect(merged.interactions).toEqual(lms.interactions);
  });

  test('quiz answers: the union, the browser’s where both answered; the browser’s question order', () => {
    expect(merged.quizzes[0]).toEqual({
      version: savedVersion,
      order: ['scenario-2', 'scenario-1', 'case-alibaba-l1-x'],
      answers: {
        'case-alibaba-l1-x': { choice: ['1', 'falls-short'], correct: true },
        'scenario-1': { choice: ['2.5'], correct: true },
        'scenario-2': { choice: ['3'], correct: true },
      },
    });
    expect(merged.quizzes[1]).toEqual(lms.quizzes[1]);
  });

  test('self-assessment: answers united with the browser’s winning; its non-empty notes win, empty ones erase nothing', () => {
    expect(merged.selfAssessments[0]).toEqual({
      version: savedVersion,
      rubric: alibaba,
      answers: { 1: 'no-incident', 2: 'mitigated-incident', 3: 'example' },
      notes: { 1: 'From the browser, level 1.', 2: 'From the LMS, level 2.', 3: 'From the LMS, level 3.', 4: '' },
      name: 'Lin',
      period: '2026 Q4',
    });
    expect(merged.selfAssessments[1]).toEqual(browser.selfAssessments[1]);
  });

  test('a side with nothing gives way to the other, and merging changes neither', () => {
    const before = JSON.stringify([lms, browser]);
    expect(mergeStates(emptyState(course), browser)).toEqual({ ...browser, opened: browser.opened, interactions: [] });
    expect(mergeStates(lms, emptyState(course))).toEqual(lms);
    mergeStates(lms, browser);
    expect(JSON.stringify([lms, browser])).toBe(before);
  });
});
