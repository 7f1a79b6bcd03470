/**
 * A quiz that teaches (issue 20), in Chromium: a checked answer is final, the first attempt comes
 * shuffled, a wrong choice gets its contrast, the summary gives the percentage against the pass
 * mark, by level and what was missed, and "retry the ones I missed" brings back exactly those.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { dictionaries } from '../../src/lib/i18n';
import { fill } from '../../src/lib/template';
import { dataAttribute } from '../../src/components/island-contract';
import { caseQuiz, scoringPractice } from '../../src/components/quiz/contract';
import { quizField } from '../../src/lib/form-fields';
import { useBrowser } from '../support/pages';
import { practicePart, quizPart, quizQuestion } from '../support/parts';
import { answerQuestion, questionIds, quizConfig } from '../support/quiz';

const site = useBrowser();
const { quiz } = dictionaries.en;
let pages: Page[] = [];

afterEach(async () => {
  for (const page of pages) await page.context().close();
  pages = [];
});

async function open(route: string, options?: Parameters<typeof site.open>[1]) {
  const opened = await site.open(route, options);
  pages.push(opened.page);
  return opened;
}

const config = quizConfig;
const question = (page: Page, id: string) => page.locator(quizQuestion(id));
const status = (page: Page) => page.locator(quizPart('status')).first().textContent();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page, as test/e2e/a11y.test.ts runs it. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    }),
  );
  return result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('a quiz that teaches', () => {
  test('without JavaScript every question shows its answer and explanation', async () => {
    const { page } = await open('en/quiz/', { javaScriptEnabled: false });
    const count = await page.locator(quizPart('question')).count();
    expect(count).toBe((await config(page)).questions.length);
    expect(await page.locator(`${quizPart('question')} ${quizPart('feedback')}:visible`).count()).toBe(count);
    expect(await page.locator(`${quizPart('question')} .answer-line:visible`).count()).toBe(count);
  });

  test('the first attempt comes in the browser’s own order, kept across a reload', async () => {
    const { page, errors } = await open('en/quiz/');
    const built = (await config(page)).questions.map((q) => q.id);
    const shown = await questionIds(page);
    expect(shown).not.toEqual(built);
    expect([...shown].sort()).toEqual([...built].sort());
    await answerQuestion(question(page, shown[0]!), true);
    await page.reload();
    expect(await questionIds(page)).toEqual(shown);
    expect(errors).toEqual([]);
  });

  test('a checked answer is final: its choices and button are disabled and the score cannot be raised by changing it', async () => {
    const { page } = await open('en/quiz/');
    const { questions, levels } = await config(page);
    const target = questions.find((q) => q.level === 3)!;
    const q = question(page, target.id);
    await q.locator(`input[name="${quizField.level}"][value="1"]`).check();
    await q.locator(`input[name="${quizField.verdict}"][value="${target.key[1]}"]`).check();
    await q.getByRole('button').click();
    await expect.poll(() => q.locator(quizPart('verdict')).textContent()).toBe(quiz.script.wrong);
    expect(await q.getByRole('button').isDisabled()).toBe(true);
    for (const field of target.fields) expect(await q.locator(`input[name="${field}"]:enabled`).count()).toBe(0);
    // The contrast sets the chosen level against the one the source files the case under.
    const contrast = await q.locator(quizPart('contrast')).textContent();
    // Tagged as the site's words, like every site text.
    expect(await q.locator(`${quizPart('contrast')} .written-by-mark`).count()).toBe(1);
    expect(contrast).toContain(fill(quiz.script.lower, { chosen: levels[1]!.name, chosenStatement: levels[1]!.statement, level: levels[3]!.name, statement: levels[3]!.statement }));
    // Even a form forced to the right answer and submitted does not change the mark.
    await q.evaluate((el, [name, level]) => {
      const input = el.querySelector<HTMLInputElement>(`input[name="${name}"][value="${level}"]`)!;
      input.disabled = false;
      input.checked = true;
      input.form!.requestSubmit();
    }, [quizField.level, target.key[0]!] as const);
    expect(await status(page)).toContain(`1 of ${questions.length} answered, 0 right.`);
    // The long key meaning is there, folded.
    expect(await q.locator('details.key-meaning').count()).toBe(1);
    expect(await q.locator('details.key-meaning').getAttribute('open')).toBeNull();
  });

  test('a wrong verdict gets the level’s evidence rule; a wrong score marks where it parts from the rule', async () => {
    const { page } = await open('en/quiz/');
    const { questions, levels } = await config(page);
    const c = questions.find((q) => q.level !== undefined)!;
    const q = question(page, c.id);
    await q.locator(`input[name="${quizField.level}"][value="${c.key[0]}"]`).check();
    await q.locator(`input[name="${quizField.verdict}"]:not([value="${c.key[1]}"])`).check();
    await q.getByRole('button').click();
    await expect.poll(() => q.locator(quizPart('contrast')).textContent()).toContain(levels[c.key[0]!]!.rule);

    // A scenario, scored wrong: the chain's level where that score parts from the rule is marked, and only that one.
    const s = questions.find((x) => x.partsAt && Object.keys(x.partsAt).length)!;
    const [score, level] = Object.entries(s.partsAt!)[0]!;
    const sq = question(page, s.id);
    await sq.locator(`input[name="${quizField.score}"][value="${score}"]`).check();
    await sq.getByRole('button').click();
    const reasons = sq.locator(quizPart('reason'));
    await expect.poll(() => reasons.nth(level - 1).locator(`${quizPart('parts-mark')}:visible`).count()).toBe(1);
    expect(await sq.locator(`${quizPart('parts-mark')}:visible`).count()).toBe(1);
    expect(await reasons.nth(level - 1).textContent()).toContain(quiz.script.partsHere);
  });

  test('the summary gives the percentage against the pass mark, the levels and exactly what was missed; retry brings back exactly those', async () => {
    const { page, errors } = await open('en/quiz/');
    const { passMark, questions } = await config(page);
    const ids = await questionIds(page);
    const wrong = new Set(ids.filter((_, i) => i % 4 === 1));
    for (const id of ids) await answerQuestion(question(page, id), !wrong.has(id));
    const summary = page.locator(quizPart('summary')).first();
    await expect.poll(() => summary.isVisible()).toBe(true);
    const right = ids.length - wrong.size;
    const percent = Math.round((right / ids.length) * 100);
    expect(await summary.locator(quizPart('percent')).textContent()).toBe(
      fill(quiz.script.percent, { percent, right, total: ids.length, passMark, outcome: percent >= passMark ? quiz.script.passed : quiz.script.notPassed }),
    );
    const levelCount = new Set(questions.map((q) => q.level ?? 'scenarios')).size;
    expect(await page.locator(quizPart('by-level')).first().locator('li').count()).toBe(levelCount);
    const listed = await summary.locator(`${quizPart('missed')} li a`).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
    const listedIds = await Promise.all(listed.map((elementId) => page.locator(`[id="${elementId}"]`).getAttribute(dataAttribute(caseQuiz, 'question'))));
    expect(new Set(listedIds)).toEqual(wrong);
    const retry = summary.locator(quizPart('retry-missed'));
    expect(await retry.textContent()).toBe(fill(quiz.script.retryMissed.other, { count: wrong.size }));

    await retry.click();
    const order = await questionIds(page);
    expect(new Set(order.slice(0, wrong.size))).toEqual(wrong);
    await expect.poll(() => status(page)).toContain(`${right} of ${ids.length} answered, ${right} right.`);
    for (const id of wrong) expect(await question(page, id).locator(quizPart('feedback')).isVisible()).toBe(false);
    expect(await page.locator(caseQuiz.tag).first().locator(`${quizPart('feedback')}:visible`).count()).toBe(right);
    expect(await summary.isVisible()).toBe(false);
    await page.reload();
    expect(await status(page)).toContain(`${right} of ${ids.length} answered, ${right} right.`);
    for (const id of wrong) await answerQuestion(question(page, id), true);
    await expect.poll(() => summary.locator(`${quizPart('missed')} li`).textContent()).toBe(quiz.script.noneMissed);
    expect(errors).toEqual([]);
  });

  test.each(['light', 'dark'] as const)('keyboard only on a 390 px phone (%s): answer, read the feedback, finish with misses; no axe violation', async (colorScheme) => {
    const { page } = await open('zh-hant/quiz/', { colorScheme, viewport: { width: 390, height: 844 } });
    const ids = await questionIds(page);
    const caseId = (await config(page)).questions.find((q) => !q.partsAt)!.id;
    const first = question(page, caseId);
    // Keyboard: the level (Space), past the level guide (opened with Space), the verdict (Space), the button (Enter).
    await first.locator(`input[name="${quizField.level}"]`).first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.parentElement?.classList.contains('level-guide'))).toBe(true);
    await page.keyboard.press('Space');
    expect(await first.locator('.level-guide dd').first().isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate((feedback) => document.activeElement?.matches(feedback), quizPart('feedback'))).toBe(true);
    // The running score stays in view while answering further down.
    await question(page, ids.at(-1)!).scrollIntoViewIfNeeded();
    expect(await page.locator(quizPart('status')).first().isVisible()).toBe(true);
    const box = await page.locator(quizPart('status')).first().boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(844);
    for (const id of ids.filter((x) => x !== caseId)) await answerQuestion(question(page, id), ids.indexOf(id) % 5 !== 0);
    await page.locator(`${quizPart('missed')} li`).first().waitFor();
    expect(await violations(page)).toEqual([]);
    // No question wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('scoring practice deals, scores and explains ten scenarios, each announced, none the same as the one before; nothing is saved', async () => {
    const { page, errors } = await open('en/quiz/');
    await page.locator('.practice-link a').first().click();
    await page.waitForURL(/\/quiz\/practice\/$/);
    const practice = page.locator(scoringPractice.tag).first();
    const sourceCases = await practice.evaluate((el) => (JSON.parse((el as HTMLElement).dataset.config!) as { cases: { id: string; origin: string }[] }).cases);
    expect(sourceCases.every((c) => c.origin === 'source')).toBe(true);
    let last = '';
    for (let n = 1; n <= 10; n++) {
      await practice.locator(practicePart('deal')).click();
      const record = practice.locator(`${practicePart('record')} > li`);
      await expect.poll(() => practice.locator(practicePart('status')).textContent()).toBe(
        fill(quiz.practice.dealt, { number: n, count: await record.count() }),
      );
      const cases = await record.evaluateAll(
        (els, [attribute, mitigated]) => els.map((e) => `${e.getAttribute(attribute!)}${e.querySelector(mitigated!) ? '~' : ''}`).join(' '),
        [dataAttribute(scoringPractice, 'case'), practicePart('mitigated')],
      );
      expect(cases).not.toBe(last);
      last = cases;
      expect(await record.count()).toBeGreaterThanOrEqual(2);
      expect(await record.count()).toBeLessThanOrEqual(4);
      // Score it: the first offered score (right or wrong); the explanation follows the chain level by level.
      await practice.locator(`input[name="${quizField.score}"]`).first().check();
      await practice.getByRole('button', { name: quiz.check }).click();
      const verdict = await practice.locator(practicePart('verdict')).textContent();
      expect([quiz.script.right, quiz.script.wrong]).toContain(verdict);
      const reasons = practice.locator(`${practicePart('reasons')} > li`);
      expect(await reasons.count()).toBeGreaterThanOrEqual(3);
      expect(await reasons.filter({ hasText: quiz.script.partsHere }).count()).toBe(verdict === quiz.script.right ? 0 : 1);
      expect(await practice.locator(`input[name="${quizField.score}"]`).first().isDisabled()).toBe(true);
    }
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => /practice/i.test(k)))).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('mastery per level and the review queue survive a reload; three days later the answered questions are due again and come back', async () => {
    const context = await site.context();
    const page = await context.newPage();
    pages.push(page);
    await page.clock.install({ time: new Date('2026-12-01T09:00:00') });
    await page.goto(site.url('en/quiz/'));
    const { questions, levels, storageKey } = await config(page);
    const rows = () => page.locator(quizPart('by-level')).first().locator('li').allTextContents();
    expect((await rows()).every((r) => r.includes(quiz.script.mastery.untried))).toBe(true);
    // Every case question of level 1: one wrong, the rest right; and one of level 2 right.
    const level1 = questions.filter((q) => q.level === 1 && !q.partsAt);
    const level2 = questions.find((q) => q.level === 2 && !q.partsAt)!;
    for (const [i, q] of level1.entries()) await answerQuestion(question(page, q.id), i > 0);
    await answerQuestion(question(page, level2.id), true);
    const expectedRow1 = fill(quiz.script.levelRow, { name: levels[1]!.name, state: quiz.script.mastery.learning, right: level1.length - 1, total: questions.filter((q) => q.level === 1).length });
    await expect.poll(rows).toContain(expectedRow1);
    const reviewDue = page.locator(quizPart('review-due')).first();
    const before = await rows();
    const answeredIds = [...level1.map((q) => q.id), level2.id];
    const queue = await page.evaluate((k) => JSON.parse(localStorage.getItem(`${k}/review`)!) as Record<string, { due: string }>, storageKey);
    expect(Object.keys(queue).sort()).toEqual([...answeredIds].sort());
    expect(new Set(Object.values(queue).map((e) => e.due))).toEqual(new Set(['2026-12-02']));
    expect(await reviewDue.isVisible()).toBe(false);

    await page.reload();
    expect(await rows()).toEqual(before);
    expect(await reviewDue.isVisible()).toBe(false);

    await page.clock.setSystemTime(new Date('2026-12-04T09:00:00'));
    await page.reload();
    await expect.poll(() => reviewDue.isVisible()).toBe(true);
    expect(await reviewDue.textContent()).toBe(fill(quiz.script.reviewDue.other, { count: answeredIds.length }));
    await reviewDue.click();
    const order = await questionIds(page);
    expect(new Set(order.slice(0, answeredIds.length))).toEqual(new Set(answeredIds));
    for (const id of answeredIds) expect(await question(page, id).locator(quizPart('feedback')).isVisible()).toBe(false);
    // Answered right on the 4th, each comes back 3 days later.
    for (const id of answeredIds) await answerQuestion(question(page, id), true);
    const after = await page.evaluate((k) => JSON.parse(localStorage.getItem(`${k}/review`)!) as Record<string, { due: string }>, storageKey);
    expect(new Set(answeredIds.map((id) => after[id]!.due))).toEqual(new Set(['2026-12-07']));
    expect(await reviewDue.isVisible()).toBe(false);
  });
});

