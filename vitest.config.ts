import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000, // a hang guard: builds under a loaded CI machine take tens of seconds
    hookTimeout: 120_000,
    // PDF and site suites share one browser per file; two cores, so two forks.
    pool: 'forks',
    maxWorkers: 2,
    // Many browsers start at once on a shared machine: the 10 s default start deadline is for one.
    env: { SOP_BROWSER_TIMEOUT: '120' },
  },
});
