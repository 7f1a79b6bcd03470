/**
 * The feedback chooser: which contrast a learner is shown for the answer they gave. Pure, and
 * small enough for the quiz island, which fills the chosen template from the dictionary with the
 * rubric's own texts (statements, evidence rules) and the case's filing note where it has one.
 */
import type { Verdict } from './vocabulary';

export interface CaseAnswer {
  level: number;
  verdict: Verdict;
}

/**
 * - `right`: nothing to contrast;
 * - `verdict`: the level is right, the verdict is not: the level's evidence rule is the point;
 * - `lower` / `higher`: the chosen level is below / above the one the source files the case
 *   under: the two levels' statements set side by side (`verdictToo` when the verdict is wrong as well).
 */
export type CaseFeedback =
  | { kind: 'right' }
  | { kind: 'verdict'; level: number; verdict: Verdict }
  | { kind: 'lower' | 'higher'; chosen: number; level: number; verdict: Verdict; verdictToo: boolean };

export function chooseCaseFeedback(chosen: CaseAnswer, right: CaseAnswer): CaseFeedback {
  const verdictToo = chosen.verdict !== right.verdict;
  if (chosen.level === right.level) return verdictToo ? { kind: 'verdict', level: right.level, verdict: right.verdict } : { kind: 'right' };
  return { kind: chosen.level < right.level ? 'lower' : 'higher', chosen: chosen.level, level: right.level, verdict: right.verdict, verdictToo };
}
