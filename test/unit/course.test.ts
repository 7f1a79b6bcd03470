/**
 * The course model (src/lib/course.ts): where a learner stands, the one place an answer is
 * marked, versions over ids and keys, the LMS's numbering of items, and restoring saved answers
 * by id against a course that changed since they were saved.
 */
import { describe, expect, test } from 'vitest';
import {
  courseOutline,
  courseStatus,
  describeChanges,
  courseVersion,
  emptyRecord,
  isCorrect,
  itemKey,
  quizVersion,
  restoreQuiz,
  restoreSelfAssessment,
  stepStates,
  withNewInteractions,
} from '../../src/lib/course';
import { readQuizProgress } from '../../src/lib/saved-quiz';
import { savedVersion } from '../../src/lib/saved-state';
import { alibaba, alibabaRules, course, courseOf, finished, jd, quizById, quizOf, quizProgress, record, selfAssessment, selfAssessmentOf, steps } from '../support/course';

const [caseL1, caseL4, scenario1, scenario2] = quizById(course, alibaba).questions.map((q) => q.id) as [string, string, string, string];
const jdCase = quizById(course, jd).questions[0]!.id;
const allAlibabaRight = { [caseL1]: ['1', 'falls-short'], [caseL4]: ['4', 'meets'], [scenario1]: ['2.5'], [scenario2]: ['3'] };

describe('courseStatus', () => {
  test('a learner who has done nothing has no progress, no result, and counts every question', () => {
    expect(courseStatus(course, emptyRecord())).toEqual({
      steps: { speech: 'not-started', cases: 'not-started', quiz: 'not-started', selfAssessment: 'not-started' },
      progress: 0,
      completed: false,
      right: 0,
      answered: 0,
      questions: 5,
      passed: undefined,
    });
  });

  test('a reading step is done once its page is opened', () => {
    const status = courseStatus(course, record({ opened: ['speech', 'cases'] }));
    expect(status.steps).toMatchObject({ speech: 'done', cases: 'done', quiz: 'not-started' });
    expect(status.progress).toBe(2 / 4);
    expect(status.completed).toBe(false);
  });

  test('the quiz step is done once opened and every question of every quiz is answered; started before', () => {
    const learner = record({ quizzes: { [alibaba]: quizProgress(course, alibaba, allAlibabaRight) } });
    expect(courseStatus(course, learner)).toMatchObject({ steps: { quiz: 'started' }, progress: 0, answered: 4, right: 4, passed: undefined });
    learner.quizzes[jd] = quizProgress(course, jd, { [jdCase]: ['2', 'falls-short'] });
    // Answered in full but its page never opened (answers from another browser): still only started.
    expect(courseStatus(course, learner)).toMatchObject({ steps: { quiz: 'started' }, answered: 5, right: 4, passed: true });
    learner.opened = ['quiz'];
    expect(courseStatus(course, learner)).toMatchObject({ steps: { quiz: 'done' }, progress: 1 / 4 });
  });

  test('the self-assessment step is done only once every level of every self-assessment is answered', () => {
    const learner = record({
      opened: ['selfAssessment'],
      selfAssessments: {
        [alibaba]: selfAssessment(alibaba, { 1: 'no-incident', 2: 'incident', 3: 'example', 4: 'no-example', 5: 'no-example' }),
        [jd]: selfAssessment(jd, { 1: 'no-incident' }),
      },
    });
    expect(courseStatus(course, learner).steps.selfAssessment).toBe('started');
    learner.selfAssessments[jd] = selfAssessment(jd, { 1: 'no-incident', 2: 'no-example' });
    expect(courseStatus(course, learner)).toMatchObject({ steps: { selfAssessment: 'done' }, progress: 1 / 4 });
  });

  test('answers to questions and levels the course does not have count for nothing', () => {
    const learner = record({
      opened: ['quiz', 'selfAssessment'],
      quizzes: { [alibaba]: { version: savedVersion, order: [], answers: { 'case-removed': { choice: ['1', 'meets'], correct: true } } } },
      selfAssessments: { [alibaba]: selfAssessment(alibaba, { 6: 'example' } as never), 'removed-rubric': selfAssessment('removed-rubric', { 1: 'example' }) },
    });
    expect(courseStatus(course, learner)).toMatchObject({ progress: 0, answered: 0, right: 0, questions: 5 });
  });

  test('completed when every step is done; passed at the pass mark exactly, failed below it', () => {
    expect(courseStatus(course, finished(course, 0))).toMatchObject({ progress: 1, completed: true, right: 5, answered: 5, questions: 5, passed: true });
    expect(courseStatus(course, finished(course, 1))).toMatchObject({ completed: true, right: 4, passed: true });
    expect(courseStatus(course, finished(course, 2))).toMatchObject({ completed: true, right: 3, passed: false });
    expect(courseStatus({ ...course, passMark: 0.81 }, finished(course, 1)).passed).toBe(false);
  });

  test('passed or failed is known once the quiz is complete, even if other steps are not done', () => {
    expect(courseStatus(course, { ...finished(course, 3), opened: [] })).toMatchObject({ progress: 0, completed: false, passed: false });
  });

  test('a course without quiz questions is never passed or failed', () => {
    const noQuiz = { ...course, quizzes: [] };
    expect(courseStatus(noQuiz, { ...finished(course), quizzes: {} })).toMatchObject({ completed: true, questions: 0, passed: undefined });
  });

  test('T10/L18: a saved "right" flag counts for nothing; the answer is marked against the key', () => {
    // Forged (or stale) progress: every answer wrong, every one flagged right.
    const forged = finished(course, 5);
    for (const progress of Object.values(forged.quizzes)) for (const answer of Object.values(progress.answers)) answer.correct = true;
    expect(courseStatus(course, forged)).toMatchObject({ right: 0, answered: 5, passed: false });
  });
});

