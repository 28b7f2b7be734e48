/**
 * Issue 12, the reader's library, in Node with the real engine and the real
 * store code over fake-indexeddb (an in-memory IndexedDB: its times are not a
 * browser's, which `library-browser` measures; what it shows is how the store
 * grows): saving a 2,000-word article into a library of N, and with N saved
 * articles a restart's first search, a card, query p95 and the heap the
 * library holds. Baseline in the same run: the design it replaced, the whole
 * library analysed into one corpus in memory (what every change and restart
 * rebuilt).
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { loadBundle, serializeBundle } from '../lib/engine/bundle';
import { buildCorpus, ENTITY_FILE } from '../lib/engine/corpus';
import { lookupEntity, searchCorpus } from '../lib/engine/lookup';
import { findMentions, type NameTable } from '../lib/engine/matcher';
import { mergeNameTables, readLibraryNames } from '../lib/library/names-storage';
import { corpusFiles, type NamesFile, paths } from '../lib/engine/store/layout';
import { openLibraryDb } from '../lib/library/db';
import type { NameContext } from '../lib/library/derive';
import type { SavedArticle } from '../lib/library/format';
import { createLibrary } from '../lib/library/library';
import { median, percentile, timed as time } from './stats';
import { createRng, paragraph, seedMaterial } from './synth';
import { QUERIES } from './search-scale';
import { gcFunction } from './weight';

export interface LibraryBench {
  articles: number;
  /** Saving one 2,000-word article into the filled library: analysis and the IndexedDB transaction (median of 5). */
  saveOneMs: number;
  /** Filling the library, in batches of 50, seconds. */
  fillS: number;
  /** After a restart (a new store over the same database): */
  firstSearchMs: number;
  cardColdMs: number;
  cardWarmMs: number;
  queryP95Ms: number;
  /** Heap the library holds after a card, a search and the query runs. */
  heapMB: number;
  storedTextMB: number;
  /** What the content script gets from the library: its names as stored, their parse, and a 200 KB page matched with and without them (median ms). */
  names: { entities: number; kb: number; parseMs: number; pageMs: { without: number; with: number }; bundledPageMs: { without: number; with: number } };
  /** The design this replaced: the library analysed whole into memory. */
  baseline: { buildMs: number; heapMB: number; cardMs: number; queryP95Ms: number };
}

function savedArticles(count: number, words: number, from = 0): SavedArticle[] {
  const m = seedMaterial();
  const rng = createRng(count * 7 + words + from);
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const paragraphs: string[] = [];
    let n = 0;
    while (n < words) {
      const p = paragraph(m, rng, { seedShare: 0.5, nameRate: 0.4 }, 2);
      paragraphs.push(p);
      n += p.split(/\s+/).length;
    }
    const text = paragraphs.join('\n\n');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const url = `https://news.example/${i}`;
    return { id: `lib-${i.toString(16).padStart(12, '0')}`, url, text, meta: { title: `Saved ${i}`, outlet: 'Example News', date: `2024-03-${day}`, url }, byline: null, savedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(), textHash: `hash-${i}` };
  });
}


let runs = 0;

/** The library's names as the content script receives them (`storage.local`, then merged into the bundled table), and a page matched with them. */
async function contentScriptNames(library: ReturnType<typeof createLibrary>, bundled: NameTable): Promise<LibraryBench['names']> {
  const stored = JSON.stringify({ version: 1, table: await library.nameTable() });
  const parse: number[] = [];
  for (let r = 0; r < 9; r++) parse.push((await time(() => readLibraryNames(JSON.parse(stored))))[1]);
  const merged = mergeNameTables(bundled, readLibraryNames(JSON.parse(stored)));
  const m = seedMaterial();
  const rng = createRng(99);
  let page = '';
  while (page.length < 200_000) page += `${paragraph(m, rng, { seedShare: 0.5, nameRate: 0.4 }, 3)}\n`;
  const match = (table: NameTable) => {
    const runs: number[] = [];
    for (let r = 0; r < 9; r++) {
      const started = performance.now();
      findMentions(page, table);
      runs.push(performance.now() - started);
    }
    return median(runs);
  };
  const names = { entities: Object.keys(merged.entities).length - Object.keys(bundled.entities).length, kb: stored.length / 1024, parseMs: median(parse) };
  const pageMs = { without: match(bundled), with: match(merged) };
  // A page that names only the bundled corpus's people: what the library's names cost where they find nothing.
  const seedsText = m.corpus.articles.map((a) => a.paragraphs.join('\n')).join('\n');
  page = seedsText.repeat(Math.ceil(200_000 / seedsText.length)).slice(0, 200_000);
  return { ...names, pageMs, bundledPageMs: { without: match(bundled), with: match(merged) } };
}

