/** The case quiz in Chromium: answer, score, reload and find the progress restored, retry. */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { storageKeys } from '../../src/lib/saved-state';
import { useBrowser } from '../support/pages';
import { answerQuestion } from '../support/quiz';

const site = useBrowser();
const key = `${storageKeys.quiz}/alibaba-customer-first`;

const answer = (page: Page, questionId: string, right: boolean) => answerQuestion(page.locator(`[data-question="${questionId}"]`), right);

describe('case quiz', () => {
  test('without JavaScript the questions show and say scoring needs JavaScript', async () => {
    const { page } = await site.open('en/quiz/', { javaScriptEnabled: false });
    expect(await page.locator('.question').count()).toBe(22);
    expect(await page.locator('.needs-js').isVisible()).toBe(true);
    expect(await page.locator('.question button').first().isVisible()).toBe(false);
    await page.context().close();
  });

  test('checks answers, keeps a running score and restores it after a reload', async () => {
    const { page, errors } = await site.open('en/quiz/');
    expect(await page.locator('.needs-js').isVisible()).toBe(false);
    const ids = await page.locator('.question').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.question!));
    const caseId = ids.find((id) => id.startsWith('case-'))!;
    const scenarioId = ids.find((id) => id.startsWith('scenario-'))!;

    await answer(page, caseId, true);
    await expect.poll(() => page.locator(`[data-question="${caseId}"] .feedback-verdict`).textContent()).toBe('Right.');
    await answer(page, scenarioId, false);
    await expect.poll(() => page.locator(`[data-question="${scenarioId}"] .feedback-verdict`).textContent()).toBe('Not quite.');
    expect(await page.locator('.quiz-status').textContent()).toContain('2 of 22 answered, 1 right.');

    await page.reload();
    expect(await page.locator(`[data-question="${caseId}"] .feedback`).isVisible()).toBe(true);
    expect(await page.locator(`[data-question="${scenarioId}"]`).getAttribute('class')).toContain('is-wrong');
    expect(await page.locator(`[data-question="${caseId}"] fieldset input:checked`).count()).toBe(2);
    expect(await page.locator('.quiz-status').textContent()).toContain('2 of 22 answered, 1 right.');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('asks for every part before checking', async () => {
    const { page } = await site.open('en/quiz/');
    const first = page.locator('.question').first();
    await first.locator('fieldset').first().locator('input').first().check();
    await first.getByRole('button').click();
    expect(await page.locator('.quiz-status').textContent()).toContain('Choose an answer for each part');
    expect(await first.locator('.feedback').isVisible()).toBe(false);
    await page.context().close();
  });

  test('a finished quiz shows its summary, and a retry starts afresh in a new order', async () => {
    const { page } = await site.open('zh-hant/quiz/');
    const ids = await page.locator('.question').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.question!));
    for (const id of ids) await answer(page, id, true);
    expect(await page.locator('.quiz-summary').isVisible()).toBe(true);
    expect(await page.locator('.quiz-summary-text').textContent()).toBe(`全部 ${ids.length} 題已作答，答對 ${ids.length} 題。`);

    await page.locator('.retry').click();
    const order = await page.locator('.question').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.question!));
    expect(order).not.toEqual(ids);
    expect([...order].sort()).toEqual([...ids].sort());
    expect(await page.locator('.feedback:visible').count()).toBe(0);
    expect(await page.locator('.quiz-summary').isVisible()).toBe(false);
    await page.reload();
    expect(await page.locator('.question').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.question!))).toEqual(order);
    await page.context().close();
  });

  test('corrupt saved progress is kept aside and the quiz still works', async () => {
    const { page, errors } = await site.open('en/quiz/');
    await page.evaluate((k) => localStorage.setItem(k, '{"version":1,"order":"oops"'), key);
    await page.reload();
    expect(await page.locator('.quiz-status').textContent()).toContain('kept aside');
    const kept = await page.evaluate((k) => Object.keys(localStorage).filter((x) => x.startsWith(`${k}/kept-aside/`)).map((x) => localStorage.getItem(x)), key);
    expect(kept).toEqual(['{"version":1,"order":"oops"']);
    const first = await page.locator('.question').first().getAttribute('data-question');
    await answer(page, first!, true);
    expect(await page.locator('.quiz-status').textContent()).toContain('1 right');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
