/**
 * Progress on the home page (issue 21): ticks and "Continue" from what the browser keeps, the
 * step pages opened noted by the home page from the tab's history (the Navigation API) or from a
 * path link followed from it; the plain path without script; the completion record on one A4 page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { dictionaries, locales, type Locale } from '../../src/lib/i18n';
import { storageKeys } from '../../src/lib/saved-state';
import { fill } from '../../src/lib/template';
import type { PathStep } from '../../src/lib/urls';
import type { CourseCompletionConfig } from '../../src/components/course-progress/course-completion';
import { useBrowser } from '../support/pages';
import { completionLevels, completionPart, progressPart, progressStep, selfAssessmentPart } from '../support/parts';
import { answerQuiz, walkPath } from '../support/progress';

const site = useBrowser();
const viewports = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 } },
};
const work = mkdtempSync(join(tmpdir(), 'course-progress-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Each step's state as the home page shows it: the visible word beside its link, by step id. */
async function shownStates(page: Page): Promise<Record<string, string>> {
  const steps = await page.locator(progressPart('step')).evaluateAll((links) => links.map((a) => (a as HTMLElement).dataset.step as PathStep));
  const shown: Record<string, string> = {};
  for (const step of steps) {
    const words = page.locator(`li:has(${progressStep(step)}) ${progressPart('step-state')} > span`);
    shown[step] = (await words.filter({ visible: true }).allTextContents()).join('|');
  }
  return shown;
}

const continueLink = (page: Page) => page.locator(progressPart('continue')).filter({ visible: true });
const openedSteps = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]') as string[], storageKeys.opened);

