/**
 * A small LMS for the package tests: scorm-again's runtimes (software nobody here wrote) hosted
 * by test/fixtures/lms/ under a sub-path that serves files only, with unzipped packages in a
 * frame as an LMS loads them; and what a learner does in a launched course.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ScormVersion } from '../../src/lib/scorm/course';
import { projectRoot } from './astro-cli';
import { answerQuestion } from './quiz';
import { dataAttribute } from '../../src/components/island-contract';
import { caseQuiz } from '../../src/components/quiz/contract';
import { quizPart, quizQuestion } from './parts';
import { strictRules } from './strict-cmi';

/** Values a runtime holds, by element (scorm-again's flattened commit). */
export type Held = Record<string, string>;
export interface Call {
  method: string;
  args: string[];
  result: string;
  error: string;
}

export const lmsBase = '/lms/';

/** The element and method names each version's checks read. */
export const cmiNames = {
  '1.2': { status: 'cmi.core.lesson_status', location: 'cmi.core.lesson_location', raw: 'cmi.core.score.raw', response: 'student_response', init: 'LMSInitialize', end: 'LMSFinish', entry: 'cmi.core.entry' },
  '2004': { status: 'cmi.completion_status', location: 'cmi.location', raw: 'cmi.score.raw', response: 'learner_response', init: 'Initialize', end: 'Terminate', entry: 'cmi.entry' },
} as const;

/** A folder holding the LMS page and scorm-again's bundles; packages go under its content/. */
export function lmsFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'lms-'));
  cpSync(join(projectRoot, 'test/fixtures/lms'), root, { recursive: true });
  for (const bundle of ['scorm12.min.js', 'scorm2004.min.js']) copyFileSync(join(projectRoot, 'node_modules/scorm-again/dist', bundle), join(root, bundle));
  // The strictest rules, for the page's Moodle-strict mode (`index.html?strict=moodle`).
  writeFileSync(join(root, 'strict-rules.js'), `window.strictRules = ${JSON.stringify(strictRules)};\n`);
  return root;
}

/** Unzips the package `zip` into `<lmsRoot>/content/<name>/`; returns its launch path from the LMS page. */
export function unzipPackage(zip: string, lmsRoot: string, name: string): string {
  for (const [path, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
    const target = join(lmsRoot, 'content', name, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  return `content/${name}/index.html`;
}

/** What an LMS keeps of a session and hands the next launch (scorm-again's own commit, minus what is per session). */
export function keptForRelaunch(version: ScormVersion, values: Held): Held {
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !/session_time|total_time|\._count|\._children|^cmi\.(core\.)?exit$/.test(key)));
  return { ...kept, [cmiNames[version].entry]: 'resume' };
}

export const held = (page: Page): Promise<Held> => page.evaluate(() => (window as never as { held: () => Held }).held());
/** The SetValue calls the page's Moodle-strict mode (or `faults.refuseElement`) refused, as `element=value: code`. */
export const strictRefused = (page: Page): Promise<string[]> => page.evaluate(() => (window as never as { strictRefused: string[] }).strictRefused);
export const calls = (page: Page): Promise<Call[]> => page.evaluate(() => (window as never as { calls: Call[] }).calls);

/**
 * Opens the LMS page at `origin` and launches the package at `packagePath` with what the runtime
 * kept from before (a first launch is a new attempt, entry ab-initio, as an LMS says).
 */
export async function launch(browser: Browser, origin: string, version: ScormVersion, packagePath: string, kept: Held = {}, query = '') {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  await page.goto(`${origin}${lmsBase}index.html${query}`);
  const learner =
    version === '1.2'
      ? { 'cmi.core.student_id': 'learner-7', 'cmi.student_data.mastery_score': '80', 'cmi.core.entry': 'ab-initio' }
      : { 'cmi.learner_id': 'learner-7', 'cmi.scaled_passing_score': '0.8', 'cmi.entry': 'ab-initio' };
  await page.evaluate(([v, path, data]) => (window as never as { launch: (...a: unknown[]) => void }).launch(v, path, data), [version, packagePath, { ...learner, ...kept }] as const);
  return { page, problems };
}

/** The course's frame: the page inside the launch page. */
export async function courseFrame(page: Page): Promise<Frame> {
  // The launch page's frame is empty until its script has opened the session and chosen the page.
  await expect.poll(() => page.frames()[2]?.url() ?? 'about:blank').toMatch(/^http/);
  const frame = page.frames()[2]!;
  await frame.waitForLoadState();
  return frame;
}

/** The launch page's status line. */
export const launchStatus = (page: Page) => page.frames()[1]!.locator('.launch-status[role="status"]');

/** Follows a link of the course's header to `path` (locale/route/), as a learner would. */
export async function go(page: Page, path: string): Promise<Frame> {
  const frame = await courseFrame(page);
  const route = path.slice(path.indexOf('/') + 1);
  await frame.locator(`header a[href$="${route}index.html"]`).first().click();
  await expect.poll(() => page.frames()[2]?.url() ?? '').toContain(`/${path}index.html`);
  const next = page.frames()[2]!;
  await next.waitForLoadState();
  return next;
}

/** Answers the quiz's question with id `id` (or at index `id`); returns its id once its feedback shows. */
export async function answer(frame: Frame, id: number | string, right: boolean) {
  const q = typeof id === 'number' ? frame.locator(quizPart('question')).nth(id) : frame.locator(quizQuestion(id));
  await answerQuestion(q, right);
  await expect.poll(() => q.locator(quizPart('feedback')).isVisible()).toBe(true);
  return (await q.getAttribute(dataAttribute(caseQuiz, 'question')))!;
}

/** Ends the session as an LMS does when the learner leaves: the course's frame is taken away. */
export async function exit(page: Page, version: ScormVersion) {
  await page.evaluate(() => (window as never as { exit: () => void }).exit());
  await expect.poll(async () => (await calls(page)).some((c) => c.method === cmiNames[version].end)).toBe(true);
}

/** Answers every level of the self-assessment (the first answer each level offers, unless `choose` says) with a note. */
export async function selfAssess(frame: Frame, note: (level: number) => string, choose: (level: number, offered: string[]) => string = (_, offered) => offered[0]!) {
  const levels = await frame.locator('textarea[name^="note-"]').count();
  const answers: Record<string, string> = {};
  for (let level = 1; level <= levels; level++) {
    const offered = await frame.locator(`input[name="answer-${level}"]`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const value = choose(level, offered);
    await frame.locator(`input[name="answer-${level}"][value="${value}"]`).check();
    answers[level] = value;
    await frame.locator(`textarea[name="note-${level}"]`).fill(note(level));
  }
  await frame.locator('input[name="name"]').fill('Chen Jing');
  return answers;
}
