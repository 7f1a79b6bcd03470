/**
 * The learner's record as the LMS keeps it between launches (src/lib/scorm/suspend-data.ts):
 * keyed by ids, within the version's limit in bytes of UTF-8, notes left out whole and reported,
 * read back exactly; anything else refused without throwing; an unreadable copy carried whole;
 * the LMS's copy merged with the browser's. Reading against a changed course: republish.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { courseStatus, emptyRecord, type LearnerRecord } from '../../src/lib/course';
import { readQuizProgress, type QuizProgress } from '../../src/lib/saved-quiz';
import { limits, savedVersion } from '../../src/lib/saved-state';
import { scormRuntime } from '../../src/lib/scorm/report';
import { decodeSuspendData, encodeSuspendData, itemOf, mergeRecords, utf8Bytes } from '../../src/lib/scorm/suspend-data';
import { alibaba, course, finished, jd, quizById, quizProgress, record, selfAssessment } from '../support/course';

const limit = scormRuntime['1.2'].suspendLimit;
const [caseL1, caseL4, scenario1, scenario2] = quizById(course, alibaba).questions.map((q) => q.id) as [string, string, string, string];
const jdCase = quizById(course, jd).questions[0]!.id;

/** A finished learner (one answer wrong) with a name, a period, an interaction order and `notes` on the Alibaba self-assessment. */
function withNotes(notes: Record<string, string>): LearnerRecord {
  const learner = finished(course, 1);
  learner.selfAssessments[alibaba] = { ...learner.selfAssessments[alibaba]!, notes, name: '林小明', period: '2026 Q4' };
  learner.interactions = [scenario1, `${jd}#1`, caseL1, caseL4, scenario2, jdCase];
  return learner;
}

/**
 * What reading back keeps of a record: the quiz's question order stays in the browser, and each
 * quiz's progress is marked against the quiz's version.
 */
const asRead = (learner: LearnerRecord): LearnerRecord => ({
  ...learner,
  quizzes: Object.fromEntries(Object.entries(learner.quizzes).map(([id, q]): [string, QuizProgress] => [id, { ...q, order: [], keyVersion: quizById(course, id).version }])),
});

const read = (text: string) => {
  const decoded = decodeSuspendData(course, text);
  if (!decoded.readable) throw new Error(`not readable: ${text.slice(0, 200)}`);
  return decoded;
};

