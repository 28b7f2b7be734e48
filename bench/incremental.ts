/**
 * Issue 3, incremental work: on a live page with the real scanner wiring,
 * append paragraphs one by one and time what each mutation flush costs. The
 * observer path must scan only what was added: the characters handed to the
 * matcher per flush, and the time per flush, stay flat while the page grows.
 */
import type { Page } from 'playwright-core';
import { callApi, inject, launchPlain, newContext, servePages, STATIC_HEADERS } from './browser';
import type { IncrementalOptions, IncrementalResult } from './in-page/api';
import type { PageScripts } from './page-bundle';
import type { BenchPage } from './pages';
import { createRng, paragraph, seedMaterial } from './synth';
import { median, percentile, sum } from './stats';

export interface IncrementalSummary {
  page: string;
  paragraphs: number;
  /** One paragraph per frame. */
  frame: {
    flushes: number;
    totalMs: number;
    perFlushMedian: number;
    perFlushP95: number;
    /** Median ms per flush over the first and the last tenth of the batches. */
    firstTenthMedian: number;
    lastTenthMedian: number;
    charsPerFlushFirst: number;
    charsPerFlushLast: number;
    pageCharsStart: number;
    pageCharsEnd: number;
    /** Median rendering after a flush, first and last tenth: Chromium revalidates every registered range. */
    renderFirstTenth: number;
    renderLastTenth: number;
    /** The same, appending without our scanner. */
    controlRenderFirstTenth: number;
    controlRenderLastTenth: number;
    mentionsAdded: number;
  };
  /** All paragraphs appended in back-to-back tasks: flushes coalesce. */
  burst: { flushes: number; totalMs: number; chars: number; mentionsAdded: number };
}

function paragraphs(count: number): string[] {
  const m = seedMaterial();
  const rng = createRng(5);
  return Array.from({ length: count }, () => paragraph(m, rng, { seedShare: 0.3, nameRate: 0.2 }, 3));
}

async function run(page: Page, url: string, scan: string, options: IncrementalOptions): Promise<IncrementalResult> {
  await page.goto(url, { waitUntil: 'load' });
  await inject(page, scan);
  await callApi(page, 'settle');
  return callApi(page, 'incremental', options);
}

export async function measureIncremental(base: BenchPage, count: number, scripts: PageScripts): Promise<IncrementalSummary> {
  const server = await servePages([base], STATIC_HEADERS);
  const browser = await launchPlain();
  try {
    const page = await (await newContext(browser)).newPage();
    const url = server.url + base.path;
    const texts = paragraphs(count);
    const frame = await run(page, url, scripts.scan, { paragraphs: texts, mode: 'frame' });
    const control = await run(page, url, scripts.scan, { paragraphs: texts, mode: 'frame', control: true });
    const burst = await run(page, url, scripts.scan, { paragraphs: texts, mode: 'burst' });
    const tenth = Math.max(1, Math.floor(frame.batches.length / 10));
    const head = frame.batches.slice(0, tenth);
    const tail = frame.batches.slice(-tenth);
    return {
      page: base.id,
      paragraphs: count,
      frame: {
        flushes: frame.flushes,
        totalMs: sum(frame.batches.map((b) => b.ms)),
        perFlushMedian: median(frame.batches.map((b) => b.ms)),
        perFlushP95: percentile(frame.batches.map((b) => b.ms), 95),
        firstTenthMedian: median(head.map((b) => b.ms)),
        lastTenthMedian: median(tail.map((b) => b.ms)),
        charsPerFlushFirst: median(head.map((b) => b.chars)),
        charsPerFlushLast: median(tail.map((b) => b.chars)),
        pageCharsStart: head[0]?.pageChars ?? 0,
        pageCharsEnd: tail[tail.length - 1]?.pageChars ?? 0,
        renderFirstTenth: median(head.map((b) => b.renderMs)),
        renderLastTenth: median(tail.map((b) => b.renderMs)),
        controlRenderFirstTenth: median(control.batches.slice(0, tenth).map((b) => b.renderMs)),
        controlRenderLastTenth: median(control.batches.slice(-tenth).map((b) => b.renderMs)),
        mentionsAdded: frame.mentions - frame.initialMentions,
      },
      burst: { flushes: burst.flushes, totalMs: burst.totalMs, chars: burst.chars, mentionsAdded: burst.mentions - burst.initialMentions },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
