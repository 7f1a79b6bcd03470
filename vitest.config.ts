import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds the site once (under a sub-path) for the site and browser tests.
    globalSetup: ['test/support/build-site.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
