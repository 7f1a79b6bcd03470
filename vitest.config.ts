import { defineConfig } from 'vitest/config';

/**
 * Two lanes. `unit` is pure code: no build, seconds (`npm run test:unit` while working).
 * `site` holds the checks over a full build and the Chromium tests: its global setup builds the
 * site once (under a sub-path) for both folders. `vitest run` runs both, as `npm test` and CI do.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        // Pure code with no global state: one module cache for every file (isolate: false) keeps the lane fast.
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/build-site.ts'],
          // Browser tests wait for slow first loads (Pagefind) when the machine is busy: a poll
          // ends as soon as its condition holds, so a long ceiling costs nothing on an idle one.
          testTimeout: 60_000,
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
