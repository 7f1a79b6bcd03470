/**
 * A trainer adds a rubric as content and nothing else: a copy of the project gains the rubric,
 * cases and guide page in test/fixtures/second-rubric/ (test fixtures, never published) and is
 * built under the test base. Everything a learner meets for the 客戶第一 rubric must then exist
 * for the second one too, in every locale, and the first rubric must be untouched.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dictionaries, htmlLang, locales } from '../../src/lib/i18n';
import { formatter } from '../../src/lib/i18n/format';
import { searchRecordsArtefact } from '../../src/build/search-index';
import { storageKeys } from '../../src/lib/saved-state';
import { caseQuiz } from '../../src/components/quiz/contract';
import { progressPart, quizPart, searchPart } from '../support/parts';
import { answerQuestion } from '../support/quiz';
import { parseSearchIndexFile } from '../../src/schemas/search-index';
import { projectCopy, projectRoot, runAstro } from '../support/astro-cli';
import { launchChromium } from '../support/browser';
import { testBase, testSite } from '../support/build-site';
import { serveSite } from '../support/static-server';

const fixture = join(projectRoot, 'test/fixtures/second-rubric');
const second = 'aaa-fixture-teamwork';
const first = 'alibaba-customer-first';
const fixtureCases = ['aaa-fixture-case-1', 'aaa-fixture-case-2', 'aaa-fixture-case-3', 'aaa-fixture-case-4'];

let root: string;
let outDir: string;
const pageAt = (route: string): HTMLElement => parse(readFileSync(join(outDir, route, 'index.html'), 'utf8'));
const configOf = (el: HTMLElement) => JSON.parse(el.getAttribute('data-config')!) as { storageKey: string; rubric?: string };

beforeAll(() => {
  root = projectCopy();
  for (const folder of ['rubrics', 'cases', 'pages']) cpSync(join(fixture, folder), join(root, 'content', folder), { recursive: true });
  outDir = join(root, 'dist');
  const { status, output } = runAstro(['build'], { OUT_DIR: outDir, BASE_PATH: testBase, SITE_URL: testSite }, root);
  expect(status, output).toBe(0);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(locales)('%s', (locale) => {
  const t = dictionaries[locale];
  const format = formatter(htmlLang[locale]);

  test('the second rubric has its page, its cases their pages, and the rubrics index lists both', () => {
    expect(pageAt(`${locale}/rubrics/${second}`).querySelectorAll('section.level')).toHaveLength(3);
    for (const id of fixtureCases) {
      const links = pageAt(`${locale}/cases/${id}`).querySelectorAll('a').map((a) => a.getAttribute('href'));
      expect(links).toContain(`${testBase}${locale}/rubrics/${second}/#level-${id === 'aaa-fixture-case-4' ? 3 : id === 'aaa-fixture-case-3' ? 2 : 1}`);
    }
    const index = pageAt(`${locale}/rubrics`);
    expect(index.querySelector(`#rubric-${second}`)).not.toBeNull();
    expect(index.querySelector(`#rubric-${first}`)).not.toBeNull();
  });

  test.each(['cases', 'cases/by-verdict'])('the case library (%s) has a section per rubric, each with its own cases', (route) => {
    const page = pageAt(`${locale}/${route}`);
    const linksIn = (rubric: string) =>
      page.querySelector(`section[aria-labelledby="cases-${rubric}"]`)!.querySelectorAll('.case-list a').map((a) => a.getAttribute('href')!.split('/').at(-2));
    expect(linksIn(second).sort()).toEqual(fixtureCases);
    expect(linksIn(first)).toHaveLength(18);
    expect(new Set(page.querySelectorAll('[id]').map((el) => el.id)).size).toBe(page.querySelectorAll('[id]').length);
  });

  test('the quiz page has a quiz per rubric: case questions from its cases, scenarios scored by its own levels', () => {
    const page = pageAt(`${locale}/quiz`);
    const quizzes = page.querySelectorAll('case-quiz');
    expect(quizzes.map((q) => configOf(q).storageKey)).toEqual([storageKeys.quiz(second), storageKeys.quiz(first)]);
    const [fixtureQuiz, firstQuiz] = quizzes.map((q) => q.querySelectorAll('[data-question]'));
    const cases = fixtureQuiz!.filter((q) => q.getAttribute('data-question')!.startsWith('case-'));
    expect(cases.map((q) => q.getAttribute('data-question')).sort()).toEqual(fixtureCases.map((id) => `case-${id}`));
    const scenarios = fixtureQuiz!.filter((q) => q.getAttribute('data-question')!.startsWith('scenario-'));
    expect(scenarios.length).toBeGreaterThan(0);
    for (const scenario of scenarios) {
      // Only the fixture's cases, and only the fixture's possible scores (0 to 3, and no half point).
      for (const a of scenario.querySelectorAll('.record a')) expect(fixtureCases).toContain(a.getAttribute('href')!.split('/').at(-2));
      expect(scenario.querySelectorAll('input[name=score]').map((i) => i.getAttribute('value'))).toEqual(['0', '1', '2', '3']);
    }
    expect(firstQuiz).toHaveLength(22);
    const home = pageAt(locale);
    expect(home.querySelector(progressPart('path'))!.textContent).toContain(format(t.home.questions, { count: fixtureQuiz!.length + firstQuiz!.length }));
    expect(home.querySelector(progressPart('path'))!.textContent).toContain(format(t.home.questions, { count: 3 + 5 }));
  });

  test('the practice page deals for each rubric from its own sources’ cases and scores by its own levels', () => {
    const practices = pageAt(`${locale}/quiz/practice`).querySelectorAll('scoring-practice');
    const configs = practices.map((p) => JSON.parse(p.getAttribute('data-config')!) as { rules: { level: number }[]; cases: { id: string; origin: string }[] });
    expect(configs.map((c) => c.rules.length)).toEqual([3, 5]);
    expect(configs[0]!.cases.map((c) => c.id).sort()).toEqual(fixtureCases);
    expect(configs[1]!.cases.every((c) => c.origin === 'source' && !fixtureCases.includes(c.id))).toBe(true);
    expect(practices[0]!.querySelectorAll('input[name=score]').map((i) => i.getAttribute('value'))).toEqual(['0', '1', '2', '3']);
  });

  test('the self-assessment page has a form per rubric, saved apart', () => {
    const forms = pageAt(`${locale}/self-assessment`).querySelectorAll('self-assessment');
    expect(forms.map((f) => configOf(f))).toMatchObject([
      { rubric: second, storageKey: storageKeys.selfAssessment(second) },
      { rubric: first, storageKey: storageKeys.selfAssessment(first) },
    ]);
    expect(forms[0]!.querySelectorAll('fieldset:not(.about)')).toHaveLength(3);
  });

  test('the review page has a feedback talk per rubric, saved apart', () => {
    const talks = pageAt(`${locale}/review`).querySelectorAll('feedback-talk');
    expect(talks.map((f) => configOf(f))).toMatchObject([
      { rubric: second, storageKey: storageKeys.feedbackTalk(second) },
      { rubric: first, storageKey: storageKeys.feedbackTalk(first) },
    ]);
    expect(talks[0]!.querySelectorAll('.talk-table tbody tr')).toHaveLength(3);
  });

  test('the search page offers the rubric as a filter', () => {
    const options = pageAt(`${locale}/search`).querySelectorAll('select[name=rubric] option').map((o) => o.getAttribute('value'));
    expect(options).toEqual(['', second, first]);
  });

  test('a guide page with two quizzes gives each its own ids and saved progress', () => {
    const page = pageAt(`${locale}/guides/fixture-two-quizzes`);
    const quizzes = page.querySelectorAll('case-quiz');
    expect(quizzes.map((q) => configOf(q).storageKey)).toEqual([storageKeys.quiz(second, 1), storageKeys.quiz(first, 1)]);
    const ids = page.querySelectorAll('[id]').map((el) => el.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

test('the search records hold the second rubric’s cases and levels, filtered by rubric, in every locale', () => {
  const file = searchRecordsArtefact(outDir);
  const { locales: byLocale } = parseSearchIndexFile(readFileSync(file, 'utf8'), file);
  expect(byLocale.map((l) => l.locale)).toEqual([...locales]);
  for (const { records } of byLocale) {
    const ofSecond = records.filter((r) => r.filters.rubric === second);
    expect(ofSecond.filter((r) => r.filters.kind === 'case').map((r) => r.route.split('/')[1]).sort()).toEqual(fixtureCases);
    expect(ofSecond.filter((r) => r.filters.kind === 'rubric-level')).toHaveLength(3);
  }
});

test('in Chromium: a search filtered by rubric finds only its cases, and two quizzes on one page keep their own progress', { timeout: 120_000 }, async () => {
  const server = await serveSite(outDir, testBase);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}${testBase}en/search/?q=test+fixture+case&rubric=${second}`);
    const results = page.locator(`${searchPart('results')} li a`);
    await expect.poll(() => results.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const hrefs = await results.evaluateAll((els) => els.map((e) => e.getAttribute('href')!));
    // The fixture's cases and levels, and nothing of the other rubric.
    expect(hrefs.filter((href) => !href.includes('/cases/aaa-fixture-case-') && !href.includes(`/rubrics/${second}/`))).toEqual([]);
    expect(hrefs.some((href) => href.includes('/cases/aaa-fixture-case-'))).toBe(true);

    await page.goto(`${server.origin}${testBase}zh-hant/guides/fixture-two-quizzes/`);
    const right = dictionaries['zh-hant'].quiz.script.right;
    for (const quiz of await page.locator(caseQuiz.tag).all()) {
      const q = quiz.locator(quizPart('question')).first();
      await answerQuestion(q, true);
      await q.locator(quizPart('feedback')).waitFor();
    }
    await page.reload();
    for (const quiz of await page.locator(caseQuiz.tag).all()) {
      await expect.poll(() => quiz.locator(quizPart('verdict')).filter({ hasText: right }).count(), { timeout: 30_000 }).toBe(1);
    }
    const saved = await page.evaluate(() => Object.keys(localStorage).sort());
    // Each quiz's progress and its spaced-review queue (`<key>/review`).
    expect(saved).toEqual([storageKeys.quiz(second, 1), storageKeys.quiz(first, 1)].flatMap((k) => [k, `${k}/review`]).sort());
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    await server.close();
  }
});
