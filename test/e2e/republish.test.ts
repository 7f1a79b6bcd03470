/**
 * A trainer republishes the course while a learner is half-way through (red team L1–L5, issue
 * 17): the course is built from a copy, then rebuilt from the same copy with (a) a case inserted
 * before an answered one, (b) an answered case removed, (c) an answered case moved to another
 * level, (d) level 1's half point removed, (e) a step added to the path. In both SCORM versions
 * (scorm-again as the LMS) and on the plain site, the learner relaunches in a fresh browser:
 * every surviving answer is on its own question, (c) is marked again, only (d)'s level is
 * dropped, the LMS gets honest values, and the learner is told once.
 */
import { readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dataAttribute } from '../../src/components/island-contract';
import type { CaseQuizConfig } from '../../src/components/quiz/case-quiz';
import { caseQuiz } from '../../src/components/quiz/contract';
import { quizField } from '../../src/lib/form-fields';
import { dictionaries } from '../../src/lib/i18n';
import { storageKeys } from '../../src/lib/saved-state';
import { packageName, scormVersions, type ScormVersion } from '../../src/lib/scorm/course';
import { interactionId } from '../../src/lib/scorm/report';
import { projectCopy, runAstro } from '../support/astro-cli';
import { launchChromium } from '../support/browser';
import { answer, calls, cmiNames, courseFrame, exit, go, held, keptForRelaunch, launch, launchStatus, lmsBase, lmsFolder, selfAssess, unzipPackage } from '../support/lms';
import { quizPart, quizQuestion } from '../support/parts';
import { answerQuestion } from '../support/quiz';
import { serveSite } from '../support/static-server';

const base = '/onboarding/';
const rubric = 'alibaba-customer-first';
const t = dictionaries.en;
/** The cases the learner answers: one that stays, one removed, one moved from level 3 to level 2. */
const kept = 'case-alibaba-l1-blaming-the-customer';
const removed = 'case-alibaba-l1-cancelled-booking';
const moved = 'case-alibaba-l3-rude-to-wrong-number';
const inserted = 'case-alibaba-l1-aaa-inserted-case';

interface Build {
  site: string;
  packages: string;
  /** The scoring scenarios of the quiz, by id. */
  scenarios: string[];
}

let work: string;
let copies: string[] = [];
const builds: Record<'before' | 'after', Build> = {} as never;
let browser: Browser;
let lms: Awaited<ReturnType<typeof serveSite>>;
let lmsRoot: string;

/** Builds the site and the packages of the copy at `root`. */
function build(root: string): Build {
  const site = join(root, 'site');
  const packages = join(root, 'packages');
  for (const [env, what] of [[{ OUT_DIR: site, BASE_PATH: base }, 'site'], [{ OUT_DIR: join(root, 'package-build'), SCORM_PACKAGES_DIR: packages, BASE_PATH: base }, 'packages']] as const) {
    const { status, output } = runAstro(['build'], env, root);
    expect(status, `${what}: ${output}`).toBe(0);
  }
  return { site, packages, scenarios: quizOf(site).questions.filter((q) => q.partsAt).map((q) => q.id) };
}

/** The config of the English quiz page of the site built at `site`: the course's own questions and keys. */
const quizOf = (site: string) =>
  JSON.parse(parse(readFileSync(join(site, 'en/quiz/index.html'), 'utf8')).querySelector(caseQuiz.tag)!.getAttribute('data-config')!) as CaseQuizConfig;

/** The changes (a)–(e), made to the copy at `root`. */
function republish(root: string) {
  const cases = join(root, 'content/cases');
  // Each case holds its own place in its source list: the added one comes after the list's last.
  writeFileSync(
    join(cases, 'alibaba-l1-aaa-inserted-case.yaml'),
    readFileSync(join(cases, 'alibaba-l1-harsh-with-members.yaml'), 'utf8')
      .replace(/(title:\n  zh-hant: ).*\n  en: .*/, '$1新增的案例\n  en: An added case')
      .replace(/^position: \d+$/m, 'position: 90'),
  );
  unlinkSync(join(cases, 'alibaba-l1-cancelled-booking.yaml'));
  const movedFile = join(cases, 'alibaba-l3-rude-to-wrong-number.yaml');
  writeFileSync(movedFile, readFileSync(movedFile, 'utf8').replace(/^level: 3$/m, 'level: 2').replace(/^position: \d+$/m, 'position: 91'));
  const rubricFile = join(root, 'content/rubrics/alibaba-customer-first.yaml');
  writeFileSync(rubricFile, readFileSync(rubricFile, 'utf8').replace(/  halfPoint:\n(    .*\n)+?(?=- level: 2)/, ''));
  const urls = join(root, 'src/lib/urls.ts');
  writeFileSync(urls, readFileSync(urls, 'utf8').replace("'cases', 'quiz'", "'cases', 'glossary', 'quiz'"));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'republish-'));
  const before = projectCopy();
  const after = projectCopy();
  copies = [before, after];
  republish(after);
  builds.before = build(before);
  builds.after = build(after);
  lmsRoot = lmsFolder();
  for (const [name, b] of Object.entries(builds)) for (const v of scormVersions) unzipPackage(join(b.packages, packageName('en', v)), lmsRoot, `${name}-${v}`);
  lms = await serveSite(lmsRoot, lmsBase, { folderIndex: false });
  browser = await launchChromium();
  for (const dir of [before, after]) rmSync(join(dir, 'package-build'), { recursive: true, force: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await lms?.close();
  for (const dir of [work, lmsRoot, ...copies]) if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the rebuild changed what it should: (a)–(d) in the quiz, scenarios that do not hold a changed case keep their ids', () => {
  const idAttribute = dataAttribute(caseQuiz, 'question');
  const questions = (b: Build) => parse(readFileSync(join(b.site, 'en/quiz/index.html'), 'utf8')).querySelectorAll(`[${idAttribute}]`).map((q) => q.getAttribute(idAttribute)!);
  expect(questions(builds.after)).toContain(inserted);
  expect(questions(builds.after)).not.toContain(removed);
  expect(questions(builds.before)).not.toContain(inserted);
  // Level 1 lost its half point: no scenario asks for 0.5 any more.
  expect(readFileSync(join(builds.after.site, 'en/quiz/index.html'), 'utf8')).not.toContain('value="0.5"');
  expect(scenarios().surviving).toBeDefined();
});

