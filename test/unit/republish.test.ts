/**
 * A course republished while a learner is half-way through (issue 17), at unit level: the
 * learner's record is written against one course, the course is rebuilt from fixture cases with
 * one change, and the record is read back against the new course, both as the LMS keeps it
 * (suspend data) and as the browser keeps it (quiz progress). Every surviving answer must land
 * on its own question, marked against the new key; nothing is refused whole; what changed is
 * reported; the LMS gets honest values, each interaction under the number it had.
 */
import { describe, expect, test } from 'vitest';
import { courseStatus, restoreQuiz, restoreSelfAssessment, withNewInteractions, type Course, type LearnerRecord } from '../../src/lib/course';
import type { QuizCase } from '../../src/lib/quiz';
import { scormVersions } from '../../src/lib/scorm/course';
import { reportValues, scormRuntime, interactionId } from '../../src/lib/scorm/report';
import { decodeSuspendData, encodeSuspendData } from '../../src/lib/scorm/suspend-data';
import { alibaba, alibabaRules, builtCourse, fixtureCases, quizById, record, selfAssessment, steps } from '../support/course';
import { asMap, refusedAfter } from '../support/scorm-runtime';

const base = builtCourse(fixtureCases, alibabaRules);
const quiz = quizById(base, alibaba);
const X = 'case-alibaba-l1-respectful-reply'; // a case inserted before it in (a)
const Y = 'case-alibaba-l2-ignored-complaint'; // removed in (b)
const Z = 'case-alibaba-l2-smiling-at-a-complaint'; // moved from level 2 to level 3 in (c)
const W = 'case-alibaba-l4-photo-shoot'; // answered wrongly
const scenarios = quiz.questions.filter((q) => q.id.startsWith('scenario-'));

/**
 * Half-way: four case questions answered (three right), every scenario answered (all right but
 * the first), three self-assessment levels with notes, the name and the period.
 */
function learner(): LearnerRecord {
  const answers: Record<string, { choice: string[]; correct: boolean }> = {
    [X]: { choice: ['1', 'meets'], correct: true },
    [Y]: { choice: ['2', 'falls-short'], correct: true },
    [Z]: { choice: ['2', 'meets'], correct: true },
    [W]: { choice: ['3', 'meets'], correct: false },
  };
  scenarios.forEach((s, i) => (answers[s.id] = i === 0 ? { choice: [s.key[0] === '0' ? '1' : '0'], correct: false } : { choice: [...s.key], correct: true }));
  const rec = record({
    opened: ['speech', 'quiz', 'selfAssessment'],
    quizzes: { [alibaba]: { version: 1, order: quiz.questions.map((q) => q.id), answers, keyVersion: quiz.version } },
    selfAssessments: {
      [alibaba]: selfAssessment(alibaba, { 1: 'mitigated-incident', 2: 'no-incident', 3: 'example' }, { notes: { 1: '遲到一次，已向客戶道歉。', 3: 'Found the right team for a seller.' }, name: '林小明', period: '2026 Q4' }),
    },
  });
  rec.interactions = withNewInteractions(base, rec);
  return rec;
}

const moved = (cases: readonly QuizCase[], id: string, level: number) => cases.map((c) => (`case-${c.id}` === id ? { ...c, level } : c));
const inserted: QuizCase = { id: 'alibaba-l1-aaa-added-case', level: 1, verdict: 'falls-short', origin: 'source' };
const withoutHalfPoint = alibabaRules.map((r) => (r.level === 1 ? { level: 1, evidence: r.evidence } : r));

const republished: [label: string, course: Course][] = [
  ['(a) a case inserted before an answered one', builtCourse([...fixtureCases.slice(0, 1), inserted, ...fixtureCases.slice(1)], alibabaRules)],
  ['(b) an answered case removed', builtCourse(fixtureCases.filter((c) => `case-${c.id}` !== Y), alibabaRules)],
  ['(c) an answered case moved to another level', builtCourse(moved(fixtureCases, Z, 3), alibabaRules)],
  ['(d) a rubric level’s half point removed', builtCourse(fixtureCases, withoutHalfPoint)],
  ['(e) a step added', builtCourse(fixtureCases, alibabaRules, [steps[0]!, { id: 'values', kind: 'read' }, ...steps.slice(1)])],
];
const course = (label: string) => republished.find(([l]) => l.startsWith(label))![1];

const saved = learner();
const suspended = encodeSuspendData(base, saved, scormRuntime['1.2'].suspendLimit);

/** The record read back against `c` from the LMS's copy. */
function readBack(c: Course) {
  const decoded = decodeSuspendData(c, suspended.data!);
  if (!decoded.readable) throw new Error('refused');
  return decoded;
}

test('the record fits 1.2’s suspend data whole, so every case below starts from all of it', () => {
  expect(suspended.notesLeftOut).toEqual([]);
  expect(Object.keys(saved.quizzes[alibaba]!.answers)).toHaveLength(4 + 6);
  // Each change is a change: the course version moves.
  for (const [label, c] of republished) expect(c.version, label).not.toBe(base.version);
});

