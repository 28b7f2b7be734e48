/**
 * Issue 5, search at scale: synthetic corpora (the five real seeds plus
 * generated articles, see synth.ts) through the real engine: buildCorpus with
 * SeedFile objects and the real entities.json, buildIndex, serializeBundle,
 * loadBundle, and searchCorpus (what the popup's search asks the background).
 */
import { gzipSync } from 'node:zlib';
import { loadBundle, serializeBundle } from '../lib/engine/bundle';
import { type BuiltCorpus, buildCorpus, type SeedFile } from '../lib/engine/corpus';
import { searchCorpus } from '../lib/engine/lookup';
import { buildIndex } from '../lib/engine/search';
import { median, percentile } from './stats';
import { createRng, seedMaterial, syntheticArticle, wordCount } from './synth';
import { gcFunction } from './weight';

export const QUERIES = [
  { query: 'Zarif', kind: 'name' },
  { query: 'kadhem', kind: 'fuzzy name' },
  { query: 'Pompeio', kind: 'fuzzy name' },
  { query: 'US troops Iraq', kind: 'free text' },
  { query: 'relations between the two countries', kind: 'free text' },
] as const;

export interface QueryTiming {
  query: string;
  kind: string;
  /** The first call on a freshly loaded corpus. */
  coldMs: number;
  p50: number;
  p95: number;
  names: number;
  statements: number;
  articles: number;
  /** The first name result, to see what a fuzzy query found. */
  topName: string | null;
}

export interface SearchScaleRow {
  articles: number;
  statements: number;
  words: number;
  terms: number;
  generateMs: number;
  corpusMs: number;
  indexMs: number;
  serializeMs: number;
  bundleRaw: number;
  bundleGzip: number;
  /** The serialised MiniSearch index alone (the bundle also holds articles and statements). */
  indexGzip: number;
  loadMs: number;
  heapBytes: number;
  queries: QueryTiming[];
}

/** The real seeds (entities.json included) and `total - 5` generated articles. */
export function syntheticFiles(total: number): SeedFile[] {
  const m = seedMaterial();
  const rng = createRng(total);
  const real = m.files;
  const articles = real.filter((f) => f.name.endsWith('.txt')).length;
  const generated = Array.from({ length: Math.max(0, total - articles) }, (_, i) => syntheticArticle(m, rng, i + 1));
  return [...real, ...generated];
}

const time = <T>(fn: () => T): [T, number] => {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
};

interface Built {
  table: BuiltCorpus['table'];
  json: string;
  row: Omit<SearchScaleRow, 'loadMs' | 'heapBytes' | 'queries'>;
}

/** Builds in its own scope, so the corpus and the build-time index are garbage before queries are timed. */
function buildAt(total: number, log: (line: string) => void): Built {
  const [files, generateMs] = time(() => syntheticFiles(total));
  const [corpus, corpusMs] = time(() => buildCorpus(files));
  log(`  search ${total}: corpus built in ${(corpusMs / 1000).toFixed(1)} s (${corpus.statements.length} statements)`);
  const [index, indexMs] = time(() => buildIndex(corpus));
  const indexGzip = gzipSync(JSON.stringify(index)).length;
  const [json, serializeMs] = time(() => serializeBundle(corpus));
  const row = {
    articles: corpus.articles.length,
    statements: corpus.statements.length,
    words: corpus.articles.reduce((n, a) => n + a.paragraphs.reduce((k, p) => k + wordCount(p), 0), 0),
    terms: index.termCount,
    generateMs,
    corpusMs,
    indexMs,
    serializeMs,
    bundleRaw: Buffer.byteLength(json),
    bundleGzip: gzipSync(json).length,
    indexGzip,
  };
  return { table: corpus.table, json, row };
}

export function measureSearchAt(total: number, reps: number, log: (line: string) => void): SearchScaleRow {
  const gc = gcFunction();
  const built = buildAt(total, log);
  const loads: number[] = [];
  for (let run = 0; run < 3; run++) loads.push(time(() => loadBundle(built.json, built.table))[1]);
  gc();
  const before = process.memoryUsage().heapUsed;
  const loaded = loadBundle(built.json, built.table);
  gc();
  const heapBytes = process.memoryUsage().heapUsed - before;
  const queries = QUERIES.map(({ query, kind }) => {
    const [first, coldMs] = time(() => searchCorpus(loaded, query));
    const warm: number[] = [];
    for (let run = 0; run < reps; run++) warm.push(time(() => searchCorpus(loaded, query))[1]);
    return {
      query,
      kind,
      coldMs,
      p50: median(warm),
      p95: percentile(warm, 95),
      names: first.names.length,
      statements: first.statements.length,
      articles: first.articles.length,
      topName: first.names[0]?.name ?? null,
    };
  });
  const row: SearchScaleRow = { ...built.row, loadMs: median(loads), heapBytes, queries };
  log(`  search ${total}: index ${(row.indexMs / 1000).toFixed(1)} s, bundle ${(row.bundleGzip / 1e6).toFixed(2)} MB gzip, load ${row.loadMs.toFixed(0)} ms, worst p95 ${Math.max(...queries.map((q) => q.p95)).toFixed(1)} ms`);
  return row;
}