test('isCorrect compares every part, in order', () => {
  const question = quizById(course, alibaba).questions[0]!;
  expect(isCorrect(question, ['1', 'falls-short'])).toBe(true);
  expect(isCorrect(question, ['falls-short', '1'])).toBe(false);
  expect(isCorrect(question, ['1'])).toBe(false);
  expect(isCorrect(question, ['1', 'falls-short', 'meets'])).toBe(false);
  expect(isCorrect(question, ['1', 'meets'])).toBe(false);
  expect(isCorrect({ key: ['2.5'] }, ['2.50'])).toBe(false);
});

describe('the outline an island reads', () => {
  test('the steps a learner has done are the status’s, from the course or from its outline, with no LMS numbering', () => {
    const learner = { ...finished(course, 1), opened: ['speech', 'quiz'] };
    const state = { opened: learner.opened, quizzes: learner.quizzes, selfAssessments: learner.selfAssessments };
    expect(stepStates(course, state)).toEqual(courseStatus(course, learner).steps);
    expect(courseStatus(courseOutline(course), state)).toEqual(courseStatus(course, learner));
  });

  test('keeps ids, keys, levels, storage keys and the pass mark; leaves out titles and versions', () => {
    const outline = courseOutline(course);
    expect(JSON.stringify(outline)).not.toContain('"title"');
    expect(JSON.stringify(outline)).not.toContain('"version"');
    expect(outline.quizzes.map((q) => q.storageKey)).toEqual(course.quizzes.map((q) => q.storageKey));
    expect(outline.quizzes[0]!.questions[0]).toEqual({ id: course.quizzes[0]!.questions[0]!.id, key: course.quizzes[0]!.questions[0]!.key, level: course.quizzes[0]!.questions[0]!.level });
    expect(outline.passMark).toBe(course.passMark);
  });
});

