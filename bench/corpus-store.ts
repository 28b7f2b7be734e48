/**
 * Issue 11, a corpus of thousands of articles: the packaged store (one file per
 * entity and per article, an article-level index) against the single-bundle
 * design it replaced (the whole corpus and a statement-level index parsed at
 * the first message), in the same run, on synthetic corpora generated from the
 * real articles. Node measures build, size, parse, heap and query times with
 * the real engine (files read from memory, so disk time is not in it);
 * Chromium measures the card and the popup with a real build of the corpus,
 * from a stopped service worker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type ChromiumExtension, launchChromium } from '../e2e/support/chromium';
import { buildFromSeeds } from '../e2e/support/seeds-build';
import { loadBundle, serializeBundle } from '../lib/engine/bundle';
import { buildCorpus } from '../lib/engine/corpus';
import { lookupEntity, searchCorpus } from '../lib/engine/lookup';
import { corpusFiles, paths } from '../lib/engine/store/layout';
import { packagedStore } from '../lib/engine/store/packaged';
import { measurePopup, type PopupResult } from './popup';
import { QUERIES, syntheticFiles } from './search-scale';
import { median, percentile, timed as time } from './stats';
import { gcFunction } from './weight';

export interface StoreRow {
  articles: number;
  statements: number;
  entities: number;
  /** Seeds → corpus → files, seconds. */
  buildS: number;
  files: number;
  packageRaw: number;
  /** Sum of each file gzipped: about what a store's zip holds. */
  packageGzip: number;
  searchIndexRaw: number;
  store: {
    cardColdMs: number;
    cardWarmMs: number;
    readerColdMs: number;
    firstSearchMs: number;
    queryP95Ms: number;
    /** Heap held after a card, a search and a reader page. */
    heapMB: number;
  };
  /** The single-bundle design, same corpus; null where it was not run (its heap grows past what a worker should hold). */
  baseline: { bundleGzip: number; loadMs: number; cardColdMs: number; queryP95Ms: number; heapMB: number } | null;
  chromium: ChromiumStoreTiming | null;
}

export interface ChromiumStoreTiming {
  cardColdMs: number;
  cardWarmMs: number;
  popup: PopupResult;
}

const MB = 1024 * 1024;

/** The person a card is asked for: the most quoted one, as a reader would hover. */
const CARD = 'hassan-rouhani';

