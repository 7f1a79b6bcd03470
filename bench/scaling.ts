/**
 * The scaling run of `npm run bench`: synthetic cases generated into a copy of the project
 * (100, 1,000 and 5,000 per locale), each size built with its search index, to show how build
 * time per page and index size grow.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectCopy, runAstro } from '../test/support/astro-cli.ts';
import { filesUnder } from '../test/support/built-files.ts';
import { kb } from './site-figures.ts';

const sizeOf = (dir: string) => filesUnder(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);

/** Adds `count` cases, each a copy of a real case with a numbered title and text. */
function addCases(root: string, count: number) {
  const dir = join(root, 'content', 'cases');
  const templates = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
  for (let i = 0; i < count - templates.length; i++) {
    const text = templates[i % templates.length]!
      .replace(/^(  zh-hant: )(.*)$/gm, `$1$2（第 ${i} 號）`)
      .replace(/^(  en: )(.*)$/gm, (_, key: string, value: string) =>
        value.startsWith("'") ? `${key}${value.slice(0, -1)} (no. ${i})'` : `${key}${JSON.stringify(`${value.replace(/^"|"$/g, '')} (no. ${i})`)}`,
      );
    writeFileSync(join(dir, `synthetic-${i}.yaml`), text);
  }
}

export function scalingFigures(sizes = [100, 1000, 5000]): string[] {
  const rows: { cases: number; pages: number; seconds: number; index: number }[] = [];
  for (const cases of sizes) {
    const root = projectCopy();
    try {
      addCases(root, cases);
      const started = performance.now();
      const build = runAstro(['build'], {}, root);
      const seconds = (performance.now() - started) / 1000;
      if (build.status !== 0) throw new Error(`build of ${cases} cases failed:\n${build.output.slice(-4000)}`);
      const pages = Number(/(\d+) page\(s\) built/.exec(build.output)?.[1] ?? 0);
      rows.push({ cases, pages, seconds, index: sizeOf(join(root, 'dist', 'pagefind')) });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  const lines = [
    '| cases per locale | pages | build and index | per page | search index | index per case | vs previous size: cases, time, index |',
    '|---:|---:|---:|---:|---:|---:|---|',
  ];
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    const ratio = previous
      ? `×${(row.cases / previous.cases).toFixed(0)}, ×${(row.seconds / previous.seconds).toFixed(1)}, ×${(row.index / previous.index).toFixed(1)}`
      : '';
    lines.push(
      `| ${row.cases} | ${row.pages} | ${row.seconds.toFixed(1)} s | ${((1000 * row.seconds) / row.pages).toFixed(1)} ms | ${kb(row.index)} | ${(row.index / row.cases / 1024).toFixed(2)} KB | ${ratio} |`,
    );
  });
  return lines;
}