describe('versions', () => {
  const parts = { steps: course.steps, quizzes: course.quizzes, selfAssessments: course.selfAssessments };
  const questions = quizById(course, alibaba).questions;

  test('a quiz’s version changes with a question’s id or key, not with its title', () => {
    const base = quizVersion(questions);
    expect(quizVersion(questions.map((q) => ({ ...q, title: `${q.title} (edited)` })))).toBe(base);
    expect(quizVersion(questions.map((q, i) => (i === 2 ? { ...q, key: ['2'] } : q)))).not.toBe(base);
    expect(quizVersion(questions.map((q, i) => (i === 0 ? { ...q, id: 'case-alibaba-l1-y' } : q)))).not.toBe(base);
    expect(quizVersion(questions.slice(1))).not.toBe(base);
  });

  test('a course’s version changes with a step, a quiz’s version or a level’s allowed answers; not with titles, storage keys or the pass mark', () => {
    const base = courseVersion(parts);
    expect(course.version).toBe(base);
    expect(courseOf(parts, 0.5).version).toBe(base);
    const retitled = parts.selfAssessments.map((sa) => ({ ...sa, storageKey: `${sa.storageKey}-2`, levels: sa.levels.map((l) => ({ ...l, title: 'Other words' })) }));
    expect(courseVersion({ ...parts, selfAssessments: retitled })).toBe(base);
    expect(courseVersion({ ...parts, steps: [...steps, { id: 'values', kind: 'read' }] })).not.toBe(base);
    expect(courseVersion({ ...parts, quizzes: [quizOf(alibaba, questions.slice(0, 3)), parts.quizzes[1]!] })).not.toBe(base);
    const noHalfPoint = alibabaRules.map((r) => (r.level === 1 ? { level: 1, evidence: r.evidence } : r));
    expect(courseVersion({ ...parts, selfAssessments: [selfAssessmentOf(alibaba, noHalfPoint), parts.selfAssessments[1]!] })).not.toBe(base);
  });
});

describe('withNewInteractions', () => {
  test('appends answered questions and levels in course order, each once', () => {
    const learner = record({
      quizzes: { [alibaba]: quizProgress(course, alibaba, { [scenario2]: ['3'], [caseL1]: ['2', 'meets'] }), [jd]: quizProgress(course, jd, { [jdCase]: ['2', 'meets'] }) },
      selfAssessments: { [jd]: selfAssessment(jd, { 2: 'example' }) },
    });
    expect(withNewInteractions(course, learner)).toEqual([caseL1, scenario2, jdCase, `${jd}#2`]);
  });

  test('keeps the order the LMS numbered earlier items in, and does not change the record', () => {
    const learner = record({
      quizzes: { [alibaba]: quizProgress(course, alibaba, { [scenario1]: ['2.5'], [caseL1]: ['1', 'falls-short'] }) },
      selfAssessments: { [alibaba]: selfAssessment(alibaba, { 4: 'example' }) },
      interactions: [`${alibaba}#4`, scenario1],
    });
    const order = withNewInteractions(course, learner);
    expect(order).toEqual([`${alibaba}#4`, scenario1, caseL1]);
    expect(learner.interactions).toEqual([`${alibaba}#4`, scenario1]);
    expect(withNewInteractions(course, { ...learner, interactions: order })).toEqual(order);
  });

  test('an item keeps its number after its answer is cleared, or after the course retires it', () => {
    const learner = record({ interactions: [caseL4, 'case-retired', `${jd}#3`], quizzes: { [jd]: quizProgress(course, jd, { [jdCase]: ['2', 'meets'] }) } });
    expect(withNewInteractions(course, learner)).toEqual([caseL4, 'case-retired', `${jd}#3`, jdCase]);
  });

  test('a question is known by its id, a level by its rubric and number', () => {
    expect(itemKey.question('scenario-1a2b3c4d')).toBe('scenario-1a2b3c4d');
    expect(itemKey.level(alibaba, 5)).toBe(`${alibaba}#5`);
    // Two rubrics' levels of one number stay apart.
    expect(itemKey.level(alibaba, 1)).not.toBe(itemKey.level(jd, 1));
  });
});

