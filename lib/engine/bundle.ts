/**
 * The corpus bundle: what the build writes from `seeds/` and the background
 * loads. One JSON string, deterministic for the same seeds.
 */
import type MiniSearch from 'minisearch';
import type { NameTable } from './matcher';
import { type IndexDoc, buildIndex, loadIndex } from './search';
import type { Article, Entity, SeedProblem, Statement } from './types';
import type { BuiltCorpus } from './corpus';

export const BUNDLE_VERSION = 1;

export interface CorpusBundle {
  version: number;
  articles: Article[];
  entities: Entity[];
  statements: Statement[];
  problems: SeedProblem[];
  /** MiniSearch's serialised index, as a string for `loadJSON`. */
  index: string;
}

export function serializeBundle(corpus: BuiltCorpus): string {
  const bundle: CorpusBundle = {
    version: BUNDLE_VERSION,
    articles: corpus.articles,
    entities: corpus.entities,
    statements: corpus.statements,
    problems: corpus.problems,
    index: JSON.stringify(buildIndex(corpus)),
  };
  return JSON.stringify(bundle);
}

export interface LoadedCorpus extends Omit<CorpusBundle, 'index'> {
  index: MiniSearch<IndexDoc>;
  table: NameTable;
}

export function loadBundle(json: string, table: NameTable): LoadedCorpus {
  const bundle = JSON.parse(json) as CorpusBundle;
  if (bundle.version !== BUNDLE_VERSION) throw new Error(`corpus bundle version ${bundle.version}, expected ${BUNDLE_VERSION}`);
  return { ...bundle, index: loadIndex(bundle.index), table };
}