describe('encodeSuspendData and decodeSuspendData', () => {
  test('a finished learner with notes, name and period is read back as it was, with no changes', () => {
    const learner = withNotes({ 1: 'Helped a seller find the right channel.', 3: '幫客戶找到正確的渠道。' });
    const { data, notesLeftOut } = encodeSuspendData(course, learner, limit);
    expect(notesLeftOut).toEqual([]);
    expect(read(data!)).toEqual({ readable: true, record: asRead(learner), sameCourse: true, changes: { remarked: [], retired: [], dropped: [] }, carried: undefined });
  });

  test('a half-done learner is read back as it was, and stands where they stood', () => {
    const learner = record({
      opened: ['speech', 'quiz'],
      quizzes: { [jd]: quizProgress(course, jd, { [jdCase]: ['3', 'falls-short'] }) },
      selfAssessments: { [jd]: selfAssessment(jd, { 2: 'no-example' }) },
      interactions: [jdCase, `${jd}#2`],
    });
    const { record: back } = read(encodeSuspendData(course, learner, limit).data!);
    expect(back).toEqual(asRead(learner));
    expect(courseStatus(course, back)).toEqual(courseStatus(course, learner));
    expect(read(encodeSuspendData(course, emptyRecord(), limit).data!).record).toEqual(emptyRecord());
  });

  test('it names every question by its id and carries the course version, never a position', () => {
    const data = JSON.parse(encodeSuspendData(course, withNotes({}), limit).data!) as { c: string; q: Record<string, Record<string, string>> };
    expect(data.c).toBe(course.version);
    expect(Object.keys(data.q[alibaba]!).sort()).toEqual([caseL1, caseL4, scenario1, scenario2].sort());
  });

  test('L17: the limit is in bytes of UTF-8: a Chinese note that fits in characters but not in bytes is left out whole and reported', () => {
    const long = '顧客第一，'.repeat(200);
    const notes = { 1: long, 2: `${long}又一次`, 4: 'Short note.', 5: '   ' };
    const whole = encodeSuspendData(course, withNotes(notes), 100_000).data!;
    // What makes this test able to fail: counted in characters, everything would fit.
    expect(whole.length).toBeLessThanOrEqual(limit);
    expect(utf8Bytes(whole)).toBeGreaterThan(limit);
    const { data, notesLeftOut } = encodeSuspendData(course, withNotes(notes), limit);
    expect(utf8Bytes(data!)).toBeLessThanOrEqual(limit);
    expect(notesLeftOut).toEqual([{ rubric: alibaba, level: '2' }]);
    // Never cut: each note is back whole, or not at all (a blank one is not worth keeping).
    expect(read(data!).record.selfAssessments[alibaba]!.notes).toEqual({ 1: long, 4: 'Short note.' });
  });

  test('utf8Bytes counts what an LMS stores: 3 bytes a Han character, 4 outside the BMP, 1 for ASCII', () => {
    expect(utf8Bytes('客')).toBe(3);
    expect(utf8Bytes('𠀀')).toBe(4);
    expect(utf8Bytes('a"\\')).toBe(3);
    // A lone surrogate cannot reach the limit unescaped: JSON writes it as \udXXX.
    expect(utf8Bytes(JSON.stringify('\ud800'))).toBe(8);
  });

  test('the limit is kept to the byte, whatever it is', () => {
    const learner = withNotes({ 3: '案例'.repeat(150) });
    const whole = encodeSuspendData(course, learner, 100_000).data!;
    expect(encodeSuspendData(course, learner, utf8Bytes(whole))).toEqual({ data: whole, notesLeftOut: [] });
    const tight = encodeSuspendData(course, learner, utf8Bytes(whole) - 1);
    expect(tight.notesLeftOut).toEqual([{ rubric: alibaba, level: '3' }]);
    expect(utf8Bytes(tight.data!)).toBe(utf8Bytes(whole) - utf8Bytes(JSON.stringify({ 3: '案例'.repeat(150) })) - ',"t":'.length);
    for (let cap = 50; cap < utf8Bytes(whole); cap += 37) {
      const { data } = encodeSuspendData(course, learner, cap);
      if (data !== undefined) expect(utf8Bytes(data)).toBeLessThanOrEqual(cap);
    }
  });

  test('when the answers alone exceed the limit there is no data, and every note is reported as left out', () => {
    const learner = withNotes({ 2: 'A note.', 4: '' });
    learner.selfAssessments[jd] = { ...learner.selfAssessments[jd]!, notes: { 1: '另一則' } };
    expect(encodeSuspendData(course, learner, 120)).toEqual({
      data: undefined,
      notesLeftOut: [
        { rubric: alibaba, level: '2' },
        { rubric: jd, level: '1' },
      ],
    });
  });

  test('L17: a copy an LMS cut at 4,096 bytes is refused without throwing', () => {
    const learner = withNotes({ 1: '顧客第一，'.repeat(400) });
    const data = encodeSuspendData(course, learner, 64_000).data!;
    const cut = new TextDecoder().decode(new TextEncoder().encode(data).slice(0, limit));
    expect(decodeSuspendData(course, cut)).toEqual({ readable: false });
  });
});

