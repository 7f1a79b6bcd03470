/**
 * Where a learner stands in the LMS course (src/lib/scorm/course.ts): progress through the path,
 * completion, passed or failed, and the numbering of interactions.
 */
import { describe, expect, test } from 'vitest';
import { courseStatus, emptyState, interactionKey, isRight, withNewInteractions, type LearnerState } from '../../src/lib/scorm/course';
import { alibaba, finished, jd, quizProgress, scormCourse, selfAssessment } from '../support/scorm-course';

const course = scormCourse('2004');
const opened = (...steps: number[]) => course.steps.map((_, i) => steps.includes(i));

describe('courseStatus', () => {
  test('a learner who has done nothing has no progress, no result, and counts every question', () => {
    expect(courseStatus(course, emptyState(course))).toEqual({ progress: 0, completed: false, right: 0, answered: 0, questions: 5, passed: undefined });
  });

  test('a reading step is done once opened', () => {
    const status = courseStatus(course, { ...emptyState(course), opened: opened(0, 1, 4) });
    expect(status.progress).toBe(3 / 5);
    expect(status.completed).toBe(false);
  });

  test('the quiz step is done only once every question of every quiz is answered', () => {
    const state: LearnerState = {
      ...emptyState(course),
      opened: opened(2),
      quizzes: [quizProgress(course, 0, { 'case-alibaba-l1-x': ['1', 'falls-short'], 'case-alibaba-l4-photo-shoot': ['4', 'meets'], 'scenario-1': ['2.5'], 'scenario-2': ['3'] }), undefined],
    };
    expect(courseStatus(course, state)).toMatchObject({ progress: 0, answered: 4, right: 4, passed: undefined });
    state.quizzes[1] = quizProgress(course, 1, { 'case-jd-speech-old-suppliers-stay-friends': ['2', 'falls-short'] });
    expect(courseStatus(course, state)).toMatchObject({ progress: 1 / 5, answered: 5, right: 4 });
  });

  test('the self-assessment step is done only once every level of every self-assessment is answered', () => {
    const state: LearnerState = {
      ...emptyState(course),
      opened: opened(3),
      selfAssessments: [selfAssessment(alibaba, { 1: 'no-incident', 2: 'incident', 3: 'example', 4: 'no-example', 5: 'mitigated-incident' }), selfAssessment(jd, { 1: 'no-incident' })],
    };
    expect(courseStatus(course, state).progress).toBe(0);
    state.selfAssessments[1] = selfAssessment(jd, { 1: 'no-incident', 2: 'no-example' });
    expect(courseStatus(course, state).progress).toBe(1 / 5);
  });

  test('answers and levels not in the course count for nothing', () => {
    const state: LearnerState = {
      ...emptyState(course),
      opened: opened(2, 3),
      quizzes: [{ ...quizProgress(course, 0, {}), answers: { 'case-removed': { choice: ['1', 'meets'], correct: true } } }, undefined],
      selfAssessments: [selfAssessment(alibaba, { 6: 'example' } as never), undefined],
    };
    expect(courseStatus(course, state)).toMatchObject({ progress: 0, answered: 0, right: 0 });
  });

  test('completed when every step is done; passed at the pass mark exactly, failed below it', () => {
    expect(courseStatus(course, finished(course, 0))).toEqual({ progress: 1, completed: true, right: 5, answered: 5, questions: 5, passed: true });
    expect(courseStatus(course, finished(course, 1))).toMatchObject({ completed: true, right: 4, passed: true });
    expect(courseStatus(course, finished(course, 2))).toMatchObject({ completed: true, right: 3, passed: false });
    expect(courseStatus({ ...course, passMark: 0.81 }, finished(course, 1)).passed).toBe(false);
  });

  test('passed or failed is known once the quiz is complete, even if other steps are not done', () => {
    const state = { ...finished(course, 3), opened: opened() };
    expect(courseStatus(course, state)).toMatchObject({ progress: 0, completed: false, passed: false });
  });

  test('a course without quiz questions is never passed or failed', () => {
    const noQuiz = { ...course, quizzes: [] };
    expect(courseStatus(noQuiz, { ...finished(course), quizzes: [] })).toMatchObject({ completed: true, questions: 0, passed: undefined });
  });
});

test('isRight compares every part, in order', () => {
  const question = course.quizzes[0]!.questions[0]!;
  expect(isRight(question, ['1', 'falls-short'])).toBe(true);
  expect(isRight(question, ['falls-short', '1'])).toBe(false);
  expect(isRight(question, ['1'])).toBe(false);
  expect(isRight(question, ['1', 'meets'])).toBe(false);
});

describe('withNewInteractions', () => {
  test('appends answered questions and levels in course order, each once', () => {
    const state: LearnerState = {
      ...emptyState(course),
      quizzes: [quizProgress(course, 0, { 'scenario-2': ['3'], 'case-alibaba-l1-x': ['2', 'meets'] }), quizProgress(course, 1, { 'case-jd-speech-old-suppliers-stay-friends': ['2', 'meets'] })],
      selfAssessments: [undefined, selfAssessment(jd, { 2: 'example' })],
    };
    expect(withNewInteractions(course, state)).toEqual(['q0.0', 'q0.3', 'q1.0', 'a1.2']);
  });

  test('keeps the order the LMS numbered earlier items in, and does not change the state', () => {
    const state: LearnerState = {
      ...emptyState(course),
      quizzes: [quizProgress(course, 0, { 'scenario-1': ['2.5'], 'case-alibaba-l1-x': ['1', 'falls-short'] }), undefined],
      selfAssessments: [selfAssessment(alibaba, { 4: 'incident' }), undefined],
      interactions: ['a0.4', 'q0.2'],
    };
    expect(withNewInteractions(course, state)).toEqual(['a0.4', 'q0.2', 'q0.0']);
    expect(state.interactions).toEqual(['a0.4', 'q0.2']);
    expect(withNewInteractions(course, { ...state, interactions: withNewInteractions(course, state) })).toEqual(['a0.4', 'q0.2', 'q0.0']);
  });

  test('an item numbered earlier keeps its number after its answer is cleared', () => {
    const state: LearnerState = { ...emptyState(course), interactions: ['q0.1'] };
    expect(withNewInteractions(course, state)).toEqual(['q0.1']);
  });

  test('keys name the quiz or self-assessment, its index and the item', () => {
    expect(interactionKey.question(1, 0)).toBe('q1.0');
    expect(interactionKey.level(0, 5)).toBe('a0.5');
  });
});
