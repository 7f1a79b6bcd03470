/** The search records file never stays in the published folder, whether indexing works or not. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { pagefind, searchRecordsArtefact } from '../../src/integrations/pagefind';

const logger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
let work: string;
afterEach(() => rmSync(work, { recursive: true, force: true }));

function buildDone(records: string) {
  work = mkdtempSync(join(tmpdir(), 'pagefind-hook-'));
  const outDir = join(work, 'dist');
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'search-records.json'), records);
  const hook = pagefind().hooks['astro:build:done']!;
  const run = (hook as (options: unknown) => Promise<void>)({ dir: pathToFileURL(`${outDir}/`), logger });
  return { outDir, run };
}

test('a records file that is not one fails the build, naming the file, and is moved out of the site', async () => {
  const { outDir, run } = buildDone(JSON.stringify({ version: 'x', locales: [{ locale: 'fr', records: [] }] }));
  await expect(run).rejects.toThrow(/search-records\.json is not a search records file[\s\S]*locale/);
  expect(existsSync(join(outDir, 'search-records.json'))).toBe(false);
  expect(existsSync(searchRecordsArtefact(outDir))).toBe(true);
});

test('valid records are indexed per locale, and the file is moved beside the site', async () => {
  const record = {
    route: 'speech/#p1',
    title: 'Speech ¶1',
    content: 'Customers first',
    url: '/en/speech/#p1',
    indexed: 'Speech ¶1. Customers first',
    filters: { kind: 'speech-paragraph', source: 'jd' },
  };
  const file = JSON.stringify({ version: 'abc', locales: [{ locale: 'en', records: [record] }] });
  const { outDir, run } = buildDone(file);
  await run;
  expect(existsSync(join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
  expect(existsSync(join(outDir, 'search-records.json'))).toBe(false);
  expect(readFileSync(searchRecordsArtefact(outDir), 'utf8')).toBe(file);
});

test('two records at one URL fail the build (Pagefind would keep only one), naming the URL', async () => {
  const record = (content: string) => ({
    route: 'rubrics/r/#level-1',
    title: 'Level 1',
    content,
    url: '/en/rubrics/r/#level-1',
    indexed: content,
    filters: { kind: 'rubric-level', source: 'alibaba' },
  });
  const { run } = buildDone(JSON.stringify({ version: 'abc', locales: [{ locale: 'en', records: [record('Respect others'), record('The key meaning')] }] }));
  await expect(run).rejects.toThrow(/two search records of en have the URL \/en\/rubrics\/r\/#level-1/);
});
