/**
 * The unit lane stays pure: no unit test reads the live content/ (a trainer's edit would fail it)
 * or starts a tool outside Node (xmllint, Pagefind, a build, a browser). Those belong to the site lane.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const forbidden = [
  ['the live content', /\bliveContent\b|\bprojectRoot\b|['"`]\.\.\/\.\.\/content\//],
  ['a child process', /node:child_process/],
  ['xmllint', /support\/xmllint/],
  ['Pagefind', /from ['"]pagefind['"]|build\/search-index/],
  ['a build', /support\/(?:astro-cli|build-site|site)['"]/],
  ['a browser', /playwright-core|support\/(?:browser|pages)['"]/],
] as const;

test('no unit test reads the live content or starts a tool', () => {
  const dir = new URL('./', import.meta.url);
  const found = readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => {
      const source = readFileSync(new URL(file, dir), 'utf8');
      return forbidden.filter(([, pattern]) => pattern.test(source) && file !== 'lane.test.ts').map(([what]) => `${file}: ${what}`);
    });
  expect(found).toEqual([]);
});
