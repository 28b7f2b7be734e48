/** Node-side reading of a seed folder, shared by the build plugin and the CLI. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus, type BuiltCorpus, type SeedFile } from '../lib/engine/corpus';

export function readSeedFolder(dir: string): SeedFile[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
}

export function buildCorpusFromFolder(dir: string): BuiltCorpus {
  return buildCorpus(readSeedFolder(dir));
}
