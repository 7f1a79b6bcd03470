/**
 * axe-core (WCAG 2.2 A and AA, and best practice) on every built page, in the light and the
 * dark colour scheme, in Chromium.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { testBase } from '../support/build-site';
import { builtPages } from '../support/site';
import { useBrowser } from '../support/pages';
import { completionLevels, progressPart, progressStep, quizPart, quizQuestion, reviewPart, searchPart, selfAssessmentPart } from '../support/parts';
import { walkPath } from '../support/progress';
import { answerQuestion, quizConfig } from '../support/quiz';

const site = useBrowser();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const routes = builtPages().map((p) => p.url.slice(testBase.length));

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<AxeResult> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    }),
  );
  return result.violations.map((v) => `${page.url()}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each(['light', 'dark'] as const)('%s scheme', (colorScheme) => {
  test('every page has no axe violation', { timeout: 180_000 }, async () => {
    expect(routes.length).toBeGreaterThan(50);
    const context = await site.context({ colorScheme });
    const page = await context.newPage();
    const found: string[] = [];
    for (const route of routes) {
      await page.goto(site.url(route));
      found.push(...(await violations(page)));
    }
    expect(found).toEqual([]);
  });

  test('the quiz, the self-assessment and the review page, once answered, have no axe violation', async () => {
    const { page } = await site.open('en/quiz/', { colorScheme });
    // A question of two parts (a case), answered wrong: the feedback shows its contrast.
    const { id } = (await quizConfig(page)).questions.find((q) => q.fields.length > 1)!;
    const first = page.locator(quizQuestion(id));
    await answerQuestion(first, false);
    await first.locator(quizPart('feedback')).waitFor();
    const found = await violations(page);
    await page.goto(site.url('en/self-assessment/'));
    await page.locator('input[name="answer-1"]').first().check();
    await page.locator(`${selfAssessmentPart('levels')} li`).first().waitFor();
    found.push(...(await violations(page)));
    // The review page with a self-assessment open, answered differently, and agreed.
    await page.goto(site.url('en/review/'));
    const self = { version: 1, rubric: 'alibaba-customer-first', answers: { 1: 'no-incident', 2: 'no-incident', 3: 'example' }, notes: { 3: 'A case.' }, name: 'Lin', period: '2026 Q4' };
    await page.locator(reviewPart('file')).setInputFiles({ name: 'self.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(self)) });
    await page.locator(reviewPart('message')).filter({ hasText: /\S/ }).waitFor();
    await page.locator('input[name="answer-1"][value="mitigated-incident"]').check();
    await page.locator('input[name="agreed-1"][value="no-incident"]').check();
    await page.locator(`${reviewPart('row')}.differs`).waitFor();
    // A second person's review beside it, the copies kept aside listed, and the delete dialog open.
    await page.locator(reviewPart('file')).setInputFiles({ name: 'self.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...self, name: 'Wang' })) });
    await page.locator(`${reviewPart('review-list')} button`).waitFor();
    await page.locator(`${reviewPart('kept')} summary`).click();
    await page.locator(`${reviewPart('kept-list')} li`).first().waitFor();
    found.push(...(await violations(page)));
    await page.locator(reviewPart('delete')).click();
    await page.locator(`${reviewPart('delete-dialog')}[open]`).waitFor();
    found.push(...(await violations(page)));
    expect(found).toEqual([]);
  });

  test('the home page showing progress, then a finished path, and the completion record have no axe violation', { timeout: 120_000 }, async () => {
    const { page } = await site.open('en/', { colorScheme });
    await page.locator(progressStep('speech')).click();
    await page.getByRole('link', { name: 'Back to the path' }).click();
    await page.locator(`${progressPart('continue')}:not([hidden])`).waitFor();
    const found = await violations(page);
    await walkPath(page, site.url('en/'), { name: 'Lin', wrong: [0] });
    await page.locator(`${progressPart('finished')} a`).waitFor();
    found.push(...(await violations(page)));
    await page.locator(`${progressPart('finished')} a`).click();
    await page.locator(completionLevels()).first().waitFor();
    found.push(...(await violations(page)));
    expect(found).toEqual([]);
  });

  test('the search page offering "Did you mean" and Chinese results on the English page has no axe violation', async () => {
    const { page } = await site.open('en/search/?q=custmer', { colorScheme });
    await page.locator(`${searchPart('help')} a[href^="?q="]`).first().waitFor({ timeout: 25_000 });
    const found = await violations(page);
    await page.goto(site.url(`en/search/?q=${encodeURIComponent('推諉')}`));
    await page.locator(`${searchPart('results')} .excerpt[lang="zh-Hant"] mark`).first().waitFor({ timeout: 25_000 });
    found.push(...(await violations(page)));
    expect(found).toEqual([]);
    await page.context().close();
  });

  test('on a phone, the header with its menu open has no axe violation', async () => {
    const { page } = await site.open('zh-hant/speech/', { colorScheme, viewport: { width: 390, height: 844 } });
    await page.locator('.site-menu summary').click();
    await page.locator('.site-menu nav a').first().waitFor();
    expect(await violations(page)).toEqual([]);
  });
});
