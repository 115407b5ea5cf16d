import { defineConfig } from 'vitest/config';

/** The deployment tests: the production build behind nginx on PostgreSQL (`npm test` runs them when CI is set). */
export default defineConfig({
  test: {
    include: ['deploy/test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
