/** Walking the learning path in Chromium as a learner does, for the progress and completion tests. */
import type { Page } from 'playwright-core';
import { learningPath, routes } from '../../src/lib/urls';
import { progressPart, quizPart } from './parts';
import { answerQuestion } from './quiz';

/** The learning path's step pages, in order, as routes inside a locale (the course's path, lib/urls.ts). */
export const stepRoutes = learningPath.map((step) => routes[step]);

/** Waits for the feedback of question `q` once it is checked. */
async function answered(page: Page, index: number, right: boolean) {
  const q = page.locator(quizPart('question')).nth(index);
  await answerQuestion(q, right);
  await q.locator(`${quizPart('feedback')}:not([hidden])`).waitFor();
}

/** Answers the first `count` questions of the quiz page open in `page` (all by default), the ones in `wrong` wrongly. */
export async function answerQuiz(page: Page, count?: number, wrong: number[] = []) {
  const total = await page.locator(quizPart('question')).count();
  for (let i = 0; i < (count ?? total); i++) await answered(page, i, !wrong.includes(i));
}

/** Fills in the self-assessment open in `page`: the name, and the first answer each level offers. */
export async function answerSelfAssessment(page: Page, name: string) {
  await page.locator('self-assessment input[name="name"]').first().fill(name);
  const names = await page.locator('self-assessment input[type="radio"][name^="answer-"]').evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
  for (const field of names) await page.locator(`self-assessment input[name="${field}"]`).first().check();
}

/**
 * Walks the whole path in `page` from the locale's home page (`home`): each step page by its
 * "Next" link, the quiz answered (the questions in `wrong` wrongly), the self-assessment with
 * `name`; ends back on the home page by "Back to the path".
 */
export async function walkPath(page: Page, home: string, { name, wrong = [] }: { name: string; wrong?: number[] }) {
  await page.goto(home);
  await page.locator(progressPart('step')).first().click();
  for (const route of stepRoutes) {
    await page.waitForURL(`${home}${route}`);
    if (route === 'quiz/') await answerQuiz(page, undefined, wrong);
    if (route === 'self-assessment/') await answerSelfAssessment(page, name);
    if (route !== 'self-assessment/') await page.locator('.path-nav a[rel="next"]').click();
  }
  await page.locator(`.path-nav a[href="${new URL(home).pathname}"]`).click();
  await page.waitForURL(home);
}