/** The keys of a build's quiz, by question id (its config: the course's own). */
const keysOf = (b: Build) => new Map(quizOf(b.site).questions.map((q) => [q.id, q.key.join(' ')]));

/** The scenario the learner answers right, one the rebuild keeps with the same key; and one it retires, if any. */
const scenarios = () => {
  const [before, after] = [keysOf(builds.before), keysOf(builds.after)];
  return {
    surviving: builds.before.scenarios.find((id) => after.get(id) === before.get(id))!,
    retired: builds.before.scenarios.find((id) => !after.has(id)),
  };
};

describe.each(scormVersions)('SCORM %s', (version: ScormVersion) => {
  test('relaunched on the republished package, every surviving answer is on its own question and the LMS hears the truth', async () => {
    const n = cmiNames[version];
    const { surviving, retired } = scenarios();
    const first = await launch(browser, lms.origin, version, `content/before-${version}/index.html`);
    await go(first.page, 'en/speech/');
    const quiz = await go(first.page, 'en/quiz/');
    for (const id of [kept, removed, moved, surviving, ...(retired ? [retired] : [])]) await answer(quiz, id, true);
    const assessment = await go(first.page, 'en/self-assessment/');
    const answers = await selfAssess(assessment, (level) => `Case for level ${level}`, (level, offered) => (level === 1 ? 'mitigated-incident' : offered[0]!));
    await expect.poll(async () => Object.keys(await held(first.page)).filter((k) => k.endsWith(`.${n.response}`)).length).toBe(4 + (retired ? 1 : 0) + Object.keys(answers).length);
    await exit(first.page, version);
    const before = await held(first.page);
    const idAt = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).map(([k, v]) => [v, k.split('.')[2]!]));
    const numbered = idAt(before);
    await first.page.context().close();

    // A fresh browser: everything comes from what the LMS kept.
    const second = await launch(browser, lms.origin, version, `content/after-${version}/index.html`, keptForRelaunch(version, before));
    await courseFrame(second.page);
    const told = launchStatus(second.page);
    await expect.poll(() => told.textContent()).toContain(t.lms.script.updated);
    const status = (await told.textContent())!;
    expect(status).toContain('1 of your quiz answers is marked again against the new answer key.');
    expect(status).toMatch(/quiz answers? (is|are) to (a question|questions) no longer in the course/);
    expect(status).toContain(t.lms.script.dropped.replace('{levels}', 'Level 1'));

    const again = await go(second.page, 'en/quiz/');
    const verdict = (id: string) => again.locator(`${quizQuestion(id)} ${quizPart('verdict')}`).textContent();
    await expect.poll(() => verdict(kept)).toBe(t.quiz.script.right);
    expect(await verdict(surviving)).toBe(t.quiz.script.right);
    // (c): answered "level 3, falls short", right then; the case is now filed under level 2.
    expect(await verdict(moved)).toBe(t.quiz.script.wrong);
    expect(await again.locator(`${quizQuestion(moved)} input[name="${quizField.level}"][value="3"]`).isChecked()).toBe(true);
    expect(await again.locator(`${quizQuestion(inserted)} ${quizPart('feedback')}`).isVisible()).toBe(false);
    expect(await again.locator(quizQuestion(removed)).count()).toBe(0);

    const form = await go(second.page, 'en/self-assessment/');
    expect(await form.locator('input[name="answer-1"]:checked').count()).toBe(0);
    for (const level of [2, 3, 4, 5]) expect(await form.locator(`input[name="answer-${level}"][value="${answers[level]}"]`).isChecked()).toBe(true);
    for (const level of [1, 2, 3, 4, 5]) expect(await form.locator(`textarea[name="note-${level}"]`).inputValue()).toBe(`Case for level ${level}`);
    expect(await form.locator('input[name="name"]').inputValue()).toBe('Chen Jing');
    await exit(second.page, version);
    const after = await held(second.page);

    // Interactions keep the numbers the LMS gave them; the moved case's record says wrong now; the
    // removed case's record is left as the LMS holds it; nothing is reported under another's id.
    const renumbered = idAt(after);
    for (const [id, index] of Object.entries(numbered)) expect(renumbered[id], id).toBe(index);
    const at = (id: string, part: string) => after[`cmi.interactions.${numbered[id]}.${part}`];
    expect(at(interactionId(rubric, moved), 'result')).toBe(version === '1.2' ? 'wrong' : 'incorrect');
    expect(at(interactionId(rubric, moved), 'correct_responses.0.pattern')).toBe(version === '1.2' ? '2,falls_short' : '2[,]falls_short');
    expect(at(interactionId(rubric, kept), 'result')).toBe('correct');
    expect(at(interactionId(rubric, removed), 'result')).toBe('correct');
    const suspended = JSON.parse(after['cmi.suspend_data']!) as { q: Record<string, Record<string, string>>; a: Record<string, { l: Record<string, string> }>; o: string };
    // The removed case's answer is kept in the record, uncounted; level 1's answer is gone for that level only.
    expect(suspended.q[rubric]![removed]).toBe('+1 falls-short');
    expect(suspended.a[rubric]!.l).toEqual(Object.fromEntries(Object.entries(answers).filter(([level]) => level !== '1')));
    // (e): seven steps now, of which the speech is done.
    if (version === '2004') expect(after['cmi.progress_measure']).toBe('0.1429');
    expect(after[n.status]).toBe('incomplete');
    expect((await calls(second.page)).filter((c) => c.error !== '0')).toEqual([]);
    expect(second.problems).toEqual([]);
    await second.page.context().close();

    // Told once: the next launch says nothing about an update.
    const third = await launch(browser, lms.origin, version, `content/after-${version}/index.html`, keptForRelaunch(version, after));
    await courseFrame(third.page);
    await expect.poll(async () => (await calls(third.page)).some((c) => c.method === 'SetValue' || c.method === 'LMSSetValue')).toBe(true);
    expect((await launchStatus(third.page).textContent()) ?? '').not.toContain(t.lms.script.updated);
    await third.page.context().close();
  });
});

