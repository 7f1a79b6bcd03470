/**
 * Search figures, measured in Chromium against a built site: recall of Chinese queries of 1 to
 * 4 characters and of English words (against exact matches in the search records), time to
 * first result after opening the search page with a query, and bytes fetched for it.
 */
import type { Browser, Page } from 'playwright-core';
import type { SearchIndexFile } from '../src/schemas/search-index.ts';
import { seededRandom } from '../src/lib/random.ts';
import { launchChromium } from '../test/support/browser.ts';
import { serveSite } from '../test/support/static-server.ts';
import { gz } from '../test/support/built-files.ts';
import { kb } from './site-figures.ts';

type Record = SearchIndexFile['locales'][number]['records'][number];

function chineseQueries(records: Record[], perLength: number): string[] {
  const next = seededRandom(2013);
  const texts = records.map((r) => `${r.title} ${r.content}`);
  const queries: string[] = [];
  for (const length of [1, 2, 3, 4]) {
    const set = new Set<string>();
    for (let tries = 0; set.size < perLength && tries < 50_000; tries++) {
      const text = [...texts[Math.floor(next() * texts.length)]!];
      const at = Math.floor(next() * Math.max(1, text.length - length));
      const query = text.slice(at, at + length).join('');
      if (/^\p{Script=Han}+$/u.test(query) && [...query].length === length) set.add(query);
    }
    queries.push(...set);
  }
  return queries;
}

function englishQueries(records: Record[], count: number): string[] {
  const words = [...new Set(records.flatMap((r) => `${r.title} ${r.content}`.toLowerCase().match(/\b[a-z]{4,}\b/g) ?? []))].sort();
  const next = seededRandom(42);
  const set = new Set<string>();
  while (set.size < Math.min(count, words.length)) set.add(words[Math.floor(next() * words.length)]!);
  return [...set];
}

/** Runs one query through the search page's own form and returns every result URL. */
async function resultsOf(page: Page, query: string): Promise<string[]> {
  await page.evaluate((q) => {
    const input = document.querySelector<HTMLInputElement>('#search-query')!;
    document.querySelector('.search-status')!.textContent = '';
    input.value = q;
    input.form!.requestSubmit();
  }, query);
  await page.waitForFunction(() => document.querySelector('.search-status')!.textContent !== '');
  while (await page.locator('.search-more').isVisible()) {
    const before = await page.locator('.search-results li').count();
    await page.locator('.search-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-results li').length > n || document.querySelector<HTMLElement>('.search-more')!.hidden, before);
  }
  return page.locator('.search-results a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash));
}

async function recall(browser: Browser, origin: string, locale: string, records: Record[], queries: string[], matches: (text: string, q: string) => boolean) {
  const page = await browser.newPage();
  await page.goto(`${origin}/${locale}/search/`);
  const byLength = new Map<number, { queries: number; expected: number; found: number; complete: number }>();
  for (const query of queries) {
    const expected = records.filter((r) => matches(`${r.title} ${r.content}`, query)).map((r) => r.url);
    const got = new Set(await resultsOf(page, query));
    const found = expected.filter((url) => got.has(url)).length;
    const key = locale === 'en' ? 0 : [...query].length;
    const row = byLength.get(key) ?? { queries: 0, expected: 0, found: 0, complete: 0 };
    row.queries++;
    row.expected += expected.length;
    row.found += found;
    if (found === expected.length) row.complete++;
    byLength.set(key, row);
  }
  await page.close();
  return byLength;
}

/**
 * Opens the search page with a query in a fresh browser context: ms to first result, and (when
 * `measureBytes`, which slows the page down, so not on timed runs) the bytes fetched.
 */
async function firstQuery(browser: Browser, origin: string, path: string, measureBytes = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Promise<{ raw: number; gzipped: number }>[] = [];
  page.on('response', (response) => {
    if (!measureBytes) return;
    bodies.push(
      response.body().then((body) => {
        // What a compressing host sends: Pagefind's index files are already gzipped.
        const already = body[0] === 0x1f && body[1] === 0x8b;
        return { raw: body.length, gzipped: already ? body.length : gz(body) };
      }, () => ({ raw: 0, gzipped: 0 })),
    );
  });
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => performance.getEntriesByName('search-first-results').length > 0, undefined, { timeout: 10_000 });
  const ms = await page.evaluate(() => performance.getEntriesByName('search-first-results')[0]!.startTime);
  await page.waitForLoadState('networkidle');
  const sizes = await Promise.all(bodies);
  await context.close();
  return { ms, requests: sizes.length, raw: sizes.reduce((s, b) => s + b.raw, 0), gzipped: sizes.reduce((s, b) => s + b.gzipped, 0) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function searchFigures(outDir: string, searchIndex: SearchIndexFile): Promise<string[]> {
  const records = (locale: string) => searchIndex.locales.find((l) => l.locale === locale)!.records;
  const server = await serveSite(outDir, '/');
  const browser = await launchChromium();
  const lines: string[] = [];
  try {
    // Throwaway loads first, so the figures are not those of a browser process starting up.
    for (let i = 0; i < 3; i++) await firstQuery(browser, server.origin, '/en/search/?q=customer');
    lines.push('| first query, fresh browser context | time to first result, median of 7 (fastest–slowest) | requests | bytes fetched | as gzipped by a host |', '|---|---:|---:|---:|---:|');
    for (const path of ['/zh-hant/search/?q=%E5%AE%A2%E6%88%B6', '/zh-hant/search/?q=%E6%9C%8D%E5%8A%A1', '/en/search/?q=customer']) {
      const runs = [];
      for (let i = 0; i < 7; i++) runs.push(await firstQuery(browser, server.origin, path));
      const bytes = await firstQuery(browser, server.origin, path, true);
      lines.push(`| ${decodeURIComponent(path)} | ${median(runs.map((r) => r.ms)).toFixed(0)} ms (${Math.min(...runs.map((r) => r.ms)).toFixed(0)}–${Math.max(...runs.map((r) => r.ms)).toFixed(0)}) | ${bytes.requests} | ${kb(bytes.raw)} | ${kb(bytes.gzipped)} |`);
    }
    const zh = await recall(browser, server.origin, 'zh-hant', records('zh-hant'), chineseQueries(records('zh-hant'), 60), (t, q) => t.includes(q));
    const en = await recall(browser, server.origin, 'en', records('en'), englishQueries(records('en'), 80), (t, q) => new RegExp(`\\b${q}\\b`, 'i').test(t));
    lines.push('', '| query set | queries | expected matches | found | recall | queries with every match |', '|---|---:|---:|---:|---:|---:|');
    for (const [name, rows] of [['Chinese', zh], ['English words', en]] as const) {
      for (const [length, row] of [...rows].sort((a, b) => a[0] - b[0])) {
        const label = length ? `${name}, ${length} character${length > 1 ? 's' : ''}` : name;
        lines.push(`| ${label} | ${row.queries} | ${row.expected} | ${row.found} | ${((100 * row.found) / Math.max(1, row.expected)).toFixed(1)}% | ${row.complete} |`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return lines;
}