export async function measureStoreAt(
  total: number,
  opts: { reps: number; baseline: boolean; chromium: { probe: string } | null; log: (line: string) => void },
): Promise<StoreRow> {
  const gc = gcFunction();
  const files = syntheticFiles(total);
  const [{ corpus, packaged }, buildMs] = await time(() => {
    const c = buildCorpus(files);
    return { corpus: c, packaged: corpusFiles(c) };
  });
  let raw = 0;
  let gz = 0;
  for (const text of packaged.values()) {
    raw += Buffer.byteLength(text);
    gz += gzipSync(text).length;
  }
  opts.log(`  store ${total}: built in ${(buildMs / 1000).toFixed(1)} s, ${packaged.size} files, ${(raw / MB).toFixed(1)} MB (${(gz / MB).toFixed(1)} MB gzip)`);
  const read = async (path: string) => {
    const text = packaged.get(path);
    if (text === undefined) throw new Error('missing');
    return text;
  };

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const store = packagedStore(read, corpus.table);
  const [, cardColdMs] = await time(() => store.entity(CARD, 4));
  const [, cardWarmMs] = await time(() => store.entity('mohammad-javad-zarif', 4));
  const [, firstSearchMs] = await time(() => store.search('Zarif'));
  const warm: number[] = [];
  for (const { query } of QUERIES) for (let r = 0; r < opts.reps; r++) warm.push((await time(() => store.search(query)))[1]);
  const [, readerColdMs] = await time(() => store.article(corpus.articles[Math.floor(corpus.articles.length / 2)].id));
  gc();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / MB;

  let baseline: StoreRow['baseline'] = null;
  if (opts.baseline) {
    const json = serializeBundle(corpus);
    gc();
    const before = process.memoryUsage().heapUsed;
    const [loaded, loadMs] = await time(() => loadBundle(json, corpus.table));
    const [, cardMs] = await time(() => lookupEntity(loaded, CARD, 4));
    const times: number[] = [];
    for (const { query } of QUERIES) for (let r = 0; r < opts.reps; r++) times.push((await time(() => searchCorpus(loaded, query)))[1]);
    gc();
    // Measured while `loaded` is still in use below.
    const held = (process.memoryUsage().heapUsed - before) / MB;
    if (loaded.articles.length !== corpus.articles.length) throw new Error('baseline lost articles');
    baseline = {
      bundleGzip: gzipSync(json).length,
      loadMs,
      cardColdMs: loadMs + cardMs,
      queryP95Ms: percentile(times, 95),
      heapMB: held,
    };
  }

  let chromium: ChromiumStoreTiming | null = null;
  if (opts.chromium) {
    try {
      chromium = await measureInChromium(files, opts.chromium.probe, opts.log);
    } catch (error) {
      // The Node figures stand on their own; say why Chromium's are missing.
      opts.log(`  store ${total} in Chromium: not measured (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
  }
  return {
    articles: corpus.articles.length,
    statements: corpus.statements.length,
    entities: corpus.entities.length,
    buildS: buildMs / 1000,
    files: packaged.size,
    packageRaw: raw,
    packageGzip: gz,
    searchIndexRaw: Buffer.byteLength(packaged.get(paths.search) ?? ''),
    store: { cardColdMs, cardWarmMs, readerColdMs, firstSearchMs, queryP95Ms: percentile(warm, 95), heapMB },
    baseline,
    chromium,
  };
}

/** Builds the extension from these seeds (as a maintainer would, with IIC_SEEDS), then times the card and the popup from a stopped worker. */
async function measureInChromium(files: { name: string; bytes: Uint8Array }[], probe: string, log: (line: string) => void): Promise<ChromiumStoreTiming> {
  const work = mkdtempSync(join(tmpdir(), 'iic-store-bench-'));
  let ext: ChromiumExtension | null = null;
  try {
    const [dir, buildMs] = await time(() => buildFromSeeds(files, 'chrome', work));
    log(`  store ${files.length - 1} in Chromium: extension built in ${(buildMs / 1000).toFixed(1)} s`);
    ext = await launchChromium(dir);
    const page = await ext.openExtensionPage('popup.html');
    const ask = (id: string) =>
      page.evaluate(async (entity) => {
        const started = performance.now();
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
        await runtime.sendMessage({ type: 'lookup-entity', id: entity, limit: 4 });
        return performance.now() - started;
      }, id);
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < 3; run++) {
      await ext.stopServiceWorker();
      cold.push(await ask(CARD));
      warm.push(await ask('mohammad-javad-zarif'));
    }
    await page.close();
    const popup = await measurePopup(ext, probe, 3);
    return { cardColdMs: median(cold), cardWarmMs: median(warm), popup };
  } finally {
    await ext?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

const mbOf = (n: number) => (n / MB).toFixed(1);
const msOf = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n < 10 ? n.toFixed(1) : n.toFixed(0));

export function storeRows(rows: readonly StoreRow[]): Record<string, string>[] {
  return rows.map((r) => ({
    articles: r.articles.toLocaleString('en'),
    statements: r.statements.toLocaleString('en'),
    'build s': r.buildS.toFixed(1),
    'package MB (gzip)': `${mbOf(r.packageRaw)} (${mbOf(r.packageGzip)})`,
    'card cold/warm ms': `${msOf(r.store.cardColdMs)} / ${msOf(r.store.cardWarmMs)}`,
    'first search ms': msOf(r.store.firstSearchMs),
    'query p95 ms': msOf(r.store.queryP95Ms),
    'reader ms': msOf(r.store.readerColdMs),
    'heap MB': r.store.heapMB.toFixed(1),
    'bundle: load ms / heap MB / p95 ms': r.baseline ? `${msOf(r.baseline.loadMs)} / ${r.baseline.heapMB.toFixed(0)} / ${msOf(r.baseline.queryP95Ms)}` : 'not run',
    'Chromium card cold/warm ms': r.chromium ? `${msOf(r.chromium.cardColdMs)} / ${msOf(r.chromium.cardWarmMs)}` : '—',
    'Chromium popup results cold/warm ms': r.chromium?.popup.measured ? `${msOf(r.chromium.popup.cold?.firstResults)} / ${msOf(r.chromium.popup.warm?.firstResults)}` : '—',
  }));
}

export interface StoreTarget {
  target: string;
  measured: string;
  met: boolean | null;
}

/** Issue 11's targets at 5,000 articles, from a stopped service worker. */
export function storeTargets(rows: readonly StoreRow[]): StoreTarget[] {
  const r = rows.find((x) => x.articles === 5000);
  const none = (target: string): StoreTarget => ({ target, measured: 'not measured in this run', met: null });
  const t = (target: string, value: number | null | undefined, limit: number, unit = 'ms'): StoreTarget =>
    value === null || value === undefined ? none(target) : { target, measured: `${msOf(value)} ${unit}`, met: value <= limit };
  if (!r) return ['5,000 articles: card cold ≤ 50 ms', 'card warm ≤ 10 ms', 'popup first results cold ≤ 150 ms', 'query p95 ≤ 10 ms', 'memory ≤ 60 MB', 'build ≤ 60 s', 'package ≤ 60 MB'].map(none);
  return [
    t('5,000 articles: card ≤ 50 ms cold (Chromium, stopped worker)', r.chromium?.cardColdMs, 50),
    t('5,000 articles: card ≤ 10 ms warm (Chromium)', r.chromium?.cardWarmMs, 10),
    t('5,000 articles: popup first results ≤ 150 ms cold (Chromium)', r.chromium?.popup.cold?.firstResults, 150),
    t('5,000 articles: typing, query p95 ≤ 10 ms incl. fuzzy and prefix (Node)', r.store.queryP95Ms, 10),
    t('5,000 articles: memory after a card, a search and a reader page ≤ 60 MB (Node heap)', r.store.heapMB, 60, 'MB'),
    t('5,000 articles: corpus build ≤ 60 s', r.buildS, 60, 's'),
    t('5,000 articles: package ≤ 60 MB (files gzipped, as in the zip)', r.packageGzip / MB, 60, 'MB'),
  ];
}