test('L5 on the plain site: a reload on the republished site marks saved answers again and drops only the level the rubric no longer allows', async () => {
  const current = join(work, 'current');
  symlinkSync(builds.before.site, current);
  const server = await serveSite(current, base);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}${base}en/quiz/`);
    for (const id of [kept, removed, moved]) await answerQuestion(page.locator(quizQuestion(id)), true);
    await expect.poll(() => page.evaluate((k) => Object.keys(JSON.parse(localStorage.getItem(k) ?? '{"answers":{}}').answers).length, storageKeys.quiz(rubric))).toBe(3);
    await page.goto(`${server.origin}${base}en/self-assessment/`);
    await page.locator('input[name="answer-1"][value="mitigated-incident"]').check();
    await page.locator('input[name="answer-2"][value="no-incident"]').check();
    await page.locator('textarea[name="note-1"]').fill('A note on level 1');

    unlinkSync(current);
    symlinkSync(builds.after.site, current);
    await page.goto(`${server.origin}${base}en/quiz/`);
    const status = (await page.locator(quizPart('status')).textContent())!;
    expect(status).toContain(t.quiz.script.updated);
    expect(status).toContain('1 of your answers is marked again against the new answer key.');
    expect(status).toContain('1 answer is to a question no longer in the quiz: it is kept, but not counted.');
    expect(status).toMatch(/2 of \d+ answered, 1 right\./);
    expect(await page.locator(`${quizQuestion(moved)} ${quizPart('verdict')}`).textContent()).toBe(t.quiz.script.wrong);
    await page.goto(`${server.origin}${base}en/self-assessment/`);
    expect(await page.locator('.assessment-message').textContent()).toContain('Level 1');
    expect(await page.locator('input[name="answer-1"]:checked').count()).toBe(0);
    expect(await page.locator('input[name="answer-2"][value="no-incident"]').isChecked()).toBe(true);
    expect(await page.locator('textarea[name="note-1"]').inputValue()).toBe('A note on level 1');
    // The answer the rubric dropped is kept aside, not lost.
    const aside = await page.evaluate((k) => Object.keys(localStorage).filter((x) => x.startsWith(`${k}/kept-aside/`)).map((x) => JSON.parse(localStorage.getItem(x)!).answers['1']), storageKeys.selfAssessment(rubric));
    expect(aside).toEqual(['mitigated-incident']);
    // Told once.
    await page.reload();
    expect(await page.locator('.assessment-message').textContent()).toBe('');
  } finally {
    await context.close();
    await server.close();
  }
});
