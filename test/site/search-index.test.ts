/** The search records file never stays in the published folder, whether indexing works or not (Pagefind runs: the site lane). */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { indexSearchRecords, searchRecordsArtefact } from '../../src/build/search-index';

let work: string;
afterEach(() => rmSync(work, { recursive: true, force: true }));

function indexing(records: string) {
  work = mkdtempSync(join(tmpdir(), 'pagefind-hook-'));
  const outDir = join(work, 'dist');
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'search-records.json'), records);
  return { outDir, run: indexSearchRecords(outDir) };
}

test('a records file that is not one fails the build, naming the file, and is moved out of the site', async () => {
  const { outDir, run } = indexing(JSON.stringify({ version: 'x', locales: [{ locale: 'fr', records: [] }] }));
  await expect(run).rejects.toThrow(/search-records\.json is not a search records file[\s\S]*locale/);
  expect(existsSync(join(outDir, 'search-records.json'))).toBe(false);
  expect(existsSync(searchRecordsArtefact(outDir))).toBe(true);
});

test('valid records are indexed per locale, without Pagefind’s unused interfaces, and the file is moved beside the site', async () => {
  const record = {
    route: 'speech/#p1',
    title: 'Speech ¶1',
    content: 'Customers first',
    url: '/en/speech/#p1',
    indexed: 'Speech ¶1. Customers first 客 戶 為 先',
    other: '講話 ¶1 客戶為先',
    filters: { kind: 'speech-paragraph', source: 'jd' },
  };
  const file = JSON.stringify({ version: 'abc', locales: [{ locale: 'en', records: [record] }] });
  const { outDir, run } = indexing(file);
  expect(await run).toEqual({ records: 1, locales: 1 });
  expect(existsSync(join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
  expect(readdirSync(join(outDir, 'pagefind')).filter((f) => /-ui\.|highlight/.test(f))).toEqual([]);
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
    other: content,
    filters: { kind: 'rubric-level', source: 'alibaba' },
  });
  const { run } = indexing(JSON.stringify({ version: 'abc', locales: [{ locale: 'en', records: [record('Respect others'), record('The key meaning')] }] }));
  await expect(run).rejects.toThrow(/two search records of en have the URL \/en\/rubrics\/r\/#level-1/);
});