describe('restoreQuiz', () => {
  const quiz = quizById(course, alibaba);
  /** The same quiz after a republish: scenario 1's key is now 2 (a rule changed), case L4 is gone. */
  const changedQuestions = quiz.questions.filter((q) => q.id !== caseL4).map((q) => (q.id === scenario1 ? { ...q, key: ['2'] } : q));
  const changed = { version: quizVersion(changedQuestions), questions: changedQuestions };
  const saved = { ...quizProgress(course, alibaba, { [caseL1]: ['1', 'falls-short'], [caseL4]: ['4', 'meets'], [scenario1]: ['2.5'] }), keyVersion: quiz.version };

  test('L5: every answer is marked again against the current key, and a change of verdict is reported', () => {
    const { progress, changes } = restoreQuiz(changed, saved);
    expect(progress.answers[scenario1]).toEqual({ choice: ['2.5'], correct: false });
    expect(progress.answers[caseL1]).toEqual({ choice: ['1', 'falls-short'], correct: true });
    expect(changes.remarked).toEqual([scenario1]);
    expect(progress.keyVersion).toBe(changed.version);
    // The answer "2" to scenario 1, wrong before, is right now.
    expect(restoreQuiz(changed, { ...saved, answers: { [scenario1]: { choice: ['2'], correct: false } } }).progress.answers[scenario1]!.correct).toBe(true);
  });

  test('L1: an answer to a question the quiz no longer has is kept as it was, and reported retired', () => {
    const { progress, changes } = restoreQuiz(changed, saved);
    expect(progress.answers[caseL4]).toEqual(saved.answers[caseL4]);
    expect(changes.retired).toEqual([caseL4]);
    expect(progress.order).toEqual(saved.order);
    expect(saved.answers[scenario1]!.correct).toBe(true); // the saved progress itself is left alone
  });

  test('progress saved against this version reports no change, but its flags are still checked (T10)', () => {
    const forged = { ...saved, answers: { [caseL1]: { choice: ['2', 'meets'], correct: true } } };
    const { progress, changes } = restoreQuiz(quiz, forged);
    expect(progress.answers[caseL1]!.correct).toBe(false);
    expect(changes).toEqual({ remarked: [], retired: [], dropped: [] });
  });

  test('progress from before versions existed is restored and its changes reported', () => {
    const old = { ...saved, keyVersion: undefined, answers: { [scenario1]: { choice: ['2.5'], correct: true } } };
    expect(restoreQuiz(quiz, old).changes).toEqual({ remarked: [], retired: [], dropped: [] });
    expect(restoreQuiz(changed, old).changes.remarked).toEqual([scenario1]);
  });

  test('an answer with another number of parts than its question is kept and not marked', () => {
    const { progress, changes } = restoreQuiz(quiz, { ...saved, keyVersion: 'older', answers: { [caseL1]: { choice: ['1'], correct: true } } });
    expect(progress.answers[caseL1]).toEqual({ choice: ['1'], correct: true });
    expect(changes.retired).toEqual([caseL1]);
  });
});

describe('restoreSelfAssessment', () => {
  const noHalfPoint = selfAssessmentOf(alibaba, alibabaRules.map((r) => (r.level === 1 ? { level: 1, evidence: r.evidence } : r))).levels;
  const saved = selfAssessment(alibaba, { 1: 'mitigated-incident', 2: 'no-incident', 3: 'example' }, { notes: { 1: 'A late delivery, apologised.', 3: '幫客戶找到正確的渠道。' }, name: '林小明', period: '2026 Q4' });

  test('L4: an answer a level no longer allows is dropped for that level only; notes, name and period stay', () => {
    const { value, changes } = restoreSelfAssessment(noHalfPoint, saved);
    expect(value).toEqual({ ...saved, answers: { 2: 'no-incident', 3: 'example' } });
    expect(changes).toEqual({ remarked: [], retired: [], dropped: [{ level: 1, answer: 'mitigated-incident' }] });
    expect(saved.answers[1]).toBe('mitigated-incident'); // the saved copy is left alone
  });

  test('answers the rubric still allows are kept whole, and nothing is reported', () => {
    const { value, changes } = restoreSelfAssessment(selfAssessmentOf(alibaba, alibabaRules).levels, saved);
    expect(value).toEqual(saved);
    expect(changes).toEqual({ remarked: [], retired: [], dropped: [] });
  });

  test('an answer to a level the rubric no longer has is dropped and reported', () => {
    const { value, changes } = restoreSelfAssessment(noHalfPoint.slice(0, 2), saved);
    expect(value.answers).toEqual({ 2: 'no-incident' });
    expect(changes.dropped).toEqual([
      { level: 1, answer: 'mitigated-incident' },
      { level: 3, answer: 'example' },
    ]);
  });
});