describe.each(republished)('%s', (_, after) => {
  const newQuiz = quizById(after, alibaba);
  const keyOf = (id: string) => newQuiz.questions.find((q) => q.id === id)?.key;
  const answers = saved.quizzes[alibaba]!.answers;
  const surviving = Object.keys(answers).filter((id) => keyOf(id) !== undefined);
  const retired = Object.keys(answers).filter((id) => keyOf(id) === undefined);
  /** Right by the new key: every part equal, worked out here without isCorrect. */
  const rightNow = (id: string) => JSON.stringify(answers[id]!.choice) === JSON.stringify(keyOf(id));

  test('L1/L2: the LMS’s copy is read, not refused; nothing is carried aside', () => {
    const decoded = decodeSuspendData(after, suspended.data!);
    expect(decoded.readable).toBe(true);
    expect(readBack(after).carried).toBeUndefined();
  });

  test('L3: every surviving answer is on its own question, marked against the new key; answers to retired questions are kept', () => {
    const back = readBack(after).record.quizzes[alibaba]!;
    expect(Object.keys(back.answers).sort()).toEqual(Object.keys(answers).sort());
    for (const id of surviving) expect(back.answers[id], id).toEqual({ choice: answers[id]!.choice, correct: rightNow(id) });
    for (const id of retired) expect(back.answers[id], id).toEqual(answers[id]);
    // No question the learner never saw is answered.
    expect(newQuiz.questions.filter((q) => back.answers[q.id]).map((q) => q.id).sort()).toEqual(surviving.sort());
  });

  test('what changed is reported: answers marked differently, answers retired', () => {
    const { changes } = readBack(after);
    expect(changes.remarked.sort()).toEqual(surviving.filter((id) => rightNow(id) !== answers[id]!.correct).sort());
    expect(changes.retired.sort()).toEqual(retired.sort());
  });

  test('L5: the browser’s quiz progress, saved against the earlier quiz, is restored the same way', () => {
    const { progress, changes } = restoreQuiz(newQuiz, saved.quizzes[alibaba]!);
    const fromLms = readBack(after);
    expect(progress.answers).toEqual(fromLms.record.quizzes[alibaba]!.answers);
    expect(progress.keyVersion).toBe(newQuiz.version);
    expect(changes.remarked.sort()).toEqual(fromLms.changes.remarked.sort());
    expect(changes.retired.sort()).toEqual(fromLms.changes.retired.sort());
  });

  test('the score counts the current questions only', () => {
    const status = courseStatus(after, readBack(after).record);
    expect(status.answered).toBe(surviving.length);
    expect(status.right).toBe(surviving.filter(rightNow).length);
    expect(status.questions).toBe(newQuiz.questions.length);
  });

  test.each(scormVersions)('L3: SCORM %s: each interaction keeps its number and its id; retired ones are not sent again; results by the new key; scorm-again takes every value', (version) => {
    const before = asMap(reportValues(base, version, saved, saved.interactions));
    const { record: back } = readBack(after);
    const order = withNewInteractions(after, back);
    // Nothing new was answered: the LMS's numbering is kept as it was.
    expect(order).toEqual(saved.interactions);
    const values = asMap(reportValues(after, version, back, order));
    const answeredNow = (key: string) =>
      surviving.includes(key) || Object.entries(back.selfAssessments[alibaba]!.answers).some(([level]) => key === `${alibaba}#${level}`);
    expect(saved.interactions.filter((key) => !answeredNow(key)).length).toBe(retired.length + (after === course('(d)') ? 1 : 0));
    saved.interactions.forEach((key, n) => {
      const at = `cmi.interactions.${n}`;
      if (!answeredNow(key)) {
        expect([...values.keys()].filter((k) => k.startsWith(`${at}.`)), key).toEqual([]);
        return;
      }
      expect(values.get(`${at}.id`), key).toBe(before.get(`${at}.id`));
      if (surviving.includes(key)) expect(values.get(`${at}.result`), key).toBe(rightNow(key) ? 'correct' : version === '1.2' ? 'wrong' : 'incorrect');
    });
    // The LMS holds what the earlier course sent; the new values go on top of it.
    expect(refusedAfter(version, [...before], [...values])).toEqual([]);
  });

  test('written back against the new course and read again, it is the same record with nothing more to report', () => {
    const first = readBack(after);
    const again = decodeSuspendData(after, encodeSuspendData(after, first.record, scormRuntime['1.2'].suspendLimit).data!);
    expect(again).toEqual({ readable: true, record: first.record, sameCourse: true, changes: { remarked: [], retired: [], dropped: [] }, carried: undefined });
  });

  test('the self-assessment, its notes, name and period are kept (only an answer the rubric no longer allows goes)', () => {
    const sa = readBack(after).record.selfAssessments[alibaba]!;
    const before = saved.selfAssessments[alibaba]!;
    expect({ ...sa, answers: {} }).toEqual({ ...before, answers: {} });
    const allowedNow = after.selfAssessments[0]!.levels;
    for (const [level, answer] of Object.entries(before.answers)) {
      const allowed = allowedNow.find((l) => String(l.level) === level)!.answers.includes(answer);
      expect(sa.answers[level], `level ${level}`).toBe(allowed ? answer : undefined);
    }
  });
});

