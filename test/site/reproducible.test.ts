/** Two clean builds of the same sources give byte-identical sites. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { runAstro } from '../support/astro-cli';
import { testBase, testSite } from '../support/build-site';
import { siteDir } from '../support/site';

function digest(dir: string): Map<string, string> {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return new Map(walk(dir).map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

test('a second clean build is byte-identical to the first', { timeout: 120_000 }, () => {
  const second = mkdtempSync(join(tmpdir(), 'onboarding-second-'));
  try {
    const { status, output } = runAstro(['build'], { OUT_DIR: second, BASE_PATH: testBase, SITE_URL: testSite });
    expect(status, output).toBe(0);
    const a = digest(siteDir());
    const b = digest(second);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a].filter(([file, hash]) => b.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
  } finally {
    rmSync(second, { recursive: true, force: true });
  }
});
