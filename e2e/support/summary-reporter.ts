/**
 * Vitest reporter that ends the run with one plain line, e.g.
 *   e2e: 12 passed, 0 failed, 3 skipped
 * (the "N passed, N failed" form that CI log readers recognise; Vitest's own
 * summary line "Tests  12 passed (12)" is not in that form).
 * Unhandled errors count as failures.
 */
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  private readonly label: string;

  /** Vitest passes reporter options: `['./e2e/support/summary-reporter.ts', { label: 'e2e' }]`. */
  constructor(options: { label?: string } = {}) {
    this.label = options.label ?? 'e2e';
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const mod of testModules) {
      // A module that failed to load/collect has no tests but is a failure.
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    process.stdout.write(`\n${this.label}: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
