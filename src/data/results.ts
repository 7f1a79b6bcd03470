/** The results page's model of the course in a locale (src/lib/results-model.ts), from the course model. */
import type { ResultsModel } from '../lib/cohort-results';
import { caseOfQuestion, resultsModelOf } from '../lib/results-model';
import { routes } from '../lib/urls';
import type { LocaleContext } from '../middleware';
import { siteContent } from './content';
import { course, levelRules } from './course';

export async function resultsModel(words: Pick<LocaleContext, 't' | 'text' | 'format' | 'href'>): Promise<ResultsModel> {
  const { rubrics } = await siteContent();
  return resultsModelOf(await course(words), Object.fromEntries(rubrics.map((r) => [r.id, levelRules(r)])), (id) => {
    const caseId = caseOfQuestion(id);
    return words.href(caseId ? routes.case(caseId) : routes.quiz);
  });
}
