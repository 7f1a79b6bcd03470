/**
 * Vitest global setup: builds the site once, under the sub-path /onboarding/ as an intranet
 * would host it, into a temporary folder. Set SITE_DIR to test an existing build instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runAstro } from './astro-cli';

export const testBase = '/onboarding/';
export const testSite = 'https://intranet.example.com';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    buildSeconds: number;
  }
}

export default function setup(project: TestProject) {
  if (process.env.SITE_DIR) {
    project.provide('siteDir', process.env.SITE_DIR);
    project.provide('buildSeconds', 0);
    return;
  }
  // A folder of its own, since the build leaves its search records beside the site it writes.
  const work = mkdtempSync(join(tmpdir(), 'onboarding-site-'));
  const outDir = join(work, 'dist');
  const started = performance.now();
  const { status, output } = runAstro(['build'], { OUT_DIR: outDir, BASE_PATH: testBase, SITE_URL: testSite });
  if (status !== 0) throw new Error(`The site did not build:\n${output}`);
  project.provide('siteDir', outDir);
  project.provide('buildSeconds', (performance.now() - started) / 1000);
  return () => rmSync(work, { recursive: true, force: true });
}