test('the fixture course is well formed: unique question ids across quizzes, levels numbered from 1', () => {
  const ids = course.quizzes.flatMap((q) => q.questions.map((x) => x.id));
  expect(new Set(ids).size).toBe(ids.length);
  for (const sa of course.selfAssessments) expect(sa.levels.map((l) => l.level)).toEqual(sa.levels.map((_, i) => i + 1));
});

describe('describeChanges', () => {
  const texts = {
    updated: 'Updated.',
    remarked: { one: '{count} answer marked again.', other: '{count} answers marked again.' },
    retired: { other: '{count} retired.' },
    dropped: 'Dropped on {levels}.',
  };
  const name = (level: number) => `Level ${level}`;

  test('says nothing when nothing changed for the learner', () => {
    expect(describeChanges({ remarked: [], retired: [], dropped: [] }, texts, 'en', name, ', ')).toBe('');
  });

  test('says what changed, with plurals and the levels named', () => {
    expect(describeChanges({ remarked: ['a'], retired: ['b', 'c'], dropped: [{ level: 1, answer: 'x' }, { level: 3, answer: 'y' }] }, texts, 'en', name, ', ')).toBe(
      'Updated. 1 answer marked again. 2 retired. Dropped on Level 1, Level 3.',
    );
  });

  test('Chinese sentences run on without a space; without a dropped text, dropped levels are not told here', () => {
    const zh = { updated: '已更新。', remarked: { other: '{count} 個重新判定。' }, retired: { other: '{count} 個不計分。' } };
    expect(describeChanges({ remarked: ['a', 'b'], retired: [], dropped: [{ level: 1, answer: 'x' }] }, zh, 'zh-Hant-TW', name, '、')).toBe('已更新。2 個重新判定。');
  });
});

describe('progress saved before the course model (no keyVersion, scenarios numbered by position)', () => {
  // The shape the quiz saved until issue 17 (answers by question id, a `correct` flag, no version),
  // read by the browser's own check, which must still take it.
  const before = readQuizProgress({
    version: savedVersion,
    order: ['case-a', 'scenario-1', 'case-b'],
    answers: {
      'case-a': { choice: ['1', 'falls-short'], correct: true },
      'case-b': { choice: ['2', 'meets'], correct: false },
      'scenario-1': { choice: ['2'], correct: true },
    },
  })!;
  const quiz = {
    version: 'v2',
    questions: [
      { id: 'case-a', key: ['1', 'falls-short'] },
      { id: 'case-b', key: ['2', 'meets'] },
      { id: 'scenario-3f2a9c01', key: ['2'] },
    ],
  };

  test('is read, each case answer lands on its own question and is marked against the current key', () => {
    expect(before).toBeDefined();
    const { progress, changes } = restoreQuiz(quiz, before);
    expect(progress.answers['case-a']).toEqual({ choice: ['1', 'falls-short'], correct: true });
    expect(progress.answers['case-b']).toEqual({ choice: ['2', 'meets'], correct: true });
    expect(changes.remarked).toEqual(['case-b']);
  });

  test('a positional scenario answer is kept, never attached to the scenario that now has another id', () => {
    const { progress, changes } = restoreQuiz(quiz, before);
    expect(progress.answers['scenario-1']).toEqual({ choice: ['2'], correct: true });
    expect(progress.answers['scenario-3f2a9c01']).toBeUndefined();
    expect(changes.retired).toEqual(['scenario-1']);
    expect(progress.keyVersion).toBe('v2');
  });
});
