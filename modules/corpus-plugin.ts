/**
 * Builds the corpus from `seeds/` at every extension build, so a maintainer who
 * adds an article and rebuilds gets it everywhere. Two virtual modules:
 * `virtual:corpus-bundle` (articles, statements and the serialised index, for the
 * background) and `virtual:name-table` (only what detection needs, for the content script).
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { serializeBundle } from '../lib/engine/bundle';
import type { BuiltCorpus } from '../lib/engine/corpus';
import { buildCorpusFromFolder } from '../tools/seed-folder';

const BUNDLE = 'virtual:corpus-bundle';
const TABLE = 'virtual:name-table';

export function corpusPlugin(seedsDir = resolve(import.meta.dirname, '..', 'seeds')): Plugin {
  let corpus: BuiltCorpus | null = null;
  let reported = false;
  const build = () => {
    corpus ??= buildCorpusFromFolder(seedsDir);
    return corpus;
  };
  return {
    name: 'iic-corpus',
    buildStart() {
      corpus = null;
      this.addWatchFile(seedsDir);
    },
    resolveId(id) {
      return id === BUNDLE || id === TABLE ? `\0${id}` : null;
    },
    load(id) {
      if (id !== `\0${BUNDLE}` && id !== `\0${TABLE}`) return null;
      const built = build();
      if (!reported) {
        reported = true;
        for (const p of built.problems) this.warn(`seeds/${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}`);
      }
      if (id === `\0${TABLE}`) return `export default ${JSON.stringify(built.table)};`;
      // A string literal, parsed once by loadJSON at first use: faster than evaluating an object literal.
      return `export default ${JSON.stringify(serializeBundle(built))};`;
    },
  };
}
