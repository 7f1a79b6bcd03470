/** Answering the case quiz in Chromium, as a learner does. */
import type { Locator, Page } from 'playwright-core';
import { dataAttribute } from '../../src/components/island-contract';
import { caseQuiz } from '../../src/components/quiz/contract';
import type { CaseQuizConfig } from '../../src/components/quiz/case-quiz';
import { quizPart } from './parts';

/** Question `q` (its list item) as its quiz's config gives it: the course's own (src/data/course.ts). */
export function questionOf(q: Locator): Promise<CaseQuizConfig['questions'][number]> {
  return q.evaluate(
    (el, [tag, idAttribute]) => {
      const config = JSON.parse((el.closest(tag!) as HTMLElement).dataset.config!) as CaseQuizConfig;
      return config.questions.find((x) => x.id === el.getAttribute(idAttribute!))!;
    },
    [caseQuiz.tag, dataAttribute(caseQuiz, 'question')],
  );
}

/** The key of question `q`. */
export const keyOf = async (q: Locator) => (await questionOf(q)).key;

/** Answers question `q` with its key, or with a wrong first part, and checks it; each part in its own field, by name. */
export async function answerQuestion(q: Locator, right: boolean) {
  const { key, fields } = await questionOf(q);
  for (const [part, field] of fields.entries()) {
    const values = await q.locator(`input[name="${field}"]`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const value = right || part > 0 ? key[part]! : values.find((v) => v !== key[part])!;
    await q.locator(`input[name="${field}"][value="${value}"]`).check();
  }
  await q.getByRole('button').click();
}

/** A page, or the frame an LMS shows the course in. */
type Shown = Pick<Page, 'locator'>;

/** The ids of the questions of the page's first quiz, in the order shown. */
export const questionIds = (page: Shown) =>
  page
    .locator(caseQuiz.tag)
    .first()
    .locator(quizPart('question'))
    .evaluateAll((els, attribute) => els.map((e) => e.getAttribute(attribute)!), dataAttribute(caseQuiz, 'question'));

/** The ids of the questions shown answered (their feedback open), in the order shown. */
export const answeredIds = (page: Shown) =>
  page
    .locator(`${quizPart('question')}:has(${quizPart('feedback')}:not([hidden]))`)
    .evaluateAll((els, attribute) => els.map((e) => e.getAttribute(attribute)!), dataAttribute(caseQuiz, 'question'));

/** The config of the page's first quiz: a slice of the course (src/data/course.ts). */
export const quizConfig = (page: Shown) => page.locator(caseQuiz.tag).first().evaluate((el) => JSON.parse((el as HTMLElement).dataset.config!) as CaseQuizConfig);
