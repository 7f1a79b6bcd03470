/**
 * The Node version is stated in four places; they must say one thing. The project runs on the Node
 * of the `node` dev dependency (npm scripts put it first on PATH; without it Vitest would quietly
 * run on the machine's older Node). `engines` and the README give the oldest Node that can start
 * `npm install`, which then fetches that pinned Node.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; devDependencies: { node: string } };
const pinned = pkg.devDependencies.node;
const requirements = /## Requirements\n([\s\S]*?)\n## /.exec(read('README.md'))?.[1] ?? '';

test('the `node` dev dependency is an exact version', () => {
  expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
});

test('tests run on the pinned Node', () => {
  expect(process.versions.node).toBe(pinned);
});

test('.nvmrc names the pinned Node', () => {
  expect(read('.nvmrc').trim()).toBe(pinned);
});

test('engines and the README give the same oldest Node for `npm install`, older than the pinned one', () => {
  const oldest = /^>=(\d+)$/.exec(pkg.engines.node)?.[1];
  expect(oldest, `engines.node is ${pkg.engines.node}`).toBeDefined();
  expect(Number(oldest)).toBeLessThanOrEqual(Number(pinned.split('.')[0]));
  expect(requirements).toContain(`Node.js ${oldest} or newer`);
  expect(requirements).toContain(`Node ${pinned}`);
});