describe('each change, worked out by hand', () => {
  test('(a) L2/L3: the answer stays on its case; the inserted case is unanswered; no case question re-marked', () => {
    const { record: back, changes } = readBack(course('(a)'));
    const answers = back.quizzes[alibaba]!.answers;
    expect(answers[X]).toEqual({ choice: ['1', 'meets'], correct: true });
    expect(answers[`case-${inserted.id}`]).toBeUndefined();
    expect(changes.remarked.filter((id) => id.startsWith('case-'))).toEqual([]);
    expect(changes.dropped).toEqual([]);
    // Answered after the relaunch, the inserted case is numbered after every earlier item.
    const answered = { ...back, quizzes: { [alibaba]: { ...back.quizzes[alibaba]!, answers: { ...answers, [`case-${inserted.id}`]: { choice: ['1', 'falls-short'], correct: true } } } } };
    const order = withNewInteractions(course('(a)'), answered);
    expect(order).toEqual([...saved.interactions, `case-${inserted.id}`]);
    const values = asMap(reportValues(course('(a)'), '1.2', answered, order));
    expect([values.get(`cmi.interactions.${saved.interactions.length}.id`), values.get(`cmi.interactions.${saved.interactions.length}.result`)]).toEqual([interactionId(alibaba, `case-${inserted.id}`), 'correct']);
  });

  test('(b) L1: the removed case’s answer is kept, uncounted, and comes back on its question if the earlier course returns', () => {
    const { record: back, changes } = readBack(course('(b)'));
    expect(back.quizzes[alibaba]!.answers[Y]).toEqual({ choice: ['2', 'falls-short'], correct: true });
    expect(changes.retired).toContain(Y);
    expect(changes.remarked.filter((id) => id.startsWith('case-'))).toEqual([]);
    // Rolled back: the copy written by the new course, read by the earlier one.
    const written = encodeSuspendData(course('(b)'), back, scormRuntime['1.2'].suspendLimit).data!;
    const rolledBack = decodeSuspendData(base, written);
    expect(rolledBack.readable && courseStatus(base, rolledBack.record)).toEqual(courseStatus(base, saved));
  });

  test('(c) L3: the moved case’s right answer (level 2) is wrong against its new level 3, and reported', () => {
    const { record: back, changes } = readBack(course('(c)'));
    expect(back.quizzes[alibaba]!.answers[Z]).toEqual({ choice: ['2', 'meets'], correct: false });
    expect(changes.remarked).toContain(Z);
    const n = saved.interactions.indexOf(Z);
    const values = asMap(reportValues(course('(c)'), '2004', back, back.interactions));
    expect([values.get(`cmi.interactions.${n}.id`), values.get(`cmi.interactions.${n}.result`), values.get(`cmi.interactions.${n}.correct_responses.0.pattern`)]).toEqual([
      interactionId(alibaba, `${Z}`),
      'incorrect',
      '3[,]meets',
    ]);
  });

  test('(d) L4: only level 1’s mitigated incident is dropped, and reported; its note stays; scenarios with a mitigated case retire', () => {
    const { record: back, changes } = readBack(course('(d)'));
    expect(back.selfAssessments[alibaba]!.answers).toEqual({ 2: 'no-incident', 3: 'example' });
    expect(back.selfAssessments[alibaba]!.notes[1]).toBe('遲到一次，已向客戶道歉。');
    expect(changes.dropped).toEqual([{ level: 1, answer: 'mitigated-incident' }]);
    // A scenario's id is made from its record, mitigation included: one with a mitigated case is
    // another question now, and its answer retires. No case question retires.
    expect(changes.retired.length).toBeGreaterThan(0);
    for (const id of changes.retired) expect(id).toMatch(/^scenario-/);
    // The level-1 interaction keeps its number and is no longer sent; the others are.
    const values = asMap(reportValues(course('(d)'), '1.2', back, back.interactions));
    const n = saved.interactions.indexOf(`${alibaba}#1`);
    expect(values.has(`cmi.interactions.${n}.id`)).toBe(false);
    expect(values.get(`cmi.interactions.${saved.interactions.indexOf(`${alibaba}#2`)}.student_response`)).toBe('no_incident');
    // The same rule restores the browser's copy of the self-assessment.
    expect(restoreSelfAssessment(course('(d)').selfAssessments[0]!.levels, saved.selfAssessments[alibaba]!).changes.dropped).toEqual(changes.dropped);
  });

  test('(e) a step added changes nothing the learner did; the new step is simply not started', () => {
    const { record: back, changes } = readBack(course('(e)'));
    expect(changes).toEqual({ remarked: [], retired: [], dropped: [] });
    expect(back.opened).toEqual(saved.opened);
    const status = courseStatus(course('(e)'), back);
    expect(status.steps.values).toBe('not-started');
    expect(status.steps.speech).toBe('done');
    // Speech is the one step done: a quarter of the path before, a fifth now.
    expect(courseStatus(base, saved).progress).toBe(1 / 4);
    expect(status.progress).toBe(1 / 5);
  });
});