describe.each(Object.entries(viewports))('%s', (_, options) => {
  test.each(locales)('%s: ticks and "Continue" after two steps read and part of the quiz', async (locale: Locale) => {
    const t = dictionaries[locale];
    const { states } = t.progress;
    const home = site.url(`${locale}/`);
    const { page, errors } = await site.open(`${locale}/`, options);
    // A first visit: the plain path, nothing marked and nothing to continue.
    expect(await page.locator(progressPart('step-state')).filter({ visible: true }).count()).toBe(0);
    expect(await continueLink(page).count()).toBe(0);
    // The speech from the path, the values by its "Next" link, back by "Back to the path".
    await page.locator(progressStep('speech')).click();
    await page.waitForURL(site.url(`${locale}/speech/`));
    const nav = page.getByRole('navigation', { name: t.pathNav.label });
    await nav.locator('a[rel="next"]').click();
    await page.waitForURL(site.url(`${locale}/values/`));
    await nav.getByRole('link', { name: t.pathNav.back }).click();
    await page.waitForURL(home);
    await expect.poll(() => shownStates(page)).toEqual({
      speech: states.done,
      values: states.done,
      rubrics: states['not-started'],
      cases: states['not-started'],
      quiz: states['not-started'],
      selfAssessment: states['not-started'],
    });
    expect(await continueLink(page).textContent()).toBe(fill(t.progress.continue, { step: t.nav.rubrics }));
    expect(await continueLink(page).getAttribute('href')).toBe(`/onboarding/${locale}/rubrics/`);
    // Part of the quiz: three questions, answered by their declared parts.
    await page.locator(progressStep('quiz')).click();
    await page.waitForURL(site.url(`${locale}/quiz/`));
    await answerQuiz(page, 3);
    await nav.getByRole('link', { name: t.pathNav.back }).click();
    await page.waitForURL(home);
    await expect.poll(() => shownStates(page)).toMatchObject({ speech: states.done, values: states.done, quiz: states.started, rubrics: states['not-started'] });
    expect(await continueLink(page).textContent()).toBe(fill(t.progress.continue, { step: t.nav.rubrics }));
    // Following "Continue" leads there; the back button (the back-forward cache) shows it done.
    await continueLink(page).click();
    await page.waitForURL(site.url(`${locale}/rubrics/`));
    await page.goBack();
    await expect.poll(() => shownStates(page)).toMatchObject({ rubrics: states.done });
    expect(await continueLink(page).textContent()).toBe(fill(t.progress.continue, { step: t.nav.cases }));
    expect(await page.locator(progressPart('finished')).isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });
});

test('without the Navigation API, a step counts as opened when its link on the path is followed', async () => {
  const context = await site.context();
  await context.addInitScript(() => Object.defineProperty(window, 'navigation', { value: undefined }));
  const page = await context.newPage();
  const home = site.url('en/');
  // The values page opened by its address, not from the path: nothing tells the home page.
  await page.goto(site.url('en/values/'));
  await page.getByRole('link', { name: 'Back to the path' }).click();
  await page.waitForURL(home);
  expect(await openedSteps(page)).toEqual([]);
  expect(await page.locator(progressPart('step-state')).filter({ visible: true }).count()).toBe(0);
  await page.locator(progressStep('speech')).click();
  await page.waitForURL(site.url('en/speech/'));
  await page.getByRole('link', { name: 'Back to the path' }).click();
  await page.waitForURL(home);
  expect(await openedSteps(page)).toEqual(['speech']);
  expect((await shownStates(page)).speech).toBe('Done');
  expect((await shownStates(page)).values).toBe('Not started');
});

test('without script, the home page is the plain path and the completion record says it needs script', async () => {
  const { page } = await site.open('en/', { javaScriptEnabled: false });
  expect(await page.locator(`${progressPart('path')} > li`).count()).toBe(7);
  expect(await page.locator([progressPart('step-state'), progressPart('now'), progressPart('finished')].join(', ')).filter({ visible: true }).count()).toBe(0);
  await page.goto(site.url('en/completion/'));
  await expect.poll(() => page.locator('main').textContent()).toContain(dictionaries.en.progress.record.needsJs);
  expect(await page.locator(completionPart('record')).isVisible()).toBe(false);
});

test('saved answers of a shape that cannot be counted leave the plain path, and the completion record says so calmly', async () => {
  const context = await site.context();
  // Quiz progress with no answers at all: not what the quiz saves, but what a damaged browser may hold.
  await context.addInitScript((key) => localStorage.setItem(key, JSON.stringify({ version: 1 })), storageKeys.quiz('alibaba-customer-first'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url('en/completion/'));
  await expect.poll(() => page.locator(completionPart('unfinished')).textContent()).toBe(dictionaries.en.progress.record.unreadable);
  expect(await page.locator(completionPart('record')).isVisible()).toBe(false);
  await page.goto(site.url('en/'));
  await page.locator(progressStep('speech')).click();
  await page.getByRole('link', { name: 'Back to the path' }).click();
  await page.waitForURL(site.url('en/'));
  expect(await openedSteps(page)).toContain('speech');
  expect(await page.locator([progressPart('step-state'), progressPart('now')].join(', ')).filter({ visible: true }).count()).toBe(0);
  expect(errors).toEqual([]);
});

describe('the finished path', () => {
  test.each(locales)('%s: the home page says so and the completion record prints on one A4 page', { timeout: 120_000 }, async (locale: Locale) => {
    const t = dictionaries[locale];
    const r = t.progress.record;
    const home = site.url(`${locale}/`);
    const { page, errors } = await site.open(`${locale}/completion/`, viewports.desktop);
    // Before: the record says how far the path is.
    await expect.poll(() => page.locator(completionPart('unfinished')).textContent()).toBe(fill(r.notFinished, { done: 0, total: 6 }));
    expect(await page.locator(completionPart('record')).isVisible()).toBe(false);
    await walkPath(page, home, { name: '王小明 Wang Xiaoming', wrong: [0, 1] });
    await expect.poll(() => shownStates(page)).toEqual(Object.fromEntries(['speech', 'values', 'rubrics', 'cases', 'quiz', 'selfAssessment'].map((s) => [s, t.progress.states.done])));
    expect(await continueLink(page).count()).toBe(0);
    const finished = page.locator(progressPart('finished'));
    expect(await finished.isVisible()).toBe(true);
    expect(await finished.textContent()).toContain(t.progress.finished);
    // The path's last step says so too, and offers the record.
    const lastStep = await page.context().newPage();
    await lastStep.goto(site.url(`${locale}/self-assessment/`));
    const saysDone = lastStep.locator(selfAssessmentPart('finished'));
    await expect.poll(() => saysDone.isVisible()).toBe(true);
    expect(await saysDone.textContent()).toContain(t.progress.finished);
    expect(await saysDone.getByRole('link', { name: t.progress.recordLink }).count()).toBe(1);
    await lastStep.close();
    await finished.getByRole('link', { name: t.progress.recordLink }).click();
    await page.waitForURL(site.url(`${locale}/completion/`));
    const record = page.locator(completionPart('record'));
    await record.waitFor();
    expect(await record.textContent()).toContain(r.notCredential);
    expect(await page.locator(completionPart('name')).textContent()).toBe('王小明 Wang Xiaoming');
    expect(await page.locator(completionPart('date')).textContent()).toBe(
      new Intl.DateTimeFormat(await page.evaluate(() => document.documentElement.lang), { dateStyle: 'long' }).format(new Date()),
    );
    // Two questions answered wrongly: the result against the pass mark, and each level the quiz asks about.
    const { course } = await page.locator('course-completion').evaluate((el) => JSON.parse((el as HTMLElement).dataset.config!) as CourseCompletionConfig);
    const questions = course.quizzes.flatMap((q) => q.questions);
    const right = questions.length - 2;
    const q = t.quiz.script;
    expect(await page.locator(completionPart('quiz')).textContent()).toBe(
      fill(q.percent, {
        percent: Math.round((100 * right) / questions.length),
        right,
        total: questions.length,
        passMark: 80,
        outcome: right / questions.length >= 0.8 ? q.passed : q.notPassed,
      }),
    );
    const levels = new Set(questions.map((x) => x.level).filter((l) => l !== undefined));
    expect(await page.locator(completionLevels()).count()).toBe(levels.size);
    expect(await page.locator(completionLevels('secure')).count()).toBeGreaterThan(0);
    const pdf = join(work, `${locale}.pdf`);
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1];
    console.log(`completion record, ${locale}: ${pages} A4 page(s)`);
    expect(pages).toBe('1');
    expect(errors).toEqual([]);
  });
});
