/**
 * The LMS packages, tested with software nobody here wrote: each manifest against the ADL/IMS
 * schemas with xmllint, and each version's runtime from scorm-again hosted by a small LMS page
 * (test/fixtures/lms/) under a sub-path that serves files only, with the unzipped package in a
 * frame as an LMS loads it. A learner reads, answers part of the quiz and the whole
 * self-assessment, leaves, relaunches in a fresh browser with what the runtime kept, and finds
 * everything restored.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { dictionaries } from '../../src/lib/i18n';
import { storageKeys } from '../../src/lib/saved-state';
import { locales } from '../../src/lib/i18n/locales';
import { packageName, scormVersions, type ScormVersion } from '../../src/lib/scorm/course';
import { manifestSchemas } from '../../src/lib/scorm/manifest';
import { interactionId, scormRuntime } from '../../src/lib/scorm/report';
import { projectCopy, projectRoot, runAstro } from '../support/astro-cli';
import { launchChromium } from '../support/browser';
import { answer as answerIn, calls, strictRefused, cmiNames as names, courseFrame as course, go, held, keptForRelaunch, launch as launchIn, lmsBase, lmsFolder, selfAssess, unzipPackage } from '../support/lms';
import { quizPart, quizQuestion } from '../support/parts';
import { answeredIds, quizConfig } from '../support/quiz';
import { serveSite } from '../support/static-server';
import { manifestSchemaErrors } from '../support/xmllint';

const rubric = 'alibaba-customer-first';
/** The LMS page in its Moodle-strict mode: SetValue refuses what Moodle 4.5 refuses (test/support/strict-cmi.ts). */
const strictLms = `${lmsBase}index.html?strict=moodle`;
let root: string;
let packages: string;
let lmsRoot: string;
let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;

beforeAll(async () => {
  // A copy: the site lane's global build of this checkout may still hold Astro's state.
  root = projectCopy();
  packages = join(root, 'packages');
  const built = runAstro(['build'], { SCORM_PACKAGES_DIR: packages, OUT_DIR: join(root, 'package-build'), BASE_PATH: '/onboarding/' }, root);
  expect(built.status, built.output).toBe(0);
  lmsRoot = lmsFolder();
  for (const locale of locales) {
    for (const version of scormVersions) unzipPackage(join(packages, packageName(locale, version)), lmsRoot, packageName(locale, version));
  }
  server = await serveSite(lmsRoot, lmsBase, { folderIndex: false });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(lmsRoot, { recursive: true, force: true });
});

const unzipped = (locale: string, version: ScormVersion) => join(lmsRoot, 'content', packageName(locale, version));

