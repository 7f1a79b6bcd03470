/**
 * The markup contract of the trainer's results: what CohortResults.astro renders for
 * cohort-results.ts to find. The figures are written into `output`, as sections with a heading each.
 */
import { contract } from '../island-contract';

export const cohortResults = contract('cohort-results', ['file', 'clear', 'print', 'status', 'output']);
