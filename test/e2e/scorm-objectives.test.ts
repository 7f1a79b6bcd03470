/**
 * Mastery per level in an LMS (issue 20): a package in each SCORM version, run by scorm-again in
 * the test LMS page (test/fixtures/lms/), reports each rubric level as an objective once the
 * learner answers, with the status and score the course model gives (lib/course.ts levelMastery).
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packageName, type ScormVersion } from '../../src/lib/scorm/course';
import { objectiveId } from '../../src/lib/scorm/report';
import { projectCopy, runAstro } from '../support/astro-cli';
import { launchChromium } from '../support/browser';
import { answer, calls, go, held, launch, lmsBase, lmsFolder, unzipPackage } from '../support/lms';
import { practicePart } from '../support/parts';
import { quizConfig } from '../support/quiz';
import { serveSite } from '../support/static-server';

const rubric = 'alibaba-customer-first';
let root: string;
let lmsRoot: string;
let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;
const cases = [
  ['1.2', 'en'],
  ['2004', 'zh-hant'],
] as const;

beforeAll(async () => {
  root = projectCopy();
  const packages = join(root, 'packages');
  const built = runAstro(['build'], { SCORM_PACKAGES_DIR: packages, OUT_DIR: join(root, 'package-build'), BASE_PATH: '/onboarding/' }, root);
  expect(built.status, built.output).toBe(0);
  lmsRoot = lmsFolder();
  for (const [version, locale] of cases) unzipPackage(join(packages, packageName(locale, version)), lmsRoot, packageName(locale, version));
  server = await serveSite(lmsRoot, lmsBase, { folderIndex: false });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(lmsRoot, { recursive: true, force: true });
});

describe.each(cases)('SCORM %s, %s', (version: ScormVersion, locale) => {
  test('each level with graded questions is an objective: untried, learning after a miss, secure when all its questions are right', async () => {
    const { page, problems } = await launch(browser, server.origin, version, `content/${packageName(locale, version)}/index.html`);
    const quiz = await go(page, `${locale}/quiz/`);
    const config = await quizConfig(quiz);
    const levels = [...new Set(config.questions.map((q) => q.level).filter((l) => l !== undefined))].sort();
    const ofLevel = (level: number) => config.questions.filter((q) => q.level === level).map((q) => q.id);
    // Level 1: every question right; level 2: one wrong; the others untouched.
    for (const id of ofLevel(1)) await answer(quiz, id, true);
    await answer(quiz, ofLevel(2)[0]!, false);
    const id = (n: number) => `cmi.objectives.${n}.id`;
    await expect.poll(async () => Object.keys(await held(page)).filter((k) => /^cmi\.objectives\.\d+\.id$/.test(k)).length).toBe(levels.length);
    const values = await held(page);
    expect(levels.map((_, n) => values[id(n)])).toEqual(levels.map((l) => objectiveId(rubric, l)));
    for (const [n, level] of levels.entries()) {
      const expected = level === 1 ? 'secure' : level === 2 ? 'learning' : 'untried';
      const at = `cmi.objectives.${n}`;
      if (version === '1.2') expect(values[`${at}.status`], `level ${level}`).toBe({ secure: 'passed', learning: 'incomplete', untried: 'not attempted' }[expected]);
      else {
        expect([values[`${at}.completion_status`], values[`${at}.success_status`]], `level ${level}`).toEqual(
          { secure: ['completed', 'passed'], learning: ['incomplete', 'unknown'], untried: ['not attempted', 'unknown'] }[expected],
        );
      }
      const right = level === 1 ? ofLevel(1).length : 0;
      // An untried level's score is never set: the runtime shows its empty default.
      expect(values[`${at}.score.raw`] || undefined, `level ${level}`).toBe(expected === 'untried' ? undefined : String(Math.round((10000 * 100 * right) / ofLevel(level).length) / 10000));
    }
    // Practice is not graded: its page sends nothing.
    const before = (await calls(page)).length;
    // The practice page is linked from the quiz, not from the header.
    await quiz.locator('.practice-link a').first().click();
    await quiz.waitForURL(/quiz\/practice\/index\.html$/);
    const practice = quiz;
    await practice.locator(practicePart('deal')).click();
    await practice.locator(`${practicePart('record')} li`).first().waitFor();
    expect((await calls(page)).slice(before).filter((c) => /SetValue/.test(c.method) && /score|interactions/.test(c.args[0]!))).toEqual([]);
    expect((await calls(page)).filter((c) => c.error !== '0')).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