describe('the packages', () => {
  test('six zips, each one SCO whose manifest validates against its version’s schemas (xmllint)', () => {
    expect(readdirSync(packages).filter((f) => f.endsWith('.zip')).sort()).toEqual(
      locales.flatMap((l) => scormVersions.map((v) => packageName(l, v))).sort(),
    );
    for (const locale of locales) {
      for (const version of scormVersions) {
        const dir = unzipped(locale, version);
        for (const schema of manifestSchemas[version]) expect(readdirSync(dir)).toContain(schema);
        const manifest = join(dir, 'imsmanifest.xml');
        expect(manifestSchemaErrors(manifest, version, dir)).toBe('');
        const text = readFileSync(manifest, 'utf8');
        expect(text.match(/<resource /g)).toHaveLength(1);
        expect(text).toContain(version === '1.2' ? 'adlcp:scormtype="sco"' : 'adlcp:scormType="sco"');
        expect(text).toContain(version === '1.2' ? '<adlcp:masteryscore>80</adlcp:masteryscore>' : '<imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>');
      }
    }
  });

  test('each holds its locale only, every file the manifest lists, and no URL from the root', () => {
    for (const locale of locales) {
      for (const version of scormVersions) {
        const dir = unzipped(locale, version);
        const files = readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
        const listed = [...readFileSync(join(dir, 'imsmanifest.xml'), 'utf8').matchAll(/<file href="([^"]+)"/g)].map((m) => decodeURI(m[1]!));
        expect(new Set(listed)).toEqual(new Set(files.filter((f) => f !== 'imsmanifest.xml')));
        expect(files.filter((f) => locales.some((other) => other !== locale && f.startsWith(`${other}/`)))).toEqual([]);
        expect(files).not.toContain('404.html');
        // No offline copy in an LMS: no service worker, manifest or offline page, and no page offers one.
        expect(files.filter((f) => /(^|\/)(sw\.js|manifest\.webmanifest|offline\/)/.test(f))).toEqual([]);
        expect(files.some((f) => f.startsWith(`pagefind/pagefind.${locale}`))).toBe(true);
        expect(files.filter((f) => /^pagefind\/pagefind\.[a-z-]+_/.test(f) && !f.startsWith(`pagefind/pagefind.${locale}_`))).toEqual([]);
        for (const file of files.filter((f) => f.endsWith('.html'))) {
          const html = readFileSync(join(dir, file), 'utf8');
          expect(html, file).not.toMatch(/\s(?:href|src|action|srcset|poster)="\//);
          expect(html, file).not.toMatch(/&quot;\/onboarding\//);
          expect(html, file).not.toMatch(/rel="manifest"|offline-offer|\/offline\//);
        }
        // The self-assessment says its answers reach the LMS (the plain site's says they stay in the browser).
        const privacy = readFileSync(join(dir, locale, 'self-assessment/index.html'), 'utf8').match(/<p class="privacy">([^<]+)</)?.[1];
        expect(privacy).toBe(dictionaries[locale].lms.selfAssessmentPrivacy.replace(/&/g, '&amp;'));
        const title = readFileSync(join(dir, 'index.html'), 'utf8').match(/<title>([^<]+)<\/title>/)?.[1];
        expect(readFileSync(join(dir, 'imsmanifest.xml'), 'utf8')).toContain(`<title>${title}</title>`);
      }
    }
  });
});

/** Launches the package of `locale` and `version` in the LMS page with what the runtime kept from before. */
const launch = (version: ScormVersion, locale: string, kept = {}) => launchIn(browser, server.origin, version, `content/${packageName(locale, version)}/index.html`, kept, '?strict=moodle');
const answer = (frame: Frame, index: number, right: boolean) => answerIn(frame, index, right);
const { script } = dictionaries.en.quiz;
/** What question `id` of the quiz in `frame` says of its answer: right, not quite, or nothing yet. */
const verdict = (frame: Frame, id: string) => frame.locator(`${quizQuestion(id)} ${quizPart('verdict')}`).textContent();

describe.each([
  ['1.2', 'en'],
  ['2004', 'zh-hant'],
  ['1.2', 'zh-hans'],
  ['2004', 'en'],
] as const)('SCORM %s, %s', (version, locale) => {
  test('a learner reads, answers, leaves and resumes in a fresh browser with everything restored', async () => {
    const n = names[version];
    const first = await launch(version, locale);
    await go(first.page, `${locale}/speech/`);
    const quiz = await go(first.page, `${locale}/quiz/`);
    const right = await answer(quiz, 0, true);
    const wrong = await answer(quiz, 1, false);
    const assessment = await go(first.page, `${locale}/self-assessment/`);
    const answers = await selfAssess(assessment, (level) => `Case for level ${level} <b>as written</b>`);
    await expect.poll(async () => Object.keys(await held(first.page)).filter((k) => k.endsWith(`.${n.response}`)).length).toBe(2 + Object.keys(answers).length);
    await first.page.evaluate(() => (window as never as { exit: () => void }).exit());
    await expect.poll(async () => (await calls(first.page)).some((c) => c.method === n.end)).toBe(true);

    const log = await calls(first.page);
    expect(log.filter((c) => c.method === n.init)).toHaveLength(1);
    expect(log.filter((c) => c.method === n.end)).toHaveLength(1);
    expect(log.at(-1)!.method).toBe(n.end);
    expect(log.filter((c) => c.error !== '0')).toEqual([]);
    expect(log.filter((c) => c.result !== 'true' && /Set|Commit|Init|Finish|Terminate/.test(c.method))).toEqual([]);

    const values = await held(first.page);
    const interactions = Object.entries(values).filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k));
    expect(interactions.map(([, id]) => id)).toEqual([
      // Ids as short identifiers too (`_` for `-`), so every LMS's report takes them as they are.
      interactionId(rubric, right),
      interactionId(rubric, wrong),
      ...Object.keys(answers).map((level) => interactionId(rubric, `self-assessment.level-${level}`)),
    ]);
    const at = (i: number, part: string) => values[`cmi.interactions.${i}.${part}`];
    expect([at(0, 'type'), at(0, 'result'), at(1, 'result')]).toEqual(['choice', 'correct', version === '1.2' ? 'wrong' : 'incorrect']);
    expect(at(0, n.response)).toBe(at(0, 'correct_responses.0.pattern'));
    // Responses go as short identifiers: the course's ids with `_` for `-` (Moodle refuses hyphens in 2004).
    expect([at(2, 'type'), at(2, 'result'), at(2, n.response)]).toEqual(['likert', 'neutral', answers[1]!.replace(/-/g, '_')]);
    // Part of the quiz answered: no score yet, success unknown; 2 of 6 steps done (speech, self-assessment).
    expect(values[n.raw] ?? '').toBe('');
    expect(values[n.status]).toBe('incomplete');
    if (version === '2004') {
      expect(values['cmi.success_status']).toBe('unknown');
      expect(values['cmi.progress_measure']).toBe('0.3333');
    }
    expect(values[n.location]).toBe(`${locale}/self-assessment/index.html`);
    expect(values['cmi.suspend_data']!.length).toBeLessThanOrEqual(version === '1.2' ? 4096 : 64000);
    expect(first.problems).toEqual([]);
    await first.page.context().close();

    // Relaunch in a fresh browser (nothing in its storage): all from what the runtime kept.
    const second = await launch(version, locale, keptForRelaunch(version, values));
    const resumed = await course(second.page);
    expect(resumed.url()).toContain(`/${locale}/self-assessment/index.html`);
    for (const [level, answer] of Object.entries(answers)) {
      await expect.poll(() => resumed.locator(`input[name="answer-${level}"][value="${answer}"]`).isChecked()).toBe(true);
      expect(await resumed.locator(`textarea[name="note-${level}"]`).inputValue()).toBe(`Case for level ${level} <b>as written</b>`);
    }
    expect(await resumed.locator('input[name="name"]').inputValue()).toBe('Chen Jing');
    const quizAgain = await go(second.page, `${locale}/quiz/`);
    const { right: rightText, wrong: wrongText } = dictionaries[locale].quiz.script;
    await expect.poll(() => verdict(quizAgain, right)).toBe(rightText);
    expect(await verdict(quizAgain, wrong)).toBe(wrongText);
    await second.page.evaluate(() => (window as never as { exit: () => void }).exit());
    await expect.poll(async () => (await calls(second.page)).some((c) => c.method === n.end)).toBe(true);
    const again = await calls(second.page);
    expect(again.filter((c) => c.method === n.init)).toHaveLength(1);
    expect(again.filter((c) => c.error !== '0')).toEqual([]);
    const after = await held(second.page);
    expect(Object.keys(after).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k))).toHaveLength(interactions.length);
    expect(second.problems).toEqual([]);
    await second.page.context().close();
  });
});

