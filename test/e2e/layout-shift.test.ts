/**
 * Late content moves nothing: search results, and saved answers the islands restore, arrive after
 * the first paint. Measured on a phone-sized screen, where the page's foot is in view.
 */
import { describe, expect, test } from 'vitest';
import { layoutShift, useBrowser } from '../support/pages';
import { quizPart, searchPart } from '../support/parts';
import { answerQuestion } from '../support/quiz';

const site = useBrowser();
const phone = { viewport: { width: 390, height: 844 } };

describe('no layout shift from late content', () => {
  test.each(['zh-hant/search/?q=%E5%AE%A2%E6%88%B6', 'en/search/?q=customer'])('%s: results come in', async (route) => {
    const { page } = await site.open(route, phone);
    await page.locator(`${searchPart('results')} li`).first().waitFor();
    await page.locator(searchPart('status')).filter({ hasText: /\S/ }).waitFor();
    expect(await layoutShift(page)).toBe(0);
  });

  test('the quiz restores saved progress', async () => {
    const { page } = await site.open('en/quiz/', phone);
    const question = page.locator(quizPart('question')).first();
    await answerQuestion(question, true);
    await question.locator(quizPart('feedback')).waitFor();
    await page.reload();
    await page.locator(`${quizPart('question')} ${quizPart('feedback')}`).first().waitFor();
    expect(await layoutShift(page)).toBe(0);
  });

  test('the self-assessment restores saved answers and its score', async () => {
    const { page } = await site.open('en/self-assessment/', phone);
    await page.locator('input[name="answer-1"][value="no-incident"]').check();
    await page.locator('input[name="answer-2"][value="incident"]').check();
    await page.reload();
    await page.locator('.result-summary').filter({ hasText: /\S/ }).waitFor();
    expect(await layoutShift(page)).toBe(0);
  });

  test('the review page restores the opened self-assessment, the manager’s answers and both chains', async () => {
    const { page } = await site.open('en/review/', phone);
    const self = { version: 1, rubric: 'alibaba-customer-first', answers: { 1: 'no-incident', 2: 'no-incident', 3: 'example' }, notes: { 1: 'A long case.\n'.repeat(8) }, name: 'Lin', period: '2026 Q4' };
    await page.locator('feedback-talk input[type=file]').setInputFiles({ name: 'self.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(self)) });
    await page.locator('feedback-talk .assessment-message').filter({ hasText: /\S/ }).waitFor();
    await page.locator('input[name="answer-1"][value="incident"]').check();
    await page.reload();
    await page.locator('.talk-table tfoot td').nth(1).filter({ hasText: /\S/ }).waitFor();
    await page.locator('.talk-level .talk-self').first().filter({ hasText: 'A long case.' }).waitFor();
    expect(await layoutShift(page)).toBe(0);
  });
});
