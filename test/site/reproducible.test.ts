/** Two clean builds of the same sources give byte-identical sites. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runAstro } from '../support/astro-cli';
import { testBase, testSite } from '../support/build-site';
import { siteDigest } from '../support/built-files';
import { siteDir } from '../support/site';

test('a second clean build is byte-identical to the first', { timeout: 120_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'onboarding-second-'));
  const second = join(work, 'dist');
  try {
    const { status, output } = runAstro(['build'], { OUT_DIR: second, BASE_PATH: testBase, SITE_URL: testSite });
    expect(status, output).toBe(0);
    const a = siteDigest(siteDir());
    const b = siteDigest(second);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a].filter(([file, hash]) => b.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
