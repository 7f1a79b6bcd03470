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

/** The queries timed: a Traditional, a Simplified and an English one, each on its own edition. */
const timedQueries = [
  { locale: 'zh-hant', query: '客戶' },
  { locale: 'zh-hans', query: '服务' },
  { locale: 'en', query: 'customer' },
];
/** Runs per figure; the median is reported. */
const timedRuns = 11;

/**
 * A fresh browser context (empty cache) with its CPU slowed `slowdown` times through the DevTools
 * protocol, as on a phone; 1 leaves it as it is. When `measureBytes` (which slows the page down,
 * so not on timed runs), the bodies of every response, the Pagefind worker's included.
 */
async function freshPage(browser: Browser, slowdown: number, measureBytes = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (slowdown !== 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  const bodies: Promise<{ raw: number; gzipped: number }>[] = [];
  const requests: { url: string; start: number; end: number }[] = [];
  context.on('requestfinished', (request) => {
    const timing = request.timing();
    requests.push({ url: request.url(), start: timing.startTime, end: timing.startTime + timing.responseEnd });
    if (!measureBytes) return;
    bodies.push(
      request.response().then(async (response) => {
        const body = await response!.body();
        // What a compressing host sends: Pagefind's index files are already gzipped.
        const already = body[0] === 0x1f && body[1] === 0x8b;
        return { raw: body.length, gzipped: already ? body.length : gz(body) };
      }).catch(() => ({ raw: 0, gzipped: 0 })),
    );
  });
  return { context, page, requests, bodies };
}

/** ms from the page's time origin to the first results of `query` (the search page marks them). */
async function resultsAt(page: Page, query: string): Promise<number> {
  const handle = await page.waitForFunction(
    (q) => performance.getEntriesByName('search-results').find((m) => (m as PerformanceMark).detail === q)?.startTime,
    query,
    { timeout: 20_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * (a) The search page opened empty; 1 s later the query is typed (English key by key, Chinese
 * committed at once as an input method does): ms from the last keystroke to its first results.
 */
async function typedQuery(browser: Browser, origin: string, locale: string, query: string, slowdown: number) {
  const { context, page } = await freshPage(browser, slowdown);
  await page.goto(`${origin}/${locale}/search/`);
  await page.waitForTimeout(1000);
  await page.evaluate(() => document.addEventListener('input', () => ((window as unknown as { lastInput: number }).lastInput = performance.now()), true));
  if (/^[a-z]+$/.test(query)) await page.keyboard.type(query);
  else await page.keyboard.insertText(query);
  const shown = await resultsAt(page, query);
  const typed = await page.evaluate(() => (window as unknown as { lastInput: number }).lastInput);
  await context.close();
  return shown - typed;
}

/**
 * (b) A `?q=` link opened in a fresh browser context: ms from navigation to first results, and
 * when each step of the way ended (the page, its script, Pagefind's script, worker and files).
 */
async function linkedQuery(browser: Browser, origin: string, locale: string, query: string, slowdown: number, measureBytes = false) {
  const { context, page, requests, bodies } = await freshPage(browser, slowdown, measureBytes);
  await page.goto(`${origin}/${locale}/search/?q=${encodeURIComponent(query)}`);
  const ms = await resultsAt(page, query);
  const origin0 = await page.evaluate(() => performance.timeOrigin);
  await page.waitForLoadState('networkidle');
  const sizes = await Promise.all(bodies);
  await context.close();
  /** When the last request whose URL matches ended, from the page's time origin. */
  const ended = (pattern: RegExp) => Math.max(...requests.filter((r) => pattern.test(r.url)).map((r) => r.end - origin0));
  const steps = {
    page: ended(/\/search\/\?q=/),
    script: ended(/\/_astro\/SearchPage[^/]*\.js$/),
    'pagefind.js': ended(/\/pagefind\.js$/),
    worker: ended(/pagefind-worker\.js$/),
    'entry+meta+wasm': ended(/pagefind-entry\.json|\.pf_meta$|wasm\.[^/]+\.pagefind$/),
    'index+filters': ended(/\.pf_(index|filter)$/),
    fragments: ended(/\.pf_fragment$/),
  };
  return { ms, steps, requests: sizes.length, raw: sizes.reduce((s, b) => s + b.raw, 0), gzipped: sizes.reduce((s, b) => s + b.gzipped, 0) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const spread = (values: number[]) => `${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;

/** The timing tables: (a) and (b) for each query, idle and with the CPU slowed 4×, and where (b)'s time goes. */
async function timingFigures(browser: Browser, origin: string): Promise<string[]> {
  // Throwaway loads first, so the figures are not those of a browser process starting up.
  for (let i = 0; i < 3; i++) await linkedQuery(browser, origin, 'en', 'customer', 1);
  const lines = [
    `| query | CPU | (a) typed 1 s after opening: last keystroke → first results, median of ${timedRuns} (fastest–slowest) | (b) \`?q=\` link, fresh context: navigation → first results | requests | bytes fetched | as gzipped by a host |`,
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  const where: string[] = [];
  for (const slowdown of [1, 4]) {
    for (const { locale, query } of timedQueries) {
      const typed: number[] = [];
      const linked: Awaited<ReturnType<typeof linkedQuery>>[] = [];
      for (let i = 0; i < timedRuns; i++) {
        typed.push(await typedQuery(browser, origin, locale, query, slowdown));
        linked.push(await linkedQuery(browser, origin, locale, query, slowdown));
      }
      const bytes = await linkedQuery(browser, origin, locale, query, slowdown, true);
      const cpu = slowdown === 1 ? 'idle' : `${slowdown}× slower`;
      lines.push(`| ${query} (${locale}) | ${cpu} | ${spread(typed)} | ${spread(linked.map((r) => r.ms))} | ${bytes.requests} | ${kb(bytes.raw)} | ${kb(bytes.gzipped)} |`);
      const typical = [...linked].sort((a, b) => a.ms - b.ms)[Math.floor(linked.length / 2)]!;
      where.push(`| ${query} (${locale}) | ${cpu} | ${Object.values(typical.steps).map((ms) => (Number.isFinite(ms) ? ms.toFixed(0) : '–')).join(' | ')} | ${typical.ms.toFixed(0)} |`);
    }
  }
  const steps = ['page', 'script', 'pagefind.js', 'worker', 'entry+meta+wasm', 'index+filters', 'fragments'];
  return [
    ...lines,
    '',
    'Where the time of (b) goes, in the median run: ms from navigation until the files of each step had arrived (Pagefind fetches its index chunks once its WebAssembly runs, and the first results\' fragments once the search is done).',
    '',
    `| query | CPU | ${steps.join(' | ')} | first results |`,
    `|---|---|${steps.map(() => '---:').join('|')}|---:|`,
    ...where,
  ];
}

/**
 * Queries a learner types or pastes that the search must forgive (issue 21; red team S18, S19):
 * each is run beside the plain query it stands for, and a typo beside the suggestion it gets.
 */
const forgivingQueries = [
  { locale: 'en', query: '推諉', plain: '推諉' },
  { locale: 'en', query: '服务', plain: '服务' },
  { locale: 'zh-hans', query: '服務', plain: '服务' },
  { locale: 'zh-hant', query: '「客戶」', plain: '客戶' },
  { locale: 'zh-hant', query: '客戶！', plain: '客戶' },
  { locale: 'zh-hant', query: '客戶 客戶', plain: '客戶' },
  { locale: 'zh-hant', query: '客戶，服務', plain: '客戶 服務' },
  { locale: 'en', query: 'custmer', plain: 'customer' },
] as const;

async function forgivingFigures(browser: Browser, origin: string): Promise<string[]> {
  const lines = ['', '| edition | query | results | the plain query finds | "Did you mean" offers |', '|---|---|---:|---:|---|'];
  const page = await browser.newPage();
  try {
    for (const { locale, query, plain } of forgivingQueries) {
      await page.goto(`${origin}/${locale}/search/`);
      const found = (await resultsOf(page, query)).length;
      const suggestion = await page.evaluate(() => {
        const suggest = document.querySelector<HTMLElement>('[data-target="site-search.suggest"]');
        return suggest && !suggest.hidden && !suggest.closest<HTMLElement>('[hidden]') ? (suggest.textContent ?? '').trim() : '';
      });
      const expected = query === plain ? '–' : String((await resultsOf(page, plain)).length);
      lines.push(`| ${locale} | ${query} | ${found} | ${expected} | ${suggestion || '–'} |`);
    }
  } finally {
    await page.close();
  }
  return lines;
}

export async function searchFigures(outDir: string, searchIndex: SearchIndexFile): Promise<string[]> {
  const records = (locale: string) => searchIndex.locales.find((l) => l.locale === locale)!.records;
  const server = await serveSite(outDir, '/');
  const browser = await launchChromium();
  const lines: string[] = [];
  try {
    lines.push(...(await timingFigures(browser, server.origin)));
    const zh = await recall(browser, server.origin, 'zh-hant', records('zh-hant'), chineseQueries(records('zh-hant'), 60), (t, q) => t.includes(q));
    const en = await recall(browser, server.origin, 'en', records('en'), englishQueries(records('en'), 80), (t, q) => new RegExp(`\\b${q}\\b`, 'i').test(t));
    lines.push('', '| query set | queries | expected matches | found | recall | queries with every match |', '|---|---:|---:|---:|---:|---:|');
    for (const [name, rows] of [['Chinese', zh], ['English words', en]] as const) {
      for (const [length, row] of [...rows].sort((a, b) => a[0] - b[0])) {
        const label = length ? `${name}, ${length} character${length > 1 ? 's' : ''}` : name;
        lines.push(`| ${label} | ${row.queries} | ${row.expected} | ${row.found} | ${((100 * row.found) / Math.max(1, row.expected)).toFixed(1)}% | ${row.complete} |`);
      }
    }
    lines.push(...(await forgivingFigures(browser, server.origin)));
  } finally {
    await browser.close();
    await server.close();
  }
  return lines;
}
