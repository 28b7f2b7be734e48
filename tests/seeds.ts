/** Test access to the project's own seeds, built once per test file. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle, serializeBundle } from '../lib/engine/bundle';
import type { BuiltCorpus } from '../lib/engine/corpus';
import { buildCorpusFromFolder } from '../tools/seed-folder';

export const SEEDS = join(import.meta.dirname, '..', 'seeds');
export const SHARED = join(import.meta.dirname, '..', '..', 'shared');

let cached: BuiltCorpus | null = null;
export function seedCorpus(): BuiltCorpus {
  cached ??= buildCorpusFromFolder(SEEDS);
  return cached;
}

export function loadedSeedCorpus() {
  const corpus = seedCorpus();
  return loadBundle(serializeBundle(corpus), corpus.table);
}

export const A = {
  qassemi: '000_e2b84ee6c719b08a',
  moscow: '001_2e552cf3305906f6',
  rouhani: '002_4150bcee245c5d5c',
  kanaani: '003_3d90aa80119a4437',
  kazemi: '004_92d2bbb8eb3598db',
} as const;

/**
 * Every seed article, plus the real texts and saved pages (raw HTML, which is
 * text too) in ../shared when it is there: material for tests that compare
 * two ways of computing the same answer.
 */
export function sampleTexts(): string[] {
  const read = (dir: string, ext: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => name.endsWith(ext))
          .sort()
          .map((name) => readFileSync(join(dir, name), 'utf8'))
      : [];
  if (!existsSync(SHARED)) console.warn(`../shared not found at ${SHARED}: comparing on the seeds only`);
  return [...read(SEEDS, '.txt'), ...read(join(SHARED, 'texts'), '.txt'), ...read(join(SHARED, 'pages'), '.html')];
}
