/**
 * The offline copy tells the truth (red team O2, O3, O7): with no network, another form of a
 * saved page's address (`/en/quiz`, `…/index.html`) opens the saved page; an address no copy
 * holds (a page never saved, another locale, the root) gets the course's own page saying what is
 * saved, not the browser's error; and a host that answers 200 with another page for a missing
 * file never replaces a good saved copy.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dictionaries } from '../../src/lib/i18n';
import { offlineListPath, type OfflineList } from '../../src/lib/offline';
import { launchChromium } from '../support/browser';
import { offlinePart } from '../support/parts';
import { testBase } from '../support/build-site';
import { siteDir } from '../support/site';
import { serveSite } from '../support/static-server';

const en = dictionaries.en;
const slow = { timeout: 30_000 };

describe('the offline copy, at addresses it does not hold', () => {
  let work: string;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveSite>>;
  const url = (route: string) => `${server.origin}${testBase}${route}`;

  beforeAll(async () => {
    // A copy of the build, which the O7 test changes as a misconfigured host would answer.
    work = mkdtempSync(join(tmpdir(), 'onboarding-offline-fallback-'));
    cpSync(siteDir(), work, { recursive: true });
    server = await serveSite(work, testBase);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** A fresh browser with the English edition saved. */
  async function savedEnglish(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url('en/offline/?save=1'));
    await expect.poll(() => page.locator(offlinePart('status')).textContent(), slow).toMatch(/^Saved in this browser on /);
    return { context, page, errors };
  }

  test('offline, other forms of a saved page’s address open the saved page (O2)', async () => {
    const { context, page, errors } = await savedEnglish();
    await context.setOffline(true);
    for (const [asked, own] of [
      ['en/quiz', 'en/quiz/'],
      ['en/speech/index.html', 'en/speech/'],
      ['en', 'en/'],
      ['en/glossary?from=mail', 'en/glossary/?from=mail'],
    ] as const) {
      const response = await page.goto(url(asked));
      expect(page.url(), asked).toBe(url(own));
      expect(response?.status(), asked).toBe(200);
      expect(await page.locator('html').getAttribute('data-offline'), asked).toBe('saved');
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  test('offline, a page never saved, another locale and the root say what is saved (O3)', async () => {
    const { context, page, errors } = await savedEnglish();
    await context.setOffline(true);
    for (const asked of ['en/no-such-page/', 'zh-hant/', 'zh-hans/speech/', '']) {
      const response = await page.goto(url(asked));
      expect(response?.status(), asked).toBe(503);
      expect(await page.locator('h1').textContent(), asked).toBe(en.offlineNotSaved.title);
      const saved = page.locator('[data-edition]:visible a');
      expect(await saved.allTextContents(), asked).toEqual([`${en.site.name} · ${en.languageName}`]);
      expect(await saved.getAttribute('href')).toBe(`${testBase}en/`);
      // The stylesheet came from the copy too.
      expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    }
    await page.locator('[data-edition]:visible a').click();
    expect(await page.locator('html').getAttribute('data-offline')).toBe('saved');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('online, a page never saved comes from the host as before', async () => {
    const { context, page } = await savedEnglish();
    const response = await page.goto(url('zh-hant/speech/'));
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('data-offline')).toBeNull();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    await context.close();
  });

  test('a host answering 200 with another page for a missing file does not replace the saved copy (O7)', async () => {
    const { context, page } = await savedEnglish();
    const listFile = join(work, offlineListPath('en'));
    const list = JSON.parse(readFileSync(listFile, 'utf8')) as OfflineList;
    const saved = await page.evaluate(() => caches.keys());
    // A new deploy whose glossary page is missing, and a host that answers it with its root page.
    writeFileSync(listFile, JSON.stringify({ ...list, version: `${list.version}-next` }));
    writeFileSync(join(work, 'en/glossary/index.html'), readFileSync(join(work, 'index.html')));
    try {
      await page.goto(url('en/offline/'));
      // The update the visit started, as the worker reports it (a save under way is joined, not repeated).
      const reply = await page.evaluate(
        ({ scope, list }) =>
          new Promise<{ type: string; message?: string }>((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = (event) => {
              if (event.data.type !== 'progress') resolve(event.data);
            };
            navigator.serviceWorker.controller!.postMessage({ type: 'save', scope, list }, [channel.port2]);
          }),
        { scope: url('en/'), list: url(offlineListPath('en')) },
      );
      expect(reply.type).toBe('failed');
      expect(reply.message).toMatch(/en\/glossary\/: the host answered with another file/);
      await context.setOffline(true);
      await page.goto(url('en/glossary/'));
      expect(await page.locator('h1').textContent()).toBe(en.nav.glossary);
      expect(await page.locator('html').getAttribute('data-offline')).toBe('saved');
      // The version in use is still the one saved.
      expect((await page.evaluate(() => caches.keys())).filter((name) => saved.includes(name)).length).toBe(saved.length);
    } finally {
      writeFileSync(listFile, JSON.stringify(list));
      writeFileSync(join(work, 'en/glossary/index.html'), readFileSync(join(siteDir(), 'en/glossary/index.html')));
    }
    await context.close();
  });
});
