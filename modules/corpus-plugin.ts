/**
 * Builds the corpus from `seeds/` at every extension build, so a maintainer who
 * adds an article and rebuilds gets it everywhere. The content script and the
 * background import `virtual:name-table` (only what detection needs); the rest
 * of the corpus is written into the package as files (`corpus/…`, see
 * lib/engine/store/layout.ts) that the background reads when a request needs
 * one. `IIC_SEEDS` builds from another folder (the large-corpus tests).
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { BuiltCorpus } from '../lib/engine/corpus';
import { corpusFiles } from '../lib/engine/store/layout';
import { buildCorpusFromFolder } from '../tools/seed-folder';

const TABLE = 'virtual:name-table';

export const seedsDir = process.env.IIC_SEEDS ? resolve(process.env.IIC_SEEDS) : resolve(import.meta.dirname, '..', 'seeds');

let corpus: BuiltCorpus | null = null;
/** One build of the seeds per extension build, shared by the name table and the corpus files. */
function built(): BuiltCorpus {
  corpus ??= buildCorpusFromFolder(seedsDir);
  return corpus;
}

export function corpusPlugin(): Plugin {
  let reported = false;
  return {
    name: 'iic-corpus',
    buildStart() {
      this.addWatchFile(seedsDir);
    },
    resolveId(id) {
      return id === TABLE ? `\0${id}` : null;
    },
    load(id) {
      if (id !== `\0${TABLE}`) return null;
      const c = built();
      if (!reported) {
        reported = true;
        for (const p of c.problems) this.warn(`seeds/${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}`);
      }
      return `export default ${JSON.stringify(c.table)};`;
    },
  };
}

/** The corpus files for the package; the build fails (names the reason) rather than write an inconsistent set. */
export function corpusAssets(): { relativeDest: string; contents: string }[] {
  const files = corpusFiles(built());
  corpus = null;
  return [...files].map(([relativeDest, contents]) => ({ relativeDest, contents }));
}
