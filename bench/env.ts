/**
 * Where the bench finds things, and the Chromium switches every browser it
 * starts gets. Only 127.0.0.1 is reachable: other hosts resolve to nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SEEDS_DIR = path.join(ROOT, 'seeds');
/** Saved real news pages; absent on a user's machine (see ../shared/README.md). */
export const SHARED_PAGES = path.resolve(ROOT, '..', 'shared', 'pages');
export const SHARED_CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'articles');
export const BUILD_DIR = path.join(ROOT, '.output', 'chrome-mv3');
/** Others rebuild `.output/` concurrently: every read of it holds this lock. */
export const BUILD_LOCK = '/tmp/iic-build.lock';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const RESULTS_FILE = path.join(ROOT, 'bench', 'results.json');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
];

/**
 * Copies the built extension under the build lock, so a concurrent rebuild can
 * neither tear it mid-read nor change it between two sections of one run.
 * The lock is held for the copy only, not for the whole bench.
 */
export function snapshotBuild(): { dir: string; dispose(): void } | null {
  if (!existsSync(path.join(BUILD_DIR, 'manifest.json'))) return null;
  const parent = mkdtempSync(path.join(os.tmpdir(), 'iic-bench-build-'));
  const dir = path.join(parent, 'chrome-mv3');
  const copy = ['cp', '-r', BUILD_DIR, dir];
  const result = existsSync('/usr/bin/flock') ? spawnSync('flock', [BUILD_LOCK, ...copy]) : spawnSync(copy[0], copy.slice(1));
  if (result.status !== 0) throw new Error(`could not copy ${BUILD_DIR}: ${result.stderr}`);
  return { dir, dispose: () => rmSync(parent, { recursive: true, force: true }) };
}

export function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}