describe.each([
  ['1.2', 'en', 'passed'],
  ['2004', 'zh-hant', 'failed'],
] as const)('SCORM %s, %s: the whole path', (version, locale, outcome) => {
  test(`opening every step, answering every question and level: completed, ${outcome}, with the score`, async () => {
    const { page, problems } = await launch(version, locale);
    for (const step of ['speech/', 'values/', 'rubrics/', 'cases/']) await go(page, `${locale}/${step}`);
    const quiz = await go(page, `${locale}/quiz/`);
    const total = await quiz.locator(quizPart('question')).count();
    // The fewest wrong answers that fail against the pass mark (content/lms.yaml), or one fewer.
    const { passMark } = await quizConfig(quiz);
    const failing = total - Math.ceil((total * passMark) / 100) + 1;
    const wrong = outcome === 'failed' ? failing : failing - 1;
    for (let i = 0; i < total; i++) await answer(quiz, i, i >= wrong);
    const assessment = await go(page, `${locale}/self-assessment/`);
    await selfAssess(assessment, () => '');
    const raw = String(Math.round((10000 * 100 * (total - wrong)) / total) / 10000);
    const n = names[version];
    await expect.poll(async () => (await held(page))[n.raw]).toBe(raw);
    await page.evaluate(() => (window as never as { exit: () => void }).exit());
    await expect.poll(async () => (await calls(page)).some((c) => c.method === n.end)).toBe(true);
    const values = await held(page);
    if (version === '1.2') {
      expect([values['cmi.core.lesson_status'], values['cmi.core.score.min'], values['cmi.core.score.max']]).toEqual([outcome, '0', '100']);
    } else {
      expect([values['cmi.completion_status'], values['cmi.success_status'], values['cmi.progress_measure']]).toEqual(['completed', outcome, '1']);
      expect(values['cmi.score.scaled']).toBe(String(Math.round((10000 * (total - wrong)) / total) / 10000));
    }
    expect(Object.keys(values).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k))).toHaveLength(total + 5);
    expect((await calls(page)).filter((c) => c.error !== '0')).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('the launch page', () => {
  test('the back button goes back inside the course, in the same session; no axe violation in light and dark', async () => {
    const { page, problems } = await launch('2004', 'en');
    await go(page, 'en/speech/');
    await go(page, 'en/quiz/');
    // The browser's back button: one step back in the joint history, which the course's frame took.
    await page.evaluate(() => history.back());
    await expect.poll(() => page.frames()[2]?.url() ?? '').toContain('/en/speech/index.html');
    await expect.poll(async () => (await held(page))['cmi.location']).toBe('en/speech/index.html');
    expect((await calls(page)).filter((c) => c.method === 'Initialize')).toHaveLength(1);
    const launchFrame = page.frames()[1]!;
    // With its message showing: the LMS refuses a commit.
    await page.evaluate(() => ((window as never as { refuse: boolean }).refuse = true));
    await go(page, 'en/values/');
    await expect.poll(() => launchFrame.locator('.launch-status[role="status"]').textContent()).not.toBe('');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await launchFrame.evaluate(readFileSync(join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8'));
      const result = await launchFrame.evaluate(() =>
        (window as never as { axe: { run: (d: Document, o: object) => Promise<{ violations: { id: string }[] }> } }).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        }),
      );
      expect(result.violations.map((v) => v.id), scheme).toEqual([]);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('faults', () => {
  test('SCORM 1.2 keeps notes that do not fit its 4,096 characters in the browser, says so, and cuts nothing', async () => {
    const { page, problems } = await launch('1.2', 'en');
    const assessment = await go(page, 'en/self-assessment/');
    const note = (level: number) => `${'A long case, written out in full. '.repeat(45)}(level ${level})`;
    const answers = await selfAssess(assessment, note);
    const status = page.frames()[1]!.locator('.launch-status[role="status"]');
    await expect.poll(() => status.textContent()).toMatch(/Your notes on Level \d.* are kept in this browser only/);
    const values = await held(page);
    expect(new TextEncoder().encode(values['cmi.suspend_data']!).length).toBeLessThanOrEqual(4096);
    const kept = JSON.parse(values['cmi.suspend_data']!) as { a: Record<string, { l: Record<string, string>; t?: Record<string, string> }> };
    const assessed = kept.a['alibaba-customer-first']!;
    expect(assessed.l).toEqual(answers);
    // The notes that are there are whole.
    for (const [level, text] of Object.entries(assessed.t ?? {})) expect(text).toBe(note(Number(level)));
    await page.evaluate(() => (window as never as { exit: () => void }).exit());
    // The same browser again: the notes left out come back from its storage.
    const context = page.context();
    const again = await context.newPage();
    await again.goto(`${server.origin}${strictLms}`);
    await again.evaluate(
      ([path, data]) => (window as never as { launch: (...a: unknown[]) => void }).launch('1.2', path, data),
      [`content/${packageName('en', '1.2')}/index.html`, { 'cmi.core.student_id': 'learner-7', ...keptForRelaunch('1.2', values) }] as const,
    );
    const resumed = await course(again);
    for (let level = 1; level <= 5; level++) {
      await expect.poll(() => resumed.locator(`textarea[name="note-${level}"]`).inputValue()).toBe(note(level));
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  test('an LMS that refuses calls loses nothing: the learner is told, and the results arrive once it takes them', async () => {
    const { page, problems } = await launch('2004', 'en');
    const quiz = await go(page, 'en/quiz/');
    await page.evaluate(() => ((window as never as { refuse: boolean }).refuse = true));
    const id = await answer(quiz, 0, true);
    const status = page.frames()[1]!.locator('.launch-status[role="status"]');
    await expect.poll(() => status.textContent()).toContain('did not take your latest results');
    expect(Object.values(await held(page))).not.toContain(interactionId(rubric, id));
    await page.evaluate(() => ((window as never as { refuse: boolean }).refuse = false));
    await expect.poll(async () => Object.values(await held(page))).toContain(interactionId(rubric, id));
    await expect.poll(() => status.textContent()).toBe('');
    const log = await calls(page);
    expect(log.filter((c) => c.error !== '0' && c.error !== 'refused by the test')).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('without an LMS the package is the plain site', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}${lmsBase}content/${packageName('zh-hant', '2004')}/index.html`);
    await expect.poll(() => page.url()).toContain('/zh-hant/index.html');
    await page.locator('header a[href$="search/index.html"], header form').first().waitFor();
    // Search works from inside the package: its own index, by relative URLs.
    await page.goto(`${server.origin}${lmsBase}content/${packageName('zh-hant', '2004')}/zh-hant/search/index.html?q=${encodeURIComponent('小二')}`);
    await expect.poll(() => page.locator('.search-results li').count()).toBeGreaterThan(0);
    const first = await page.locator('.search-results li a').first().getAttribute('href');
    expect(first).toMatch(/\/zh-hant\/[^#]+\/index\.html(#|$)/);
    await page.locator('.search-results li a').first().click();
    await page.waitForLoadState();
    expect(await page.locator('main h1').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** A learner's first session: the speech, two quiz answers, levels 1–3 with notes; the values the LMS then holds. */
async function firstSession(version: ScormVersion, locale = 'en', note = (level: number) => `Case for level ${level}`) {
  const { page } = await launch(version, locale);
  await go(page, `${locale}/speech/`);
  const quiz = await go(page, `${locale}/quiz/`);
  const ids = [await answer(quiz, 0, true), await answer(quiz, 1, false)];
  const form = await go(page, `${locale}/self-assessment/`);
  for (const level of [1, 2, 3]) {
    await form.locator(`input[name="answer-${level}"]`).first().check();
    await form.locator(`textarea[name="note-${level}"]`).fill(note(level));
  }
  await expect.poll(async () => Object.keys(await held(page)).filter((k) => k.endsWith(`.${names[version].response}`)).length).toBe(5);
  await page.evaluate(() => (window as never as { exit: () => void }).exit());
  await expect.poll(async () => (await calls(page)).some((c) => c.method === names[version].end)).toBe(true);
  const values = await held(page);
  // Nothing of it was refused by the strict LMS.
  expect(await strictRefused(page)).toEqual([]);
  return { page, ids, values };
}

/** What the relaunched course shows: the quiz answers restored, and the notes of levels 1–3. */
async function restored(page: Page, locale = 'en') {
  const quiz = await go(page, `${locale}/quiz/`);
  const answered = await answeredIds(quiz);
  const form = await go(page, `${locale}/self-assessment/`);
  const notes = await Promise.all([1, 2, 3].map((level) => form.locator(`textarea[name="note-${level}"]`).inputValue()));
  return { answered, notes };
}

describe('the LMS conversation under faults (red team §5)', () => {
  test.each(['1.2', '2004'] as const)('L14 (%s): a failed read of the saved state is retried; nothing is written over what the LMS holds', async (version) => {
    const first = await firstSession(version);
    const { ids, values } = first;
    await first.page.context().close();
    // The fault is switched on in the LMS page before the launch page reads.
    const context = await browser.newContext();
    const lmsPage = await context.newPage();
    await lmsPage.goto(`${server.origin}${strictLms}`);
    await lmsPage.evaluate(() => ((window as never as { faults: { failGet: Record<string, number> } }).faults.failGet['cmi.suspend_data'] = 2));
    await lmsPage.evaluate(
      ([v, path, data]) => (window as never as { launch: (...a: unknown[]) => void }).launch(v, path, data),
      [version, `content/${packageName('en', version)}/index.html`, { ...(version === '1.2' ? { 'cmi.core.student_id': 'learner-7' } : { 'cmi.learner_id': 'learner-7' }), ...keptForRelaunch(version, values) }] as const,
    );
    const shown = await restored(lmsPage);
    expect([...shown.answered].sort()).toEqual([...ids].sort());
    expect(shown.notes).toEqual(['Case for level 1', 'Case for level 2', 'Case for level 3']);
    expect((await held(lmsPage))['cmi.suspend_data']).toContain('Case for level 3');
    expect(await strictRefused(lmsPage)).toEqual([]);
    await context.close();
  });

  test('L14: when the LMS never gives its saved state, the learner is told and nothing at all is written', async () => {
    const first = await firstSession('2004');
    const { values } = first;
    await first.page.context().close();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}${strictLms}`);
    await page.evaluate(() => ((window as never as { faults: { failGet: Record<string, number> } }).faults.failGet['cmi.suspend_data'] = 1000));
    await page.evaluate(
      ([path, data]) => (window as never as { launch: (...a: unknown[]) => void }).launch('2004', path, data),
      [`content/${packageName('en', '2004')}/index.html`, { 'cmi.learner_id': 'learner-7', ...keptForRelaunch('2004', values) }] as const,
    );
    await course(page);
    await expect.poll(() => page.frames()[1]!.locator('.launch-status[role="status"]').textContent()).toBe(dictionaries.en.lms.script.unreadable);
    const quiz = await go(page, 'en/quiz/');
    await answer(quiz, 5, true);
    expect((await calls(page)).filter((c) => c.method === 'SetValue' || c.method === 'Commit')).toEqual([]);
    expect((await held(page))['cmi.suspend_data']).toBe(values['cmi.suspend_data']);
    await context.close();
  });

  test('L15: an LMS that gives "" for entry, or fails to read it once, still resumes', async () => {
    const first = await firstSession('1.2');
    const { ids, values } = first;
    await first.page.context().close();
    const kept = { ...keptForRelaunch('1.2', values), 'cmi.core.entry': '' };
    const { page } = await launch('1.2', 'en', kept);
    expect([...(await restored(page)).answered].sort()).toEqual([...ids].sort());
    await page.context().close();
    const context = await browser.newContext();
    const failing = await context.newPage();
    await failing.goto(`${server.origin}${strictLms}`);
    await failing.evaluate(() => ((window as never as { faults: { failGet: Record<string, number> } }).faults.failGet['cmi.core.entry'] = 1));
    await failing.evaluate(
      ([path, data]) => (window as never as { launch: (...a: unknown[]) => void }).launch('1.2', path, data),
      [`content/${packageName('en', '1.2')}/index.html`, { 'cmi.core.student_id': 'learner-7', ...keptForRelaunch('1.2', values) }] as const,
    );
    expect([...(await restored(failing)).answered].sort()).toEqual([...ids].sort());
    expect(await strictRefused(failing)).toEqual([]);
    await context.close();
  });

  test('L16: a new attempt in the browser that holds the last one starts blank; the last one is shelved, not lost', async () => {
    const { page, values } = await firstSession('2004');
    expect(values['cmi.interactions.0.id']).toBeDefined();
    const again = await page.context().newPage();
    await again.goto(`${server.origin}${strictLms}`);
    await again.evaluate(
      ([path]) => (window as never as { launch: (...a: unknown[]) => void }).launch('2004', path, { 'cmi.learner_id': 'learner-7', 'cmi.entry': 'ab-initio' }),
      [`content/${packageName('en', '2004')}/index.html`] as const,
    );
    const shown = await restored(again);
    expect(shown.answered).toEqual([]);
    expect(shown.notes).toEqual(['', '', '']);
    expect(Object.keys(await held(again)).filter((k) => k.startsWith('cmi.interactions.'))).toEqual([]);
    const frame = await course(again);
    const shelf = await frame.evaluate((key) => localStorage.getItem(key), storageKeys.lmsLearnerShelf('learner-7'));
    expect(shelf).toContain('Case for level 3');
    await page.context().close();
  });

  test('L17: suspend data is measured in bytes of UTF-8, so an LMS that keeps 4,096 bytes keeps it whole', async () => {
    const note = (level: number) => `第 ${level} 級的案例：幫賣家找到正確的渠道，並跟進到問題解決為止。`.repeat(12);
    const first = await firstSession('1.2', 'zh-hant', note);
    const { ids, values } = first;
    await first.page.context().close();
    const data = values['cmi.suspend_data']!;
    expect(new TextEncoder().encode(data).length).toBeLessThanOrEqual(4096);
    const { page } = await launch('1.2', 'zh-hant', keptForRelaunch('1.2', values));
    const shown = await restored(page, 'zh-hant');
    expect([...shown.answered].sort()).toEqual([...ids].sort());
    expect(await strictRefused(page)).toEqual([]);
    await page.context().close();
  });

  test('L20: on a shared computer, notes kept in this browser only come back to their learner after another learner’s launch', async () => {
    const long = (level: number) => `${'A long case, written out in full. '.repeat(45)}(level ${level})`;
    const { page, values } = await firstSession('1.2', 'en', long);
    const context = page.context();
    const other = await context.newPage();
    await other.goto(`${server.origin}${strictLms}`);
    await other.evaluate(
      ([path]) => (window as never as { launch: (...a: unknown[]) => void }).launch('1.2', path, { 'cmi.core.student_id': 'learner-8', 'cmi.core.entry': 'ab-initio' }),
      [`content/${packageName('en', '1.2')}/index.html`] as const,
    );
    expect((await restored(other)).notes).toEqual(['', '', '']);
    await other.evaluate(() => (window as never as { exit: () => void }).exit());
    const back = await context.newPage();
    await back.goto(`${server.origin}${strictLms}`);
    await back.evaluate(
      ([path, data]) => (window as never as { launch: (...a: unknown[]) => void }).launch('1.2', path, data),
      [`content/${packageName('en', '1.2')}/index.html`, { 'cmi.core.student_id': 'learner-7', ...keptForRelaunch('1.2', values) }] as const,
    );
    expect((await restored(back)).notes).toEqual([long(1), long(2), long(3)]);
    expect(await strictRefused(back)).toEqual([]);
    await context.close();
  });

  test('L22: with storage blocked in the course’s frames, the LMS is the store: status, score and interactions arrive', async () => {
    const context = await browser.newContext();
    // Third-party storage blocked: the package's frames (served under content/) cannot use localStorage.
    await context.addInitScript(() => {
      if (location.pathname.includes('/content/')) {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('blocked', 'SecurityError');
          },
        });
      }
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}${strictLms}`);
    await page.evaluate(
      ([path]) => (window as never as { launch: (...a: unknown[]) => void }).launch('1.2', path, { 'cmi.core.student_id': 'learner-7', 'cmi.student_data.mastery_score': '80', 'cmi.core.entry': 'ab-initio' }),
      [`content/${packageName('en', '1.2')}/index.html`] as const,
    );
    for (const step of ['speech/', 'values/', 'rubrics/', 'cases/']) await go(page, `en/${step}`);
    const quiz = await go(page, 'en/quiz/');
    const total = await quiz.locator(quizPart('question')).count();
    for (let i = 0; i < total; i++) await answer(quiz, i, true);
    // Nothing says the answers will be lost: the LMS keeps them.
    expect(await quiz.locator(quizPart('status')).textContent()).not.toContain(dictionaries.en.quiz.script.noStorage);
    const form = await go(page, 'en/self-assessment/');
    await selfAssess(form, () => '');
    await expect.poll(async () => (await held(page))['cmi.core.lesson_status']).toBe('passed');
    const values = await held(page);
    expect(values['cmi.core.score.raw']).toBe('100');
    expect(Object.keys(values).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k))).toHaveLength(total + 5);
    expect(await strictRefused(page)).toEqual([]);
    await context.close();
  });
});

/** Opens the strict LMS page in `context`, runs `before` on it (faults), and launches the package with what the runtime kept. */
async function openLms(context: BrowserContext, version: ScormVersion, locale: string, kept: Record<string, string> = {}, before?: (page: Page) => Promise<unknown>) {
  const page = await context.newPage();
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  await page.goto(`${server.origin}${strictLms}`);
  await before?.(page);
  const learner = version === '1.2' ? { 'cmi.core.student_id': 'learner-7', 'cmi.student_data.mastery_score': '80', 'cmi.core.entry': 'ab-initio' } : { 'cmi.learner_id': 'learner-7', 'cmi.scaled_passing_score': '0.8', 'cmi.entry': 'ab-initio' };
  await page.evaluate(
    ([v, path, data]) => (window as never as { launch: (...a: unknown[]) => void }).launch(v, path, data),
    [version, `content/${packageName(locale, version)}/index.html`, { ...learner, ...kept }] as const,
  );
  return { page, console };
}

const faults = (page: Page, set: Record<string, unknown>) =>
  page.evaluate((s) => Object.assign((window as never as { faults: Record<string, unknown> }).faults, s), set);
const texts = dictionaries.en.lms.script;
const statusOf = (page: Page) => page.frames()[1]!.locator('.launch-status[role="status"]').textContent();

describe('issue 18: the LMS conversation as a strict LMS holds it (Moodle-strict mode)', () => {
  let context: BrowserContext | undefined;
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  test.each(['2004', '1.2'] as const)('%s: the strict mode refuses what Moodle 4.5 refuses and scorm-again takes (so its zero refusals mean something)', async (version) => {
    context = await browser.newContext();
    const { page } = await openLms(context, version, 'en');
    await course(page);
    const n = names[version];
    const results = await page.evaluate(
      ([v, response]) => {
        const api = (window as never as Record<string, Record<string, (...a: string[]) => string>>)[v === '1.2' ? 'API' : 'API_1484_11']!;
        const [set, error] = v === '1.2' ? ['LMSSetValue', 'LMSGetLastError'] : ['SetValue', 'GetLastError'];
        const at = `cmi.interactions.${api[v === '1.2' ? 'LMSGetValue' : 'GetValue']!('cmi.interactions._count') || '0'}`;
        return [
          [`${at}.id`, 'alibaba_customer_first.case_x'],
          [`${at}.type`, 'choice'],
          [`${at}.${response}`, v === '1.2' ? '1,falls-short' : '1[,]falls-short'],
          [`${at}.${response}`, v === '1.2' ? '1,falls_short' : '1[,]falls_short'],
        ].map(([element, value]) => `${api[set]!(element!, value!)} ${api[error]!()}`);
      },
      [version, n.response] as const,
    );
    expect(results).toEqual(['true 0', 'true 0', 'false 406', 'true 0']);
    expect(await strictRefused(page)).toHaveLength(1);
  });

  test.each(['2004', '1.2'] as const)('%s: the exit is one request after the learner’s last action (no Commit before Terminate), and a relaunch after it resumes', async (version) => {
    const n = names[version];
    context = await browser.newContext();
    const { page } = await openLms(context, version, 'en');
    const quiz = await go(page, 'en/quiz/');
    const id = await answer(quiz, 0, true);
    const form = await go(page, 'en/self-assessment/');
    await form.locator('input[name="answer-1"]').first().check();
    await expect.poll(async () => (await held(page))[`cmi.interactions.1.${n.response}`]).toBeDefined();
    // The learner's last action: a note, still within the typing pause when the LMS takes the frame away.
    const before = (await calls(page)).length;
    await form.locator('textarea[name="note-1"]').fill('Written just before leaving');
    await page.evaluate(() => (window as never as { exit: () => void }).exit());
    await expect.poll(async () => (await calls(page)).some((c) => c.method === n.end)).toBe(true);
    const after = (await calls(page)).slice(before);
    expect(after.filter((c) => /Commit/.test(c.method))).toEqual([]);
    expect(after.filter((c) => c.method === n.end)).toHaveLength(1);
    expect(after.at(-1)!.method).toBe(n.end);
    expect(after.some((c) => /SetValue/.test(c.method) && c.args[0] === scormRuntime[version].sessionTime && c.result === 'true')).toBe(true);
    expect(after.filter((c) => c.error !== '0')).toEqual([]);
    const values = await held(page);
    expect(values['cmi.suspend_data']).toContain('Written just before leaving');
    expect(await strictRefused(page)).toEqual([]);

    // A relaunch after that finish, in a fresh browser: where the learner was, with the note and the answer.
    const again = await browser.newContext();
    try {
      const relaunched = await openLms(again, version, 'en', keptForRelaunch(version, values));
      const resumed = await course(relaunched.page);
      expect(resumed.url()).toContain('/en/self-assessment/index.html');
      await expect.poll(() => resumed.locator('textarea[name="note-1"]').inputValue()).toBe('Written just before leaving');
      const quizAgain = await go(relaunched.page, 'en/quiz/');
      await expect.poll(() => verdict(quizAgain, id)).toBe(script.right);
      await relaunched.page.evaluate(() => (window as never as { exit: () => void }).exit());
      await expect.poll(async () => (await calls(relaunched.page)).some((c) => c.method === n.end)).toBe(true);
      const log = await calls(relaunched.page);
      // Nothing changed: what the last session committed is not sent again (only where the learner is, and the session's time).
      expect(log.filter((c) => /SetValue/.test(c.method) && /^cmi\.(interactions|suspend_data|score|core\.score|success_status|completion_status|core\.lesson_status)/.test(c.args[0]!))).toEqual([]);
      expect(log.filter((c) => c.error !== '0')).toEqual([]);
      expect(log.filter((c) => c.method === n.end && c.result === 'true')).toHaveLength(1);
      expect(await strictRefused(relaunched.page)).toEqual([]);
    } finally {
      await again.close();
    }
  });

  test('closing the LMS’s tab with a note still within its typing pause: one request, Terminate, with the note and the session’s time', async () => {
    context = await browser.newContext();
    const { page } = await openLms(context, '2004', 'en', {}, (p) => faults(p, { persist: true }));
    const form = await go(page, 'en/self-assessment/');
    await form.locator('input[name="answer-1"]').first().check();
    await expect.poll(async () => (await held(page))['cmi.interactions.0.learner_response']).toBeDefined();
    const before = (await calls(page)).length;
    await form.locator('textarea[name="note-1"]').fill('Written as the tab closes');
    // The learner closes the tab (the browser's own close, with beforeunload): the calls outlive it in the origin's storage.
    await page.close({ runBeforeUnload: true });
    const reader = await context.newPage();
    await reader.goto(`${server.origin}${lmsBase}strict-rules.js`);
    const stored = () =>
      reader.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('test-lms:call:'))
          .sort()
          .map((k) => JSON.parse(localStorage.getItem(k)!) as { method: string; args: string[]; result: string; error: string }),
      );
    await expect.poll(async () => (await stored()).some((c) => c.method === 'Terminate')).toBe(true);
    const after = (await stored()).slice(before);
    expect(after.filter((c) => c.method === 'Commit')).toEqual([]);
    expect(after.filter((c) => c.method === 'Terminate' && c.result === 'true')).toHaveLength(1);
    expect(after.at(-1)!.method).toBe('Terminate');
    expect(after.some((c) => c.method === 'SetValue' && c.args[0] === 'cmi.session_time' && c.result === 'true')).toBe(true);
    const values = await reader.evaluate(() => JSON.parse(localStorage.getItem('test-lms:held')!) as Record<string, string>);
    expect(values['cmi.suspend_data']).toContain('Written as the tab closes');
  });

  test('a page hidden (and not closed) with a note still within its typing pause commits it with the session’s time', async () => {
    context = await browser.newContext();
    const { page } = await openLms(context, '2004', 'en');
    const form = await go(page, 'en/self-assessment/');
    await form.locator('input[name="answer-1"]').first().check();
    await expect.poll(async () => (await held(page))['cmi.interactions.0.learner_response']).toBeDefined();
    const before = (await calls(page)).length;
    await form.locator('textarea[name="note-1"]').fill('Written before switching apps');
    await page.frames()[1]!.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(async () => (await held(page))['cmi.suspend_data']).toContain('Written before switching apps');
    const after = (await calls(page)).slice(before);
    // The hidden page's commit (with the session's time), not the typing pause's.
    const commit = after.findIndex((c) => c.method === 'Commit');
    expect(after.slice(0, commit).some((c) => c.method === 'SetValue' && c.args[0] === 'cmi.session_time')).toBe(true);
  });

  test.each(['2004', '1.2'] as const)('%s: a value the LMS refuses for good (406) is set once, never retried, and the learner is not told “not taken”', async (version) => {
    const refusedElement = `cmi.interactions.0.${names[version].response}`;
    context = await browser.newContext();
    const { page, console } = await openLms(context, version, 'en', {}, (p) => faults(p, { refuseElement: refusedElement }));
    const quiz = await go(page, 'en/quiz/');
    await answer(quiz, 0, true);
    await expect.poll(async () => (await strictRefused(page)).length).toBe(1);
    for (const index of [1, 2]) {
      await answer(quiz, index, false);
      await expect.poll(async () => (await held(page))[`cmi.interactions.${index}.result`]).toBeDefined();
      expect(await statusOf(page)).not.toContain(texts.notSent);
    }
    await go(page, 'en/speech/');
    await expect.poll(async () => (await held(page))[scormRuntime[version].location]).toBe('en/speech/index.html');
    expect(await statusOf(page)).toBe('');
    await page.evaluate(() => (window as never as { exit: () => void }).exit());
    await expect.poll(async () => (await calls(page)).some((c) => c.method === names[version].end)).toBe(true);
    const log = await calls(page);
    expect(log.filter((c) => /SetValue/.test(c.method) && c.args[0] === refusedElement)).toHaveLength(1);
    // Everything else went through, and the refusal was logged once for diagnosis.
    expect(log.filter((c) => c.error !== '0' && c.args[0] !== refusedElement)).toEqual([]);
    expect(console.filter((line) => line.includes(refusedElement))).toHaveLength(1);
  });

  test('a failed commit (101) is retried; the message shows until it goes through', async () => {
    context = await browser.newContext();
    const { page } = await openLms(context, '2004', 'en');
    const quiz = await go(page, 'en/quiz/');
    await expect.poll(async () => (await held(page))['cmi.location']).toBe('en/quiz/index.html');
    await faults(page, { failCommit: 2 });
    const id = await answer(quiz, 0, true);
    await expect.poll(() => statusOf(page)).toContain(texts.notSent);
    // Tried again after a pause, failing a second time: still told.
    await expect.poll(async () => (await calls(page)).filter((c) => c.method === 'Commit' && c.error === '101').length).toBe(2);
    expect(await statusOf(page)).toContain(texts.notSent);
    // The third try goes through: the answer is in the LMS and the message goes.
    await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe('');
    const values = await held(page);
    expect(values['cmi.interactions.0.id']).toBe(interactionId(rubric, id));
    const log = await calls(page);
    expect(log.filter((c) => c.method === 'Commit').at(-1)!.result).toBe('true');
    expect(await strictRefused(page)).toEqual([]);
  }, 60_000);

  test('L6: an LMS whose every call throws: the course opens, and the launch page says results are not being recorded', async () => {
    context = await browser.newContext();
    const { page } = await openLms(context, '2004', 'en', {}, (p) => faults(p, { throwAll: true }));
    const frame = await course(page);
    expect(frame.url()).toContain(`/content/${packageName('en', '2004')}/en/index.html`);
    await expect.poll(() => statusOf(page)).toBe(texts.notRecording);
    expect((await calls(page)).map((c) => c.method)).toEqual(['Initialize']);
  });

  test('L9: a failed read of the location and of the mastery score is retried: the learner resumes where they were', async () => {
    const first = await firstSession('2004');
    const { values } = first;
    await first.page.context().close();
    context = await browser.newContext();
    const { page } = await openLms(context, '2004', 'en', keptForRelaunch('2004', values), (p) =>
      faults(p, { failGet: { 'cmi.location': 1, 'cmi.scaled_passing_score': 1 } }),
    );
    const frame = await course(page);
    expect(frame.url()).toContain('/en/self-assessment/index.html');
    await expect.poll(() => frame.locator('textarea[name="note-3"]').inputValue()).toBe('Case for level 3');
    const reads = (element: string) => calls(page).then((log) => log.filter((c) => c.method === 'GetValue' && c.args[0] === element).map((c) => c.error));
    expect(await reads('cmi.location')).toEqual(['failed by the test', '0']);
    expect(await reads('cmi.scaled_passing_score')).toEqual(['failed by the test', '0']);
    expect(await strictRefused(page)).toEqual([]);
  });

  test.each(['2004', '1.2'] as const)('L10/L11 (%s): typing a 100-character note costs a few commits, not one a keystroke', async (version) => {
    context = await browser.newContext();
    const { page } = await openLms(context, version, 'en');
    const form = await go(page, 'en/self-assessment/');
    await form.locator('input[name="answer-1"]').first().check();
    await expect.poll(async () => (await held(page))[`cmi.interactions.0.${names[version].response}`]).toBeDefined();
    const before = (await calls(page)).length;
    const note = 'The seller asked twice; I called back the same day and stayed with it until the refund arrived. Done';
    expect(note).toHaveLength(100);
    await form.locator('textarea[name="note-1"]').pressSequentially(note, { delay: 15 });
    await expect.poll(async () => (await held(page))['cmi.suspend_data']).toContain(note);
    const typed = (await calls(page)).slice(before);
    const commits = typed.filter((c) => /Commit/.test(c.method)).length;
    const suspends = typed.filter((c) => /SetValue/.test(c.method) && c.args[0] === 'cmi.suspend_data').length;
    console.info(`SCORM ${version}: typing 100 characters cost ${commits} commit(s) and ${suspends} SetValue(cmi.suspend_data)`);
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThanOrEqual(3);
    expect(suspends).toBeLessThanOrEqual(3);
  });

  test('L12: with pagehide kept from the launch page, the LMS closing the frame still ends the session with session_time', async () => {
    context = await browser.newContext();
    // In the launch page only (the LMS page's frame): pagehide never reaches the course's listeners.
    await context.addInitScript(() => {
      if (window !== window.top && window.parent === window.top) {
        window.addEventListener('pagehide', (event) => event.stopImmediatePropagation(), true);
        (window as never as { pagehideBlocked: boolean }).pagehideBlocked = true;
      }
    });
    const { page } = await openLms(context, '2004', 'en');
    const quiz = await go(page, 'en/quiz/');
    await answer(quiz, 0, true);
    expect(await page.frames()[1]!.evaluate(() => (window as never as { pagehideBlocked?: boolean }).pagehideBlocked)).toBe(true);
    await page.evaluate(() => (window as never as { exit: () => void }).exit());
    await expect.poll(async () => (await calls(page)).some((c) => c.method === 'Terminate')).toBe(true);
    const log = await calls(page);
    const end = log.findIndex((c) => c.method === 'Terminate');
    expect(log[end]!.result).toBe('true');
    expect(log.slice(0, end).some((c) => c.method === 'SetValue' && c.args[0] === 'cmi.session_time' && c.result === 'true')).toBe(true);
    expect((await held(page))['cmi.session_time']).toMatch(/^PT/);
  });

  test('L16: a new attempt offers the last one’s answers; bringing them in fills the course and reaches the LMS', async () => {
    const { page } = await firstSession('2004');
    context = page.context();
    const { page: again } = await openLms(context, '2004', 'en');
    const offer = again.frames()[1]!.locator('[data-target="course-launch.carry-over"]');
    await expect.poll(() => offer.isVisible()).toBe(true);
    expect(Object.keys(await held(again)).filter((k) => k.startsWith('cmi.interactions.'))).toEqual([]);
    await offer.click();
    await expect.poll(() => offer.isVisible()).toBe(false);
    await expect.poll(async () => Object.keys(await held(again)).filter((k) => /^cmi\.interactions\.\d+\.learner_response$/.test(k)).length).toBe(5);
    await expect.poll(async () => (await held(again))['cmi.suspend_data']).toContain('Case for level 3');
    const shown = await restored(again);
    expect(shown.answered).toHaveLength(2);
    expect(shown.notes).toEqual(['Case for level 1', 'Case for level 2', 'Case for level 3']);
    expect(await strictRefused(again)).toEqual([]);
  });

  test.each(['en/../../../index.html', 'en/%2e%2e/index.html', 'en/%2E%2E/%2e%2e/index.html'])('L19: lesson_location %s is not followed; the course opens at its home', async (location) => {
    context = await browser.newContext();
    const { page } = await openLms(context, '2004', 'en', { 'cmi.location': location, 'cmi.entry': 'resume' });
    const frame = await course(page);
    expect(new URL(frame.url()).pathname).toBe(`${lmsBase}content/${packageName('en', '2004')}/en/index.html`);
  });
});
