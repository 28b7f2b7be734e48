import { accessSync, constants } from 'node:fs';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Unit and component tests; end-to-end tests have their own config (vitest.e2e.config.ts).
// `*.browser.test.ts` need layout, carets and the Highlight API: they run in Debian's Chromium
// (Vitest browser mode through playwright, which downloads no browser of its own).
const BROWSER_TESTS = 'lib/**/*.browser.test.ts';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hasChromium = (() => {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
})();
if (!hasChromium) console.warn(`${CHROMIUM_PATH} not found: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH); ${BROWSER_TESTS} are left out`);

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'tools/**/*.test.ts', 'tests/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}', 'modules/**/*.test.ts'],
          exclude: [BROWSER_TESTS],
          setupFiles: ['tests/setup-i18n.ts'],
        },
      },
      ...(hasChromium
        ? [
            {
              extends: true as const,
              test: {
                name: 'chromium',
                include: [BROWSER_TESTS],
                browser: {
                  enabled: true,
                  headless: true,
                  // No sandbox: CI runs as root in a container, as the e2e harness does (e2e/support/chromium.ts).
                  provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] } }),
                  instances: [{ browser: 'chromium' as const }],
                },
              },
            },
          ]
        : []),
    ],
  },
});
