/**
 * Issue 4, weight per tab: the content script's size; the JS heap a tab holds
 * with the extension minus without it; the background's bundle load.
 *
 * Heap method: a content script runs in an isolated world, a separate V8
 * context in the same isolate as the page, so the page target's
 * `Performance.getMetrics` JSHeapUsedSize (the isolate's used heap) includes
 * it. After `HeapProfiler.collectGarbage`, the difference between a tab with
 * the extension (once underlining is done) and the same page in a browser
 * without it is the extension's heap per tab. Blink-side objects (Range,
 * Highlight, our <style>) live outside the V8 heap and are not in this figure.
 * One tab at a time, so no other page shares the renderer's isolate.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import type { ChromiumExtension } from '../e2e/support/chromium';
import { loadBundle, serializeBundle } from '../lib/engine/bundle';
import { launchPlain, newContext, OFFLINE_HEADERS, servePages, sleep } from './browser';
import type { BenchPage } from './pages';
import { median } from './stats';
import { seedMaterial } from './synth';

export interface SizeInfo {
  raw: number;
  gzip: number;
}

export function fileSize(file: string): SizeInfo {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

/** Node's collector, reachable without restarting node with --expose-gc. */
export function gcFunction(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export interface HeapRow {
  page: string;
  withExtension: number;
  without: number;
  extra: number;
  runs: number;
}

/** Waits until the page is loaded and the number of highlighted ranges has been stable for 1 s. */
async function heapAfterUnderlining(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    let last = -1;
    let stableSince = Date.now();
    const deadline = Date.now() + 30_000;
    while (Date.now() - stableSince < 1000 && Date.now() < deadline) {
      const total = await page.evaluate('[...CSS.highlights.values()].reduce((n, h) => n + h.size, 0)');
      if (total !== last) {
        last = Number(total);
        stableSince = Date.now();
      }
      await sleep(100);
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.detach();
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  } finally {
    await page.close();
  }
}

export async function measureHeap(ext: ChromiumExtension, pages: readonly BenchPage[], runs: number): Promise<HeapRow[]> {
  const server = await servePages(pages, OFFLINE_HEADERS);
  const plain = await launchPlain();
  try {
    const baseline = await newContext(plain);
    const rows: HeapRow[] = [];
    for (const bench of pages) {
      const url = server.url + bench.path;
      const withExt: number[] = [];
      const without: number[] = [];
      for (let run = 0; run < runs; run++) {
        withExt.push(await heapAfterUnderlining(ext.context, url));
        without.push(await heapAfterUnderlining(baseline, url));
      }
      const row = { page: bench.id, withExtension: median(withExt), without: median(without), extra: 0, runs };
      row.extra = row.withExtension - row.without;
      rows.push(row);
    }
    return rows;
  } finally {
    await plain.close();
    await server.close();
  }
}

export interface BundleLoad {
  size: SizeInfo;
  loadMs: number;
  /** Node heap held by the loaded corpus (after GC). */
  heapBytes: number;
}

/** loadBundle (JSON.parse + MiniSearch.loadJSON) on the bundle the build makes from seeds/, in Node. */
export function measureBundleLoad(json: string, runs: number): BundleLoad {
  const { table } = seedMaterial().corpus;
  const gc = gcFunction();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    loadBundle(json, table);
    times.push(performance.now() - started);
  }
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = loadBundle(json, table);
  gc();
  const heapBytes = process.memoryUsage().heapUsed - before;
  // Keeps the corpus reachable until after the second measurement.
  if (kept.articles.length < 0) throw new Error('unreachable');
  const raw = Buffer.byteLength(json);
  return { size: { raw, gzip: gzipSync(json).length }, loadMs: median(times), heapBytes };
}

export function seedBundle(): string {
  return serializeBundle(seedMaterial().corpus);
}

export function contentScriptSize(buildDir: string): SizeInfo {
  return fileSize(path.join(buildDir, 'content-scripts', 'content.js'));
}
