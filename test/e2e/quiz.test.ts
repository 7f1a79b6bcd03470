/**
 * The case quiz in Chromium: answer, score, reload and find the progress restored, retry; and
 * what the red team broke: refused saves said and resumed (T1, T2), forged or outdated progress
 * marked again against the current key (T10, L5), two tabs merged (T12).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { storageKeys } from '../../src/lib/saved-state';
import { dictionaries } from '../../src/lib/i18n';
import { useBrowser } from '../support/pages';
import { quizPart, quizQuestion } from '../support/parts';
import { answerQuestion, keyOf, questionIds, quizConfig } from '../support/quiz';

const site = useBrowser();
const key = storageKeys.quiz('alibaba-customer-first');
const { script } = dictionaries.en.quiz;

const question = (page: Page, id: string) => page.locator(quizQuestion(id));
const answer = (page: Page, questionId: string, right: boolean) => answerQuestion(question(page, questionId), right);
const verdict = (page: Page, questionId: string) => question(page, questionId).locator(quizPart('verdict')).textContent();
/** The questions the course gives this quiz (its config, a slice of the course). */
const questionsOf = async (page: Page) => (await quizConfig(page)).questions;
const questionCount = async (page: Page) => (await questionsOf(page)).length;
const status = (page: Page) => page.locator(quizPart('status')).first().textContent();
const stored = (page: Page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null') as { answers: Record<string, { choice: string[]; correct: boolean }>; keyVersion?: string } | null, key);

describe('case quiz', () => {
  test('without JavaScript every question of the course shows and says scoring needs JavaScript', async () => {
    const { page } = await site.open('en/quiz/', { javaScriptEnabled: false });
    expect(await page.locator(quizPart('question')).count()).toBe(await questionCount(page));
    expect(await page.locator('.needs-js').isVisible()).toBe(true);
    expect(await page.locator(quizPart('question')).first().getByRole('button').isVisible()).toBe(false);
  });

  test('checks answers, keeps a running score and restores it after a reload', async () => {
    const { page, errors } = await site.open('en/quiz/');
    expect(await page.locator('.needs-js').isVisible()).toBe(false);
    const questions = await questionsOf(page);
    const total = questions.length;
    const caseQuestion = questions.find((q) => !q.partsAt)!;
    const caseId = caseQuestion.id;
    const scenarioId = questions.find((q) => q.partsAt)!.id;

    await answer(page, caseId, true);
    await expect.poll(() => verdict(page, caseId)).toBe(script.right);
    await answer(page, scenarioId, false);
    await expect.poll(() => verdict(page, scenarioId)).toBe(script.wrong);
    expect(await status(page)).toContain(`2 of ${total} answered, 1 right.`);

    await page.reload();
    expect(await question(page, caseId).locator(quizPart('feedback')).isVisible()).toBe(true);
    expect(await verdict(page, scenarioId)).toBe(script.wrong);
    // Each part of the answer back in its own field.
    for (const [part, field] of caseQuestion.fields.entries()) {
      expect(await question(page, caseId).locator(`input[name="${field}"]:checked`).getAttribute('value')).toBe(caseQuestion.key[part]);
    }
    expect(await status(page)).toBe(`2 of ${total} answered, 1 right.`);
    expect(errors).toEqual([]);
  });

  test('asks for every part before checking', async () => {
    const { page } = await site.open('en/quiz/');
    // A question of two parts (a case): the first attempt's order is the browser's own.
    const { id, fields } = (await questionsOf(page)).find((q) => q.fields.length > 1)!;
    const first = question(page, id);
    await first.locator(`input[name="${fields[0]}"]`).first().check();
    await first.getByRole('button').click();
    expect(await status(page)).toContain(script.chooseEach);
    expect(await first.locator(quizPart('feedback')).isVisible()).toBe(false);
  });

  test('a finished quiz shows its summary, and a retry starts afresh in a new order', async () => {
    const { page } = await site.open('zh-hant/quiz/');
    const ids = await questionIds(page);
    for (const id of ids) await answer(page, id, true);
    // The summary is written by a module loaded once every question is answered.
    await expect.poll(() => page.locator(quizPart('summary')).isVisible()).toBe(true);
    expect(await page.locator(quizPart('summary-text')).textContent()).toBe(`全部 ${ids.length} 題已作答，答對 ${ids.length} 題。`);

    await page.locator(quizPart('retry')).click();
    const order = await questionIds(page);
    expect(order).not.toEqual(ids);
    expect([...order].sort()).toEqual([...ids].sort());
    expect(await page.locator(`${quizPart('feedback')}:visible`).count()).toBe(0);
    expect(await page.locator(quizPart('summary')).isVisible()).toBe(false);
    await page.reload();
    expect(await questionIds(page)).toEqual(order);
  });

  test('corrupt saved progress is kept aside and the quiz still works', async () => {
    const { page, errors } = await site.open('en/quiz/');
    await page.evaluate((k) => localStorage.setItem(k, '{"version":1,"order":"oops"'), key);
    await page.reload();
    expect(await status(page)).toContain('kept aside');
    const kept = await page.evaluate((k) => Object.keys(localStorage).filter((x) => x.startsWith(`${k}/kept-aside/`)).map((x) => localStorage.getItem(x)), key);
    expect(kept).toEqual(['{"version":1,"order":"oops"']);
    const [first] = await questionIds(page);
    await answer(page, first!, true);
    expect(await status(page)).toContain('1 right');
    expect(errors).toEqual([]);
  });
});

describe('saving tells the truth', () => {
  test('T1: a browser that refuses every write is said on load and after each answer, never hidden by the verdict', async () => {
    const { page } = await site.open('en/quiz/');
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await page.reload();
    expect(await status(page)).toContain(script.noStorage);
    const [first, second] = await questionIds(page);
    await answer(page, first!, true);
    await expect.poll(() => status(page)).toContain('Right.');
    expect(await status(page)).toContain(script.noStorage);
    await answer(page, second!, false);
    await expect.poll(() => status(page)).toContain('Not quite.');
    expect(await status(page)).toContain(script.noStorage);
  });

  test('T2, T5: a write refused mid-session is said, and saving resumes with every answer once the browser takes writes again', async () => {
    const { page } = await site.open('en/quiz/');
    const [a, b, c] = await questionIds(page);
    await answer(page, a!, true);
    await expect.poll(async () => Object.keys((await stored(page))?.answers ?? {})).toEqual([a]);
    await page.evaluate(() => {
      const original = Storage.prototype.setItem;
      (window as never as { restore: () => void }).restore = () => (Storage.prototype.setItem = original);
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await answer(page, b!, true);
    await expect.poll(() => status(page)).toContain(script.noStorage);
    await page.evaluate(() => (window as never as { restore: () => void }).restore());
    await answer(page, c!, false);
    await expect.poll(() => status(page)).not.toContain(script.noStorage);
    expect(Object.keys((await stored(page))!.answers).sort()).toEqual([a, b, c].sort());
  });

  test('T10, L5: saved progress is marked again against the current key, answers to retired questions are kept uncounted, and the learner is told once', async () => {
    const { page } = await site.open('en/quiz/');
    const total = await questionCount(page);
    const [first, second] = await questionIds(page);
    const key1 = await keyOf(question(page, first!));
    const key2 = await keyOf(question(page, second!));
    const wrong = [key1[0] === '5' ? '1' : '5', ...key1.slice(1)];
    // Progress from an earlier build: one answer marked right that the current key marks wrong,
    // one right answer, and one to a question this build does not have.
    await page.evaluate(
      ([k, saved]) => localStorage.setItem(k!, saved!),
      [
        key,
        JSON.stringify({
          version: 1,
          order: [],
          keyVersion: 'older',
          answers: { [first!]: { choice: wrong, correct: true }, [second!]: { choice: key2, correct: true }, 'case-removed-since': { choice: ['2', 'meets'], correct: true } },
        }),
      ],
    );
    await page.reload();
    expect(await status(page)).toBe(
      `${script.updated} 1 of your answers is marked again against the new answer key. 1 answer is to a question no longer in the quiz: it is kept, but not counted. 2 of ${total} answered, 1 right.`,
    );
    expect(await verdict(page, first!)).toBe(script.wrong);
    const saved = (await stored(page))!;
    expect(saved.answers['case-removed-since']).toEqual({ choice: ['2', 'meets'], correct: true });
    expect(saved.answers[first!]!.correct).toBe(false);
    expect(saved.keyVersion).not.toBe('older');
    await page.reload();
    expect(await status(page)).toBe(`2 of ${total} answered, 1 right.`);
  });

  test('T12: two tabs answering the same quiz keep both tabs’ answers, and each shows the other’s', async () => {
    const { page: a } = await site.open('en/quiz/');
    const b = await a.context().newPage();
    await b.goto(site.url('en/quiz/'));
    const ids = await questionIds(a);
    for (const id of ids.slice(0, 3)) await answer(a, id, true);
    await answer(b, ids[3]!, false);
    expect(Object.keys((await stored(a))!.answers).sort()).toEqual(ids.slice(0, 4).sort());
    await expect.poll(() => verdict(a, ids[3]!)).toBe(script.wrong);
    await expect.poll(() => verdict(b, ids[0]!)).toBe(script.right);
  });
});
