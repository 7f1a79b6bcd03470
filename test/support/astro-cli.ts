/** Runs the project's Astro CLI on the Node that runs the tests (Node 24 via npm scripts). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const astroBin = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

/** Variables Vitest sets in its workers (BASE_URL=/, DEV=1 …) that would change an Astro build. */
const vitestVariables = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/;

export function runAstro(args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestVariables.test(key)));
  const result = spawnSync(process.execPath, [astroBin, ...args], {
    cwd: projectRoot,
    env: { ...clean, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
