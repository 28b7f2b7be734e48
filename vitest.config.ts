import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Unit and component tests; end-to-end tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  plugins: [WxtVitest()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['lib/**/*.test.ts', 'tools/**/*.test.ts', 'tests/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}', 'modules/**/*.test.ts'],
    testTimeout: 30_000,
    setupFiles: ['tests/setup-i18n.ts'],
  },
});
