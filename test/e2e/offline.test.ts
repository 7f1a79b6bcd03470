/**
 * The offline copy, end to end in Chromium, at the site's root and under a sub-path: the learner
 * saves the Traditional edition from the home page; with the browser offline and the host gone,
 * pages, styles, the search (a Traditional and a Simplified query, with the results they have
 * online) and the quiz work; after a rebuild with a changed text the next online visit fetches
 * the new version in the background and says so, the quiz answer kept, while a page opened before
 * it keeps searching its own version; then the copy is removed.
 * Also: each locale's manifest makes the course installable (Chromium's own check).
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dictionaries, htmlLang, locales } from '../../src/lib/i18n';
import { fill } from '../../src/lib/template';
import { formatSize, offlineListPath, type OfflineList } from '../../src/lib/offline';
import { projectCopy, runAstro } from '../support/astro-cli';
import { launchChromium, launchChromiumProfile } from '../support/browser';
import { closedAfterEachTest } from '../support/pages';
import { offlinePart, quizPart, searchPart } from '../support/parts';
import { answerQuestion } from '../support/quiz';
import { testBase, testSite } from '../support/build-site';
import { siteDir } from '../support/site';
import { serveSite } from '../support/static-server';

const t = dictionaries['zh-hant'];
const changedIntro = `${t.home.intro}（本段已更新）`;
/** A glossary definition the rebuild changes, so that the search index changes too. */
const glossaryFile = 'content/glossary/feeds-and-clothes-us.yaml';
const definition = '我們的生計來自客戶。';
const changedDefinition = '我們的生計來自客戶，這是更新後的說明。';
/** Saving, searching and updating each wait for a download or Pagefind's first load. */
const slow = { timeout: 30_000 };

/** Changes `from` to `to` in a file of the project copy at `root`, which must hold it. */
function change(root: string, path: string, from: string, to: string) {
  const text = readFileSync(join(root, path), 'utf8');
  if (!text.includes(from)) throw new Error(`${path} lacks ${from}`);
  writeFileSync(join(root, path), text.replace(from, to));
}

/** Builds a copy of the project under `base` into `outDir`; when `changed`, with the Traditional home page's intro and a glossary definition changed. */
function buildCopy(base: string, outDir: string, changed: boolean) {
  const root = projectCopy();
  if (changed) {
    change(root, 'src/lib/i18n/zh-hant.ts', `intro: '${t.home.intro}'`, `intro: '${changedIntro}'`);
    change(root, glossaryFile, definition, changedDefinition);
  }
  const { status, output } = runAstro(['build'], { OUT_DIR: outDir, BASE_PATH: base, SITE_URL: testSite }, root);
  rmSync(root, { recursive: true, force: true });
  if (status !== 0) throw new Error(`the copy did not build:\n${output}`);
}

/** Hrefs of the results a search page shows once it has answered, and their text. */
async function results(page: Page): Promise<string[]> {
  await page.locator(searchPart('status')).filter({ hasText: /\S/ }).waitFor(slow);
  return page.locator(`${searchPart('results')} li`).evaluateAll((items) => items.map((li) => `${li.querySelector('a')!.getAttribute('href')} ${li.textContent}`));
}

/** A Traditional and a Simplified query, and one that finds the glossary definition the rebuild changes. */
const queries = ['客戶', '服务', '衣食父母'];

