/**
 * Builds the extension from another set of seeds, as a maintainer would with
 * `IIC_SEEDS=… IIC_OUT=… wxt build`: the large-corpus tests and the bench share it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedFile } from '../../lib/engine/corpus';

const ROOT = join(import.meta.dirname, '..', '..');

/** Writes the seeds under `work`, builds one browser's package there, and returns its folder. */
export function buildFromSeeds(files: readonly SeedFile[], browser: 'chrome' | 'firefox', work: string): string {
  const seeds = join(work, 'seeds');
  mkdirSync(seeds, { recursive: true });
  for (const f of files) writeFileSync(join(seeds, f.name), f.bytes);
  const out = join(work, 'out');
  execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build', '-b', browser], {
    cwd: ROOT,
    env: { ...process.env, IIC_SEEDS: seeds, IIC_OUT: out },
    // WXT lists every file it writes, tens of thousands of lines for a large corpus: only errors are kept.
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: 600_000,
  });
  return join(out, browser === 'chrome' ? 'chrome-mv3' : 'firefox-mv2');
}
