/**
 * Issue 1, page scan cost: on each page, in the same run, (a) a bare
 * TreeWalker pass reading every text node (the floor), (b) our detection alone
 * (collectText + findMentions), (c) detection + underlining until the next
 * painted frame, (d) mark.js marking the same names until the next painted
 * frame. Every measurement gets a freshly loaded page: (d) mutates the DOM, and
 * a fresh page also means a cold JIT, as the content script has on a real page.
 */
import type { Browser, Page } from 'playwright-core';
import { callApi, inject, launchKillable, launchPlain, newContext, servePages, STATIC_HEADERS } from './browser';
import type { DetectResult, FloorResult } from './in-page/api';
import type { PageScripts } from './page-bundle';
import type { BenchPage } from './pages';
import { median } from './stats';

export interface ScanRow {
  page: string;
  note: string;
  bytes: number;
  textNodes: number;
  /** Page text as the matcher sees it. */
  chars: number;
  mentions: number;
  underlined: number;
  marks: number | null;
  a: number;
  /** Cold: the first detection in a fresh page, as the content script runs it. */
  b: number;
  /** A second detection in the same page, with the JIT warm: what the code costs once compiled. */
  bWarm: number;
  c: number;
  /** (c) without the wait for paint. */
  cScan: number;
  /** Longest task during (c) (0: none over 50 ms), median over runs; all ours, see UnderlineResult. */
  cLongest: number;
  /** The collectText share of (b). */
  bCollect: number;
  /** null when mark.js ran past the cap. */
  d: number | null;
  runs: number;
  dRuns: number;
}

export interface ScanOptions {
  pages: readonly BenchPage[];
  runs(page: BenchPage): number;
  /** mark.js is killed after this long; reported as "> cap". */
  capMs: number;
  /** Stop repeating mark.js on a page once its runs add up to this. */
  markBudgetMs: number;
  scripts: PageScripts;
  log(line: string): void;
}

async function open(page: Page, url: string, scripts: readonly string[]): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  for (const source of scripts) await inject(page, source);
  await callApi(page, 'settle');
}

interface OurSamples {
  floors: FloorResult[];
  b: number[];
  bCollect: number[];
  bWarm: number[];
  c: number[];
  cScan: number[];
  cLongest: number[];
  detected: DetectResult | null;
  underlined: number;
}

/** (a), (b) and (c), each run on freshly loaded pages: one load for (a)+(b), one for (a)+(c). */
async function measureOurs(tab: Page, url: string, runs: number, scan: string): Promise<OurSamples> {
  const s: OurSamples = { floors: [], b: [], bCollect: [], bWarm: [], c: [], cScan: [], cLongest: [], detected: null, underlined: 0 };
  for (let run = 0; run < runs; run++) {
    await open(tab, url, [scan]);
    s.floors.push(await callApi(tab, 'floor'));
    s.detected = await callApi(tab, 'detect');
    s.b.push(s.detected.ms);
    s.bCollect.push(s.detected.collectMs);
    s.bWarm.push((await callApi(tab, 'detect')).ms);
    await open(tab, url, [scan]);
    s.floors.push(await callApi(tab, 'floor'));
    const shown = await callApi(tab, 'underline');
    s.c.push(shown.ms);
    s.cScan.push(shown.scanMs);
    s.cLongest.push(Math.max(0, ...shown.longTasks));
    s.underlined = shown.mentions;
  }
  return s;
}

export async function measurePageScan(options: ScanOptions): Promise<ScanRow[]> {
  const { scripts, log } = options;
  const server = await servePages(options.pages, STATIC_HEADERS);
  const plain = await launchPlain();
  let marker = await launchKillable();
  const rows: ScanRow[] = [];
  try {
    const context = await newContext(plain);
    const tab = await context.newPage();
    // One discarded load, so the first page measured does not also pay the browser's own warm-up.
    await open(tab, server.url + options.pages[0].path, [scripts.scan]);
    await callApi(tab, 'detect');
    for (const bench of options.pages) {
      const url = server.url + bench.path;
      const runs = options.runs(bench);
      const ours = await measureOurs(tab, url, runs, scripts.scan);
      const marked = await measureMark(marker.browser, url, runs, options);
      if (marked.killed) marker = await relaunch(marker);
      const row: ScanRow = {
        page: bench.id,
        note: bench.note,
        bytes: bench.bytes,
        textNodes: ours.floors[0].nodes,
        chars: ours.detected?.chars ?? 0,
        mentions: ours.detected?.mentions ?? 0,
        underlined: ours.underlined,
        marks: marked.marks,
        a: median(ours.floors.map((f) => f.ms)),
        b: median(ours.b),
        bCollect: median(ours.bCollect),
        bWarm: median(ours.bWarm),
        c: median(ours.c),
        cScan: median(ours.cScan),
        cLongest: median(ours.cLongest),
        d: marked.capped ? null : median(marked.ms),
        runs,
        dRuns: marked.ms.length,
      };
      log(`  scan ${bench.id}: a ${row.a.toFixed(2)} b ${row.b.toFixed(1)} c ${row.c.toFixed(1)} d ${row.d === null ? '> cap' : row.d.toFixed(0)} ms`);
      rows.push(row);
    }
  } finally {
    await plain.close();
    await marker.kill();
    await server.close();
  }
  return rows;
}

async function relaunch(old: { kill(): Promise<void> }): Promise<Awaited<ReturnType<typeof launchKillable>>> {
  await old.kill().catch(() => {});
  return launchKillable();
}

interface MarkRuns {
  ms: number[];
  marks: number | null;
  capped: boolean;
  /** The browser was killed to stop mark.js: the caller must start another. */
  killed: boolean;
}

async function measureMark(browser: Browser, url: string, runs: number, options: ScanOptions): Promise<MarkRuns> {
  const out: MarkRuns = { ms: [], marks: null, capped: false, killed: false };
  const context = await newContext(browser);
  for (let run = 0; run < runs && options.markBudgetMs > out.ms.reduce((x, y) => x + y, 0); run++) {
    const tab = await context.newPage();
    await open(tab, url, [options.scripts.scan, options.scripts.markJs]);
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), options.capMs);
    });
    const work = callApi(tab, 'mark', options.scripts.keywords);
    // Killing the browser rejects the pending call; that outcome is the cap, already handled.
    work.catch(() => {});
    const result = await Promise.race([work, cap]);
    clearTimeout(timer);
    if (result === null) {
      out.capped = true;
      out.killed = true;
      return out;
    }
    out.ms.push(result.ms);
    out.marks = result.marks;
    await tab.close();
  }
  await context.close();
  return out;
}