describe('what is written can always be read back', () => {
  /** Quiz progress the browser's check accepts (forged or damaged storage, L18) but no quiz page writes. */
  const odd: [string, QuizProgress['answers']][] = [
    ['a choice with no parts', { [caseL1]: { choice: [], correct: false } }],
    ['an empty part', { [caseL1]: { choice: ['1', ''], correct: false } }],
    ['a part with a space', { [scenario1]: { choice: ['2 5'], correct: false } }],
    ['a part starting with +', { [scenario1]: { choice: ['+3'], correct: false } }],
    ['a question id with a space', { 'case a': { choice: ['1', 'meets'], correct: true } }],
    ['a question id __proto__', JSON.parse('{"__proto__": {"choice": ["1"], "correct": true}}')],
  ];

  test.each(odd)('L18: %s in the browser’s progress does not make the LMS’s copy unreadable; the other answers go through', (_, answers) => {
    const learner = withNotes({ 1: 'A note.' });
    const progress = { ...learner.quizzes[alibaba]!, answers: { ...learner.quizzes[alibaba]!.answers, ...answers } };
    // Only what the browser's own check accepts can reach the record.
    const accepted = readQuizProgress(JSON.parse(JSON.stringify(progress)));
    expect(accepted).toBeDefined();
    learner.quizzes[alibaba] = accepted!;
    const decoded = read(encodeSuspendData(course, learner, limit).data!);
    expect(decoded.record.quizzes[alibaba]!.answers[scenario2]).toEqual(learner.quizzes[alibaba]!.answers[scenario2]);
    // The odd answer is left out rather than read back as another answer.
    const [id] = Object.keys(answers) as [string];
    if (Object.hasOwn(decoded.record.quizzes[alibaba]!.answers, id)) expect(decoded.record.quizzes[alibaba]!.answers[id]!.choice).toEqual(answers[id]!.choice);
    expect(({} as Record<string, unknown>).choice).toBeUndefined();
  });
});

describe('an unreadable copy is carried whole (x), never written over', () => {
  const unreadable = '{"v":1,"o":"000011","i":"","q":[{}],"a":[{"l":{}}]}';

  test('carried in what is written, and given back when read', () => {
    const learner = withNotes({ 1: 'A note.' });
    const { data } = encodeSuspendData(course, learner, limit, unreadable);
    const decoded = read(data!);
    expect(decoded.carried).toBe(unreadable);
    expect(decoded.record).toEqual(asRead(learner));
    // And carried again by the next write, unchanged.
    expect(read(encodeSuspendData(course, decoded.record, limit, decoded.carried).data!).carried).toBe(unreadable);
  });

  test('it counts against the limit: notes go first, and it is never cut', () => {
    const learner = withNotes({ 1: 'x'.repeat(300) });
    const withoutCopy = encodeSuspendData(course, learner, 100_000).data!;
    const copy = '舊'.repeat(50);
    const { data, notesLeftOut } = encodeSuspendData(course, learner, utf8Bytes(withoutCopy), copy);
    expect(notesLeftOut).toEqual([{ rubric: alibaba, level: '1' }]);
    expect(read(data!).carried).toBe(copy);
    // Too large to carry beside the answers: nothing is written, rather than a cut copy.
    expect(encodeSuspendData(course, learner, limit, '舊'.repeat(1400)).data).toBeUndefined();
  });
});