describe.each([
  { where: 'at the root', base: '/' },
  { where: 'under a sub-path', base: testBase },
])('the offline copy $where', ({ base }) => {
  let work: string;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveSite>>;
  /** The folder the server publishes: a link switched between builds, or to a host with nothing on it. */
  let published: string;
  const builds: Record<'first' | 'changed' | 'gone', string> = { first: '', changed: '', gone: '' };
  const publish = (build: keyof typeof builds) => {
    const next = join(work, 'next');
    symlinkSync(builds[build], next);
    renameSync(next, published);
  };
  const url = (route: string) => `${server.origin}${base}${route}`;
  const track = closedAfterEachTest();

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'onboarding-offline-'));
    builds.first = base === testBase ? siteDir() : join(work, 'first');
    if (base !== testBase) buildCopy(base, builds.first, false);
    builds.changed = join(work, 'changed');
    buildCopy(base, builds.changed, true);
    // A host that answers nothing but "not found": anything fetched from it while offline shows.
    builds.gone = join(work, 'gone');
    mkdirSync(builds.gone);
    writeFileSync(join(builds.gone, '404.html'), '<!doctype html><title>gone</title>');
    published = join(work, 'site');
    symlinkSync(builds.first, published);
    server = await serveSite(published, base);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('saved from the home page, it reads, searches and quizzes offline; a rebuild arrives as an update; it can be removed', { timeout: 180_000 }, async () => {
    // What the searches find online, in a browser with no offline copy.
    const plain = track(await browser.newContext());
    const online: Record<string, string[]> = {};
    for (const q of queries) {
      const page = await plain.newPage();
      await page.goto(url(`zh-hant/search/?q=${encodeURIComponent(q)}`));
      online[q] = await results(page);
      expect(online[q]!.length, q).toBeGreaterThan(0);
    }

    const context = track(await browser.newContext());
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url('zh-hant/'));
    const list = JSON.parse(readFileSync(join(builds.first, offlineListPath('zh-hant')), 'utf8')) as OfflineList;
    const save = page.getByRole('button', { name: fill(t.offline.save, { size: formatSize(list.bytes, htmlLang['zh-hant']) }) });
    // The offer is a plain form: the home page's one script is its progress island.
    const scripts = await page.locator('script').evaluateAll((found) => found.map((s) => s.getAttribute('src') ?? 'inline'));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/\/course-progress-[\w-]+\.js$/);
    await save.click();
    await page.waitForURL(/\/zh-hant\/offline\/$/);
    await expect.poll(() => page.locator(offlinePart('status')).textContent(), slow).toMatch(/^已於 .+ 存在這個瀏覽器中/);

    // Offline, with nothing left on the host.
    publish('gone');
    await context.setOffline(true);
    await page.goto(url('zh-hant/'));
    expect(await page.locator('html').getAttribute('data-offline')).toBe('saved');
    expect(await page.locator('.offline-saved').isVisible()).toBe(true);
    expect(await save.isVisible()).toBe(false);
    expect(await page.locator('.offline-updated').isVisible()).toBe(false);
    expect(await page.locator('.lede').first().textContent()).toBe(t.home.intro);
    // The stylesheet came along: the header has its own background.
    expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    for (const route of ['speech/', 'cases/alibaba-l2-night-duty-care/', 'glossary/', 'rubrics/alibaba-customer-first/', 'self-assessment/']) {
      const response = await page.goto(url(`zh-hant/${route}`));
      expect(response?.status(), route).toBe(200);
      expect(await page.locator('h1').count(), route).toBe(1);
    }
    for (const q of queries) {
      await page.goto(url(`zh-hant/search/?q=${encodeURIComponent(q)}`));
      expect(await results(page), q).toEqual(online[q]);
    }
    await page.goto(url('zh-hant/quiz/'));
    const question = page.locator(quizPart('question')).first();
    await answerQuestion(question, true);
    await question.locator(quizPart('feedback')).waitFor();
    // A page opened before the update, and left open.
    const before = await context.newPage();
    await before.goto(url('zh-hant/search/'));

    // A rebuild with a changed text; back online, the next visit fetches it in the background.
    publish('changed');
    await context.setOffline(false);
    await page.goto(url('zh-hant/'));
    await expect
      .poll(async () => {
        await page.reload();
        return page.locator('.lede').first().textContent();
      }, slow)
      .toBe(changedIntro);
    expect(await page.locator('.offline-updated').textContent()).toBe(t.offline.updated);
    expect(await page.locator('.offline-updated').isVisible()).toBe(true);
    await page.reload();
    expect(await page.locator('.offline-updated').isVisible()).toBe(false);
    await page.goto(url('zh-hant/quiz/'));
    await page.locator(`${quizPart('question')} ${quizPart('feedback')}`).first().waitFor();

    // Offline again: the page opened before the update still searches its own version, whose
    // files it gets although the new version is in use; pages opened now read the new one.
    publish('gone');
    await context.setOffline(true);
    await before.locator(searchPart('query')).fill('衣食父母');
    const old = await results(before);
    expect(old).toEqual(online['衣食父母']);
    expect(old.some((r) => r.includes(definition))).toBe(true);
    await page.goto(url(`zh-hant/search/?q=${encodeURIComponent('衣食父母')}`));
    expect((await results(page)).some((r) => r.includes(changedDefinition))).toBe(true);

    await page.goto(url('zh-hant/offline/'));
    await page.getByRole('button', { name: t.offline.removeButton }).click();
    await expect.poll(() => page.locator(offlinePart('status')).textContent()).toBe(t.offline.script.removed);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(await page.evaluate(async () => (await caches.keys()).length)).toBe(0);
    expect(errors).toEqual([]);
  });

  test.each(locales)('%s: Chromium finds the course installable', async (locale) => {
    publish('first');
    const context = track(await launchChromiumProfile(mkdtempSync(join(work, 'profile-'))));
    const page = await context.newPage();
    await page.goto(url(`${locale}/`));
    const cdp = await context.newCDPSession(page);
    await expect.poll(async () => (await cdp.send('Page.getAppManifest')).url).toBe(url(`${locale}/manifest.webmanifest`));
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = JSON.parse((await cdp.send('Page.getAppManifest')).data!);
    expect(manifest).toMatchObject({ name: dictionaries[locale].site.name, lang: htmlLang[locale], start_url: `${base}${locale}/`, scope: `${base}${locale}/` });
  });
});
