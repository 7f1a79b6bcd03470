/**
 * `npm run lighthouse`: builds the site, serves it on loopback and runs Lighthouse (offline,
 * with Debian's Chromium) on the main pages of each locale, served compressed as a real host
 * would; prints the four category scores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { locales, type Locale } from '../src/lib/i18n/locales.ts';
import { runAstro } from '../test/support/astro-cli.ts';
import { chromiumPath } from '../test/support/browser.ts';
import { serveSite } from '../test/support/static-server.ts';

const outDir = mkdtempSync(join(tmpdir(), 'onboarding-lighthouse-'));
const searchQuery: Record<Locale, string> = { 'zh-hant': '客戶', 'zh-hans': '客户', en: 'customer' };
const routes = (locale: Locale) => [
  '',
  'speech/',
  'rubrics/alibaba-customer-first/',
  'cases/alibaba-l2-night-duty-care/',
  'quiz/',
  'self-assessment/',
  'review/',
  'offline/',
  `search/?q=${encodeURIComponent(searchQuery[locale])}`,
];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

try {
  const build = runAstro(['build'], { OUT_DIR: outDir });
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  // Compressed, as the README asks of a host: Lighthouse weighs the bytes a page takes to arrive.
  const server = await serveSite(outDir, '/', { gzip: true });
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  console.log(`| page | ${categories.join(' | ')} |\n|---|${categories.map(() => '---:').join('|')}|`);
  try {
    for (const locale of locales) {
      for (const route of routes(locale)) {
        const url = `${server.origin}/${locale}/${route}`;
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
        const scores = categories.map((c) => Math.round((result?.lhr.categories[c]?.score ?? 0) * 100));
        console.log(`| /${locale}/${decodeURIComponent(route)} | ${scores.join(' | ')} |`);
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
