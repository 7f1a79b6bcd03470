/**
 * Runs the project's Astro CLI on the Node that runs this process (the pinned Node, via npm
 * scripts): for the tests and the bench. Telemetry off; output as plain text.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const astroBin = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

/** Variables Vitest sets in its workers (BASE_URL=/, DEV=1 …) that would change an Astro build. */
const vitestVariables = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/;

/**
 * Runs `astro <args>` in `root`, with a cache of its own (CACHE_DIR, see astro.config.mjs): Astro
 * keeps its content store in its cache, and a build sharing it with another one running at the
 * same time can read the other's content.
 */
export function runAstro(args: string[], env: Record<string, string> = {}, root = projectRoot) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestVariables.test(key)));
  const cache = mkdtempSync(join(tmpdir(), 'onboarding-astro-cache-'));
  const result = spawnSync(process.execPath, [astroBin, ...args], {
    cwd: root,
    env: { ...clean, ASTRO_TELEMETRY_DISABLED: '1', CACHE_DIR: cache, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  rmSync(cache, { recursive: true, force: true });
  // Astro colours its messages when it thinks a terminal or CI is watching (CI=true): compare plain text.
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}

/**
 * A copy of the project in a temporary folder (node_modules linked, not copied), for builds of
 * altered content: Astro keeps state in <root>/.astro, which a build of other content must not
 * share with the real project.
 */
export function projectCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'onboarding-copy-'));
  for (const entry of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}