export async function measureLibrary(count: number, log: (line: string) => void): Promise<LibraryBench> {
  const gc = gcFunction();
  const material = seedMaterial();
  const bundledNames = JSON.parse(corpusFiles(material.corpus).get(paths.names) as string) as NamesFile;
  const context: NameContext = bundledNames.entities;
  const name = `bench-library-${process.pid}-${runs++}`;
  const db = await openLibraryDb(name);
  const library = createLibrary(async () => db, async () => context, material.corpus.table, () => undefined);
  const saved = savedArticles(count, 600);
  const [, fillMs] = await time(async () => {
    for (let i = 0; i < saved.length; i += 50) await library.save(saved.slice(i, i + 50));
  });
  const saves: number[] = [];
  for (const article of savedArticles(5, 2000, count)) saves.push((await time(() => library.save([article])))[1]);

  gc();
  const before = process.memoryUsage().heapUsed;
  // A restart: a new library over the same database, nothing read yet.
  const again = createLibrary(async () => db, async () => context, material.corpus.table, () => undefined);
  const [, firstSearchMs] = await time(() => again.store.search('Zarif'));
  const [, cardColdMs] = await time(() => again.store.entity('hassan-rouhani', 4));
  const [, cardWarmMs] = await time(() => again.store.entity('hassan-rouhani', 4));
  const times: number[] = [];
  for (const { query } of QUERIES) for (let r = 0; r < 10; r++) times.push((await time(() => again.store.search(query)))[1]);
  gc();
  const heapMB = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  const names = await contentScriptNames(again, material.corpus.table);
  db.close();

  // The baseline: the same articles analysed whole, as the library did before it kept its records.
  gc();
  const baseBefore = process.memoryUsage().heapUsed;
  const encode = (t: string) => new TextEncoder().encode(t);
  const [whole, buildMs] = await time(() => {
    const built = buildCorpus([
      { name: ENTITY_FILE, bytes: encode(JSON.stringify({ entities: context.map((e) => ({ ...e, weakAliases: [], roles: [] })) })) },
      ...saved.flatMap((a) => [
        { name: `${a.id}.txt`, bytes: encode(a.text) },
        { name: `${a.id}.meta.json`, bytes: encode(JSON.stringify(a.meta)) },
      ]),
    ]);
    return loadBundle(serializeBundle(built), built.table);
  });
  gc();
  const baseHeapMB = (process.memoryUsage().heapUsed - baseBefore) / 1024 / 1024;
  const [, baseCard] = await time(() => lookupEntity(whole, 'hassan-rouhani', 4));
  const baseTimes: number[] = [];
  for (const { query } of QUERIES) for (let r = 0; r < 10; r++) baseTimes.push((await time(() => searchCorpus(whole, query)))[1]);

  const result: LibraryBench = {
    articles: count,
    saveOneMs: median(saves),
    fillS: fillMs / 1000,
    firstSearchMs,
    cardColdMs,
    cardWarmMs,
    queryP95Ms: percentile(times, 95),
    heapMB,
    storedTextMB: saved.reduce((n, a) => n + a.text.length, 0) / 1024 / 1024,
    names,
    baseline: { buildMs, heapMB: baseHeapMB, cardMs: baseCard, queryP95Ms: percentile(baseTimes, 95) },
  };
  log(
    `  library names for pages: ${names.entities} entities, ${names.kb.toFixed(0)} KB, parse ${names.parseMs.toFixed(2)} ms, 200 KB page naming them ${names.pageMs.without.toFixed(1)} → ${names.pageMs.with.toFixed(1)} ms, naming only bundled people ${names.bundledPageMs.without.toFixed(1)} → ${names.bundledPageMs.with.toFixed(1)} ms\n` +
    `  library (${count} saved): save ${result.saveOneMs.toFixed(0)} ms; after a restart first search ${firstSearchMs.toFixed(0)} ms, card ${cardColdMs.toFixed(0)}/${cardWarmMs.toFixed(1)} ms, p95 ${result.queryP95Ms.toFixed(0)} ms, ${heapMB.toFixed(1)} MB; baseline rebuild ${(buildMs / 1000).toFixed(1)} s, ${baseHeapMB.toFixed(0)} MB`,
  );
  return result;
}
