/**
 * Where the browsers and artifacts live, and helpers to skip cleanly when a
 * browser is missing.
 *
 * Overrides: CHROMIUM_PATH, FIREFOX_PATH (absolute paths to the executables).
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** `<repo>/e2e/artifacts` (gitignored): screenshots and other test output. */
export const ARTIFACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const hasChromium = isExecutable(CHROMIUM_PATH);
export const hasFirefox = isExecutable(FIREFOX_PATH);

/** Human-readable reason to pass to a skip, or '' when the browser is there. */
export function missingBrowserReason(which: 'chromium' | 'firefox'): string {
  const [ok, file, pkg] =
    which === 'chromium' ? [hasChromium, CHROMIUM_PATH, 'chromium'] : [hasFirefox, FIREFOX_PATH, 'firefox-esr'];
  return ok ? '' : `${file} not found or not executable: install it with \`apt-get install -y ${pkg}\` (or set ${which === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'})`;
}

/**
 * Absolute path for an artifact file; creates the artifacts dir. The return
 * type keeps the extension visible (puppeteer's screenshot wants `*.png`).
 */
export function artifactPath<N extends string>(name: N): `${string}/${N}` {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name) as `${string}/${N}`;
}
