import { defineConfig } from 'vitest/config';

// End-to-end tests: real browsers (e2e/support/*). Run with
//   npx vitest run --config vitest.e2e.config.ts
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    // One browser-heavy file at a time: the machines have 2 cores.
    fileParallelism: false,
    maxWorkers: 1,
    // No retries: a flaky e2e test must show up as a failure.
    retry: 0,
    // 'default' for humans, then one plain 'e2e: N passed, N failed, N skipped' line.
    reporters: ['default', ['./e2e/support/summary-reporter.ts', { label: 'e2e' }]],
  },
});
