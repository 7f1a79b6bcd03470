/** The self-assessment in Chromium: live score and reason, saved and restored, files, print. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { dictionaries } from '../../src/lib/i18n';
import { allowedAnswers } from '../../src/lib/rubric-model';
import { storageKeys } from '../../src/lib/saved-state';
import { liveRubric } from '../support/live-course';
import { selfAssessmentPart } from '../support/parts';
import { useBrowser } from '../support/pages';

const site = useBrowser();
const key = storageKeys.selfAssessment('alibaba-customer-first');
/** The scenarios below answer this rubric's levels 1 to 4; its size and rules come from content/. */
const { levels } = liveRubric('alibaba-customer-first');
const max = levels.length;

async function choose(page: Page, level: number, answer: string) {
  await page.locator(`input[name="answer-${level}"][value="${answer}"]`).check();
}

/** The self-assessment's part `name` (of the page's first rubric). */
const sa = (page: Page, name: Parameters<typeof selfAssessmentPart>[0]) => page.locator(selfAssessmentPart(name)).first();
const summary = (page: Page) => sa(page, 'summary').textContent();

describe('self-assessment', () => {
  test('without JavaScript shows every level and its question, and says scoring needs JavaScript', async () => {
    const { page } = await site.open('en/self-assessment/', { javaScriptEnabled: false });
    const sa0 = dictionaries.en.selfAssessment;
    expect(await sa(page, 'form').locator('fieldset legend').allTextContents()).toEqual([sa0.about, ...levels.map((l) => sa0.questions[l.evidence])]);
    for (const l of levels) expect(await page.locator(`input[name="answer-${l.level}"]`).count()).toBe(allowedAnswers(l).length);
    // Said in a <noscript>, which Playwright's text search leaves out.
    const needsJs = page.locator('self-assessment noscript p').first();
    expect([await needsJs.textContent(), await needsJs.isVisible()]).toEqual([sa0.needsJs, true]);
  });

  test('scores as the learner answers, says why the chain stopped, and restores after a reload', async () => {
    const { page, errors } = await site.open('en/self-assessment/');
    expect(await summary(page)).toBe(`Score so far: 0 of ${max}. Next, answer the question for level 1.`);
    await choose(page, 1, 'no-incident');
    await choose(page, 2, 'no-incident');
    await choose(page, 3, 'example');
    await page.getByLabel('Write the case down').first().fill('Found the right team for a seller whose refund was stuck.');
    await choose(page, 4, 'no-example');
    expect(await summary(page)).toBe(`Score 3 of ${max}: the scoring stopped at level 4.`);
    expect(await sa(page, 'next').textContent()).toMatch(/^Next: find a concrete case that meets level 4/);
    await page.locator('input[name="name"]').fill('Lin');

    await page.reload();
    expect(await summary(page)).toBe(`Score 3 of ${max}: the scoring stopped at level 4.`);
    expect(await page.locator('input[name="answer-3"][value="example"]').isChecked()).toBe(true);
    expect(await page.locator('textarea[name="note-3"]').inputValue()).toBe('Found the right team for a seller whose refund was stuck.');
    expect(await sa(page, 'who').textContent()).toBe('Lin');
    expect(errors).toEqual([]);
  });

  test('a mitigated incident at level 1 gives 0.5 and an incident at 2 gives 1', async () => {
    const { page } = await site.open('zh-hant/self-assessment/');
    await choose(page, 1, 'mitigated-incident');
    expect(await summary(page)).toBe(`得分 0.5／${max}：評分停在第 1 級。`);
    await choose(page, 1, 'no-incident');
    await choose(page, 2, 'incident');
    await choose(page, 3, 'example');
    expect(await summary(page)).toBe(`得分 1／${max}：評分停在第 2 級。`);
  });

  test('corrupt or impossible saved answers are kept aside and the page still works', async () => {
    for (const bad of ['not json', JSON.stringify({ version: 1, rubric: 'alibaba-customer-first', answers: { 1: 'example' }, notes: {}, name: '', period: '' })]) {
      const { page, errors } = await site.open('en/self-assessment/');
      await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [key, bad]);
      await page.reload();
      expect(await sa(page, 'message').textContent()).toContain('kept aside');
      const kept = await page.evaluate((k) => Object.keys(localStorage).filter((x) => x.startsWith(`${k}/kept-aside/`)).map((x) => localStorage.getItem(x)), key);
      expect(kept).toEqual([bad]);
      await choose(page, 1, 'incident');
      expect(await summary(page)).toBe(`Score 0 of ${max}: the scoring stopped at level 1.`);
      expect(errors).toEqual([]);
    }
  });

  test('downloads the answers as a file and uploads them again; a bad file changes nothing', async () => {
    const { page } = await site.open('en/self-assessment/', { acceptDownloads: true });
    await choose(page, 1, 'no-incident');
    await choose(page, 2, 'no-incident');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download answers' }).click()]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(saved).toMatchObject({ version: 1, rubric: 'alibaba-customer-first', answers: { 1: 'no-incident', 2: 'no-incident' } });

    await choose(page, 1, 'incident');
    const upload = sa(page, 'file');
    await upload.setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    await expect.poll(() => sa(page, 'message').textContent()).toContain('Nothing was changed');
    expect(await summary(page)).toBe(`Score 0 of ${max}: the scoring stopped at level 1.`);

    await upload.setInputFiles({ name: 'saved.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
    await expect.poll(() => sa(page, 'message').textContent()).toContain('loaded');
    expect(await summary(page)).toBe(`Score so far: 2 of ${max}. Next, answer the question for level 3.`);
    const kept = await page.evaluate((k) => Object.keys(localStorage).filter((x) => x.startsWith(`${k}/kept-aside/`)).length, key);
    expect(kept).toBe(1);
  });

  test('prints the result for a manager, not the form: each answer a sentence that says what it means, a line to sign and date, no line meant for the screen', async () => {
    const { page } = await site.open('en/self-assessment/');
    const { answered } = dictionaries.en.selfAssessment.script;
    // The form's "No" is good at levels 1–2 and bad at 3–5: on paper each answer says which.
    const no = (l: (typeof levels)[number]) => allowedAnswers(l).find((a) => dictionaries.en.selfAssessment.answers[a] === 'No')!;
    for (const l of levels) await choose(page, l.level, no(l));
    await page.emulateMedia({ media: 'print' });
    const form = sa(page, 'form');
    expect(await form.isVisible()).toBe(false);
    const items = sa(page, 'levels').locator('li');
    expect(await items.count()).toBe(levels.length);
    for (const [i, l] of levels.entries()) expect(await items.nth(i).textContent()).toContain(answered[no(l)]);
    expect(new Set(levels.map((l) => answered[no(l)])).size).toBe(new Set(levels.map((l) => l.evidence)).size);
    const signature = page.locator('self-assessment').first().getByText(dictionaries.en.feedbackTalk.signature.employee);
    expect(await signature.isVisible()).toBe(true);
    expect(await page.getByText(dictionaries.en.feedbackTalk.forManagers).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await signature.isVisible()).toBe(false);
    expect(await page.getByText(dictionaries.en.feedbackTalk.forManagers).isVisible()).toBe(true);
  });
});
