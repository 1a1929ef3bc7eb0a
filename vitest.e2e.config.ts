import { defineConfig } from 'vitest/config';

// Browser tests: Debian Chromium driven by playwright-core against the production build.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
