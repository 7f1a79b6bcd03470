/**
 * Where a learner's score for a scenario parts from the rule. The scoring practice calls it in the
 * browser for the record it deals; the graded quiz's scenarios are fixed at build time, so
 * CaseQuiz.astro calls it there for every score a scenario offers. A module of its own so that
 * each of those pages loads only what it uses (src/lib/quiz-feedback.ts is the quiz's alone).
 */

/**
 * The first level whose points, as the learner's score implies them under pass-through (whole
 * points up to the score, then the fraction at the next level), differ from the points the rule
 * gives there. Undefined when they agree on every level (the score is right).
 */
export function scoreParts(rulePoints: readonly number[], chosenScore: number): number | undefined {
  const index = rulePoints.findIndex((points, i) => Math.max(0, Math.min(1, chosenScore - i)) !== points);
  return index < 0 ? undefined : index + 1;
}
