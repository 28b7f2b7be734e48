/**
 * Issue 12, the reader's library, measured in Node with the real engine (not
 * the page extraction or IndexedDB, which need a browser): the analysis of one
 * saved 2,000-word article, and the library corpus the background rebuilds from
 * 2,000 saved articles — its build time and heap, a card and a search on it.
 */
import { performance } from 'node:perf_hooks';
import { deriveFacts, buildLibraryCorpus, type NameContext } from '../lib/library/analyse';
import type { SavedArticle } from '../lib/library/format';
import { lookupEntity, searchCorpus } from '../lib/engine/lookup';
import { corpusFiles } from '../lib/engine/store/layout';
import type { CorpusMeta } from '../lib/engine/store/layout';
import { median, percentile } from './stats';
import { createRng, paragraph, seedMaterial } from './synth';
import { QUERIES } from './search-scale';
import { gcFunction } from './weight';

export interface LibraryBench {
  analyseOneMs: number;
  articles: number;
  buildMs: number;
  heapMB: number;
  cardMs: number;
  queryP95Ms: number;
  storedMB: number;
}

function savedArticles(count: number, words: number): SavedArticle[] {
  const m = seedMaterial();
  const rng = createRng(count * 7 + words);
  return Array.from({ length: count }, (_, i) => {
    const paragraphs: string[] = [];
    let n = 0;
    while (n < words) {
      const p = paragraph(m, rng, { seedShare: 0.5, nameRate: 0.4 }, 2);
      paragraphs.push(p);
      n += p.split(/\s+/).length;
    }
    const text = paragraphs.join('\n\n');
    return { id: `lib-${String(i).padStart(12, '0')}`, url: `https://news.example/${i}`, text, meta: { title: `Saved ${i}`, outlet: 'Example News' }, byline: null, savedAt: '2026-11-30T00:00:00Z', textHash: String(i) };
  });
}

export function measureLibrary(count: number, log: (line: string) => void): LibraryBench {
  const gc = gcFunction();
  const meta = JSON.parse(corpusFiles(seedMaterial().corpus).get('corpus/meta.json') as string) as CorpusMeta;
  const context: NameContext = meta.entities;
  const [one] = savedArticles(1, 2000);
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    deriveFacts(one, context);
    runs.push(performance.now() - t);
  }
  const saved = savedArticles(count, 600);
  const storedMB = saved.reduce((n, a) => n + a.text.length, 0) / 1024 / 1024;
  gc();
  const before = process.memoryUsage().heapUsed;
  const t = performance.now();
  const library = buildLibraryCorpus(saved, context);
  const buildMs = performance.now() - t;
  gc();
  const heapMB = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  const c = performance.now();
  lookupEntity(library, 'hassan-rouhani', 4);
  const cardMs = performance.now() - c;
  const times: number[] = [];
  for (const { query } of QUERIES) {
    for (let r = 0; r < 10; r++) {
      const s = performance.now();
      searchCorpus(library, query);
      times.push(performance.now() - s);
    }
  }
  log(`  library: one 2,000-word article analysed in ${median(runs).toFixed(0)} ms; ${count} saved rebuilt in ${(buildMs / 1000).toFixed(1)} s, ${heapMB.toFixed(0)} MB`);
  return { analyseOneMs: median(runs), articles: count, buildMs, heapMB, cardMs, queryP95Ms: percentile(times, 95), storedMB };
}
