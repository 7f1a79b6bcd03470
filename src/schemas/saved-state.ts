/**
 * The saved learner data as zod schemas: the reference the browser's hand-written checks in
 * src/lib/saved-state.ts are tested against (zod itself is too large to ship to the browser).
 */
import { z } from 'astro/zod';
import { limits, savedVersion } from '../lib/saved-state';
import { levelAnswers } from '../lib/vocabulary';

const levelKey = z.string().regex(/^[1-9]$/);
const levelAnswer = z.enum(levelAnswers);

export const quizProgressSchema = z.strictObject({
  version: z.literal(savedVersion),
  order: z.array(z.string().max(120)).max(limits.questions),
  answers: z
    .record(
      z.string().max(120),
      z.strictObject({ choice: z.array(z.string().max(40)).max(4), correct: z.boolean() }),
    )
    .refine((answers) => Object.keys(answers).length <= limits.questions),
  keyVersion: z.string().max(40).optional(),
});

const rubricId = z.string().min(1).max(limits.field);
const assessment = {
  answers: z.record(levelKey, levelAnswer),
  notes: z.record(levelKey, z.string().max(limits.note)),
  name: z.string().max(limits.field),
  period: z.string().max(limits.field),
};

export const selfAssessmentSchema = z.strictObject({ version: z.literal(savedVersion), rubric: rubricId, ...assessment });

/** The review page's file: the self-assessment (of the same rubric), the manager's and what both agreed. */
export const feedbackTalkSchema = z
  .strictObject({
    version: z.literal(savedVersion),
    kind: z.literal('feedback-talk'),
    rubric: rubricId,
    self: selfAssessmentSchema,
    manager: z.strictObject(assessment),
    agreed: z.strictObject({ answers: assessment.answers, nextStep: z.string().max(limits.note) }),
  })
  .refine((talk) => talk.self.rubric === talk.rubric);
