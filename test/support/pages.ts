/** Shared set-up of the browser tests: the built site served on loopback, and Chromium. */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { testBase } from './build-site';
import { siteDir } from './site';
import { serveSite } from './static-server';

/**
 * Returns `track`: every context (or profile browser) handed to it is closed after each test of
 * the file, whether the test passed or failed, so a failing test leaves no browser behind.
 */
export function closedAfterEachTest(): <T extends BrowserContext>(context: T) => T {
  const open: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((context) => context.close()));
  });
  return (context) => {
    open.push(context);
    return context;
  };
}

export interface BrowserFixture {
  browser: Browser;
  /** A new context, closed after the test. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Opens `route` (e.g. 'en/quiz/') in a new context, closed after the test; errors on the page are collected. */
  open(route: string, options?: BrowserContextOptions): Promise<{ page: Page; errors: string[] }>;
  url(route: string): string;
}

export function useBrowser(): BrowserFixture {
  let server: Awaited<ReturnType<typeof serveSite>>;
  const fixture = {} as BrowserFixture;
  beforeAll(async () => {
    server = await serveSite(siteDir(), testBase);
    fixture.browser = await launchChromium();
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await server?.close();
  });
  const track = closedAfterEachTest();
  fixture.url = (route) => `${server.origin}${testBase}${route}`;
  fixture.context = async (options) => track(await fixture.browser.newContext(options));
  fixture.open = async (route, options) => {
    const context = await fixture.context(options);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(fixture.url(route));
    return { page, errors };
  };
  return fixture;
}

/** The page's cumulative layout shift so far (the browser's own layout-shift entries). */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) total += (entry as PerformanceEntry & { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: true });
        // Buffered entries arrive in a task of their own; a page with none never calls back. Two
        // frames and a task later every shift of the content already shown has been reported.
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(total), 0)));
      }),
  );
}