describe('decodeSuspendData refuses what this package did not write, without throwing or polluting prototypes', () => {
  const valid = JSON.parse(encodeSuspendData(course, withNotes({ 1: 'A note.' }), limit).data!) as Record<string, unknown>;
  const changed = (change: Record<string, unknown>) => JSON.stringify({ ...valid, ...change });
  const answers = (answer: Record<string, unknown>) => changed({ q: { [alibaba]: answer } });
  const assessment = (change: Record<string, unknown>) => changed({ a: { [alibaba]: { l: { 1: 'no-incident' }, ...change } } });
  const raw = (q: string, a = '{}') => `{"v":2,"c":"${course.version}","o":"","i":[],"q":${q},"a":${a}}`;

  test('the valid data used below is read', () => {
    for (const text of [JSON.stringify(valid), assessment({}), answers({ [caseL1]: '1 falls-short' }), raw('{}')]) expect(decodeSuspendData(course, text).readable).toBe(true);
  });

  test.each([
    ['not JSON', '{"v":2,'],
    ['empty', ''],
    ['null', 'null'],
    ['an array', '[1]'],
    ['a string', '"v"'],
    ['a number', '2'],
    ['the earlier format, by position (v1)', '{"v":1,"o":"000011","i":"","q":[{}],"a":[{"l":{}}]}'],
    ['a version as text', changed({ v: '2' })],
    ['a future version', changed({ v: 3 })],
    ['no course version', changed({ c: undefined })],
    ['a course version as a number', changed({ c: 12 })],
    ['steps as a list', changed({ o: ['speech'] })],
    ['a step with markup', changed({ o: 'speech <img>' })],
    ['steps with a double space', changed({ o: 'speech  quiz' })],
    ['a step as __proto__', changed({ o: 'speech __proto__' })],
    ['interactions as text', changed({ i: 'case-a' })],
    ['an interaction as a number', changed({ i: [1] })],
    ['an interaction twice', changed({ i: [caseL1, caseL1] })],
    ['an interaction as constructor', changed({ i: ['constructor'] })],
    ['an interaction of 161 characters', changed({ i: ['a'.repeat(161)] })],
    ['quizzes as a list', changed({ q: [{}] })],
    ['a quiz as null', changed({ q: { [alibaba]: null } })],
    ['a quiz as a list', changed({ q: { [alibaba]: ['1 falls-short'] } })],
    ['a quiz as __proto__', raw('{"__proto__":{"case-a":"1 meets"}}')],
    ['a quiz as prototype', raw('{"prototype":{"case-a":"1 meets"}}')],
    ['a question as __proto__', raw(`{"${alibaba}":{"__proto__":"1 meets"}}`)],
    ['a question id with a slash', answers({ 'case/../x': '1 meets' })],
    ['a choice as a list', answers({ [caseL1]: ['1', 'falls-short'] })],
    ['a choice as a number', answers({ [scenario1]: 2.5 })],
    ['an empty choice', answers({ [scenario1]: '' })],
    ['a choice of only the right mark', answers({ [scenario1]: '+' })],
    ['an empty part', answers({ [caseL1]: '1  falls-short' })],
    ['more than four parts', answers({ [caseL1]: '1 2 3 4 5' })],
    ['a part over 40 characters', answers({ [scenario1]: 'x'.repeat(41) })],
    ['more answers than a quiz can have', answers(Object.fromEntries(Array.from({ length: limits.questions + 1 }, (_, i) => [`case-${i}`, '1 meets'])))],
    ['self-assessments as a list', changed({ a: [{ l: {} }] })],
    ['a self-assessment as text', changed({ a: { [alibaba]: 'example' } })],
    ['a self-assessment without answers', changed({ a: { [alibaba]: { t: {} } } })],
    ['a self-assessment as __proto__', raw('{}', '{"__proto__":{"l":{}}}')],
    ['a level 0', assessment({ l: { 0: 'example' } })],
    ['a level 10', assessment({ l: { 10: 'example' } })],
    ['an unknown answer', assessment({ l: { 1: 'maybe' } })],
    ['an answer as a number', assessment({ l: { 1: 1 } })],
    ['a level as __proto__', raw('{}', `{"${alibaba}":{"l":{"__proto__":"example"}}}`)],
    ['notes as a list', assessment({ t: ['A note.'] })],
    ['a note of level x', assessment({ t: { x: 'A note.' } })],
    ['a note as a number', assessment({ t: { 1: 5 } })],
    ['a note as __proto__', raw('{}', `{"${alibaba}":{"l":{},"t":{"__proto__":"x"}}}`)],
    ['a note longer than a note can be', assessment({ t: { 1: 'x'.repeat(limits.note + 1) } })],
    ['a name as a number', assessment({ n: 7 })],
    ['a name longer than a name can be', assessment({ n: 'x'.repeat(limits.field + 1) })],
    ['a period as an object', assessment({ p: { toString: 'x' } })],
    ['a carried copy as an object', changed({ x: { v: 1 } })],
    ['a huge list of interactions', changed({ i: Array.from({ length: 100_000 }, () => caseL1) })],
    ['a huge string', JSON.stringify('x'.repeat(5_000_000))],
    ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['deep nesting inside a quiz', raw(`{"${alibaba}":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`)],
  ])('%s', (_, text) => {
    expect(decodeSuspendData(course, text)).toEqual({ readable: false });
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('mergeRecords', () => {
  const lms = record({
    opened: ['speech', 'cases'],
    quizzes: { [alibaba]: quizProgress(course, alibaba, { [caseL1]: ['1', 'falls-short'], [scenario1]: ['3'] }), [jd]: quizProgress(course, jd, { [jdCase]: ['2', 'meets'] }) },
    selfAssessments: {
      [alibaba]: selfAssessment(alibaba, { 1: 'no-incident', 2: 'incident' }, { notes: { 1: 'From the LMS, level 1.', 2: 'From the LMS, level 2.', 3: 'From the LMS, level 3.' }, name: 'Lin', period: '2026 Q3' }),
    },
    interactions: [caseL1, scenario1, `${alibaba}#1`],
  });
  const browser = {
    opened: ['quiz'],
    quizzes: { [alibaba]: { ...quizProgress(course, alibaba, { [scenario1]: ['2.5'], [scenario2]: ['3'] }), order: [scenario2, scenario1, caseL1] } },
    selfAssessments: {
      [alibaba]: selfAssessment(alibaba, { 2: 'no-incident', 3: 'example' }, { notes: { 1: 'From the browser, level 1.', 2: '  ', 4: '' }, name: '', period: '2026 Q4' }),
      [jd]: selfAssessment(jd, { 1: 'no-incident' }),
    },
  };
  const merged = mergeRecords(lms, browser);

  test('steps opened on either side are opened; the interaction order is the LMS’s', () => {
    expect(merged.opened).toEqual(['speech', 'cases', 'quiz']);
    expect(merged.interactions).toEqual(lms.interactions);
  });

  test('quiz answers: the union, the browser’s where both answered; the browser’s question order', () => {
    expect(merged.quizzes[alibaba]).toEqual({
      version: savedVersion,
      order: [scenario2, scenario1, caseL1],
      answers: {
        [caseL1]: { choice: ['1', 'falls-short'], correct: true },
        [scenario1]: { choice: ['2.5'], correct: true },
        [scenario2]: { choice: ['3'], correct: true },
      },
    });
    expect(merged.quizzes[jd]).toEqual(lms.quizzes[jd]);
  });

  test('self-assessment: answers united with the browser’s winning; its non-empty notes win, blank ones erase nothing', () => {
    expect(merged.selfAssessments[alibaba]).toEqual({
      version: savedVersion,
      rubric: alibaba,
      answers: { 1: 'no-incident', 2: 'no-incident', 3: 'example' },
      notes: { 1: 'From the browser, level 1.', 2: 'From the LMS, level 2.', 3: 'From the LMS, level 3.', 4: '' },
      name: 'Lin',
      period: '2026 Q4',
    });
    expect(merged.selfAssessments[jd]).toEqual(browser.selfAssessments[jd]);
  });

  test('a side with nothing gives way to the other, and merging changes neither', () => {
    const before = JSON.stringify([lms, browser]);
    expect(mergeRecords(emptyRecord(), browser)).toEqual({ ...browser, interactions: [] });
    expect(mergeRecords(lms, { quizzes: {}, selfAssessments: {} })).toEqual(lms);
    mergeRecords(lms, browser);
    expect(JSON.stringify([lms, browser])).toBe(before);
  });
});

describe('itemOf', () => {
  test('names a question with its quiz, a level with its self-assessment; a retired key names nothing', () => {
    expect(itemOf(course, jdCase)).toMatchObject({ kind: 'question', quiz: { id: jd }, question: { id: jdCase, key: ['2', 'meets'] } });
    expect(itemOf(course, `${alibaba}#5`)).toMatchObject({ kind: 'level', selfAssessment: { rubric: alibaba }, level: { level: 5 } });
    for (const key of ['case-retired', `${jd}#3`, `${alibaba}#0`, alibaba, '']) expect(itemOf(course, key)).toBeUndefined();
  });
});
