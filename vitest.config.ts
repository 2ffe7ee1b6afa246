import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // 2-core machines: keep forks modest so tests that spawn processes do not starve.
    pool: 'forks',
    maxWorkers: 2,
  },
});
