import { expect, test } from 'vitest';

// npm scripts put the pinned Node 24 (the `node` dev dependency) first on PATH; without it
// Vitest would quietly run on the machine's older Node.
test('tests run on the pinned Node 24', () => {
  expect(Number(process.versions.node.split('.')[0])).toBe(24);
});
