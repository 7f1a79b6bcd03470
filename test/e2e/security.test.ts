/**
 * Every page loads under its content security policy with no violation, no console error and
 * no request to any origin but its own; the search page runs a query to exercise Pagefind.
 */
import { expect, test } from 'vitest';
import { testBase } from '../support/build-site';
import { builtPages } from '../support/site';
import { useBrowser } from '../support/pages';

const site = useBrowser();

test('every page loads cleanly under its policy, talking only to its own origin', { timeout: 180_000 }, async () => {
  const pages = builtPages().map((p) => p.url.slice(testBase.length));
  const context = await site.context();
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(site.url('')).origin;
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${page.url()}: console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) problems.push(`${page.url()}: request to ${r.url()}`);
  });
  for (const route of pages) {
    const url = route.endsWith('search/') ? `${route}?q=${encodeURIComponent('客戶')}` : route;
    await page.goto(site.url(url));
    expect(await page.locator('meta[http-equiv="content-security-policy"]').count(), route).toBe(1);
    if (route.endsWith('search/')) await page.locator('.search-results li').first().waitFor();
  }
  expect(problems).toEqual([]);
});
