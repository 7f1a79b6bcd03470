/**
 * The browser's hand-written checks of saved data agree with the zod schemas, on valid data
 * and on hundreds of random and corrupted payloads.
 */
import { describe, expect, test } from 'vitest';
import { seededRandom } from '../../src/lib/random';
import { readQuizProgress } from '../../src/lib/saved-quiz';
import { readFeedbackTalk, readSelfAssessment } from '../../src/lib/saved-assessment';
import { feedbackTalkSchema, quizProgressSchema, selfAssessmentSchema } from '../../src/schemas/saved-state';
import { corrupted, randomPayload } from '../support/payloads';

const validQuiz = {
  version: 1,
  order: ['case-a', 'scenario-0a1b2c3d'],
  answers: { 'case-a': { choice: ['1', 'falls-short'], correct: true }, 'scenario-0a1b2c3d': { choice: ['2'], correct: false } },
  keyVersion: '9f8e7d6c',
};
const validSelf = {
  version: 1,
  rubric: 'alibaba-customer-first',
  answers: { 1: 'no-incident', 2: 'mitigated-incident', 3: 'example' },
  notes: { 3: '幫客戶找到正確的渠道。' },
  name: 'Lin',
  period: '2026 Q4',
};

const validTalk = {
  version: 1,
  kind: 'feedback-talk',
  rubric: 'alibaba-customer-first',
  self: validSelf,
  manager: { name: '陳主管', period: '2026 Q4', answers: { 1: 'no-incident', 2: 'incident' }, notes: { 2: 'Raised his voice at a caller.\nSee the log.' } },
  agreed: { answers: { 1: 'no-incident', 2: 'incident' }, nextStep: 'Keep calm on the phone.' },
};

describe.each([
  ['quiz progress', readQuizProgress, quizProgressSchema, validQuiz],
  ['self-assessment', readSelfAssessment, selfAssessmentSchema, validSelf],
  ['feedback talk', readFeedbackTalk, feedbackTalkSchema, validTalk],
] as const)('%s', (_, read, schema, valid) => {
  test('valid data is read back as it was', () => {
    expect(schema.safeParse(valid).success).toBe(true);
    expect(read(valid)).toEqual(valid);
  });

  test('an old or future version is refused', () => {
    for (const version of [0, 2, '1', undefined]) expect(read({ ...valid, version })).toBeUndefined();
  });

  test('agrees with the zod schema on 300 random and 300 corrupted payloads', () => {
    const random = seededRandom(42);
    const payloads = [
      ...Array.from({ length: 300 }, () => randomPayload(random)),
      ...Array.from({ length: 300 }, () => corrupted(valid, random)),
    ];
    let refused = 0;
    for (const payload of payloads) {
      const accepted = read(payload) !== undefined;
      expect(accepted, JSON.stringify(payload).slice(0, 200)).toBe(schema.safeParse(payload).success);
      if (!accepted) refused++;
    }
    expect(refused).toBeGreaterThan(300);
  });
});

describe('quiz progress’s key version (the quiz version its answers were marked against)', () => {
  const { keyVersion: _, ...withoutKeyVersion } = validQuiz;

  test.each<[string, unknown, boolean]>([
    ['absent (progress saved before versions existed)', withoutKeyVersion, true],
    ['a fingerprint', validQuiz, true],
    ['40 characters', { ...validQuiz, keyVersion: 'k'.repeat(40) }, true],
    ['41 characters', { ...validQuiz, keyVersion: 'k'.repeat(41) }, false],
    ['a number', { ...validQuiz, keyVersion: 12 }, false],
    ['null', { ...validQuiz, keyVersion: null }, false],
    ['a list', { ...validQuiz, keyVersion: ['9f8e7d6c'] }, false],
  ])('%s: both checks agree', (_, payload, accepted) => {
    expect(readQuizProgress(payload) !== undefined).toBe(accepted);
    expect(quizProgressSchema.safeParse(payload).success).toBe(accepted);
  });

  test('the random payloads reach it: some are accepted with a key version, some refused for one', () => {
    const random = seededRandom(17);
    const withKey = Array.from({ length: 600 }, () => corrupted(validQuiz, random)).filter((p) => 'keyVersion' in (p as object));
    const verdicts = new Set(withKey.map((p) => readQuizProgress(p) !== undefined));
    expect(verdicts).toEqual(new Set([true, false]));
  });
});

test('a feedback talk whose self-assessment is of another rubric is refused, by both checks', () => {
  const mixed = { ...validTalk, self: { ...validSelf, rubric: 'other' } };
  expect(readFeedbackTalk(mixed)).toBeUndefined();
  expect(feedbackTalkSchema.safeParse(mixed).success).toBe(false);
});
