/**
 * Issue 2, responsiveness with the real extension: each page is loaded with the
 * built extension and, alternately, in a plain browser without it. An init
 * script (in-page/load-probe.ts) records long tasks (buffered, from navigation
 * start) and, every frame, the number of highlighted ranges, so "all names
 * underlined" is the last frame where that number changed.
 *
 * Long tasks carry no script attribution for content scripts (Long Animation
 * Frame entries list none either), so one extra traced load per page gives it:
 * a top-level task on the page's main thread counts as the extension's when it
 * runs content-script code (a trace event whose URL is chrome-extension://);
 * rendering long tasks after the content script started are counted apart and
 * compared with the same page's traced load without the extension.
 * Tracing slows pages a little, so timings come from the untraced loads only.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { ChromiumExtension } from '../e2e/support/chromium';
import { launchPlain, newContext, OFFLINE_HEADERS, servePages, sleep } from './browser';
import { PROBE_GLOBAL, type ProbeState } from './in-page/api';
import type { BenchPage } from './pages';
import { median } from './stats';

const LONG_TASK_MS = 50;
/** Loading is over when no range was added for this long (and this long after `load`). */
const QUIET_MS = 1500;
const MAX_WAIT_MS = 30_000;

interface LoadSample {
  dcl: number;
  /** ms after DOMContentLoaded; null when nothing was underlined. */
  firstUnderline: number | null;
  allUnderlined: number | null;
  ranges: number;
  longest: number;
  longTasks: number;
}

export interface ResponsivenessRow {
  page: string;
  runs: number;
  dcl: number;
  firstUnderline: number | null;
  allUnderlined: number | null;
  ranges: number;
  longestWith: number;
  longestWithout: number;
  longTasksWith: number;
  longTasksWithout: number;
  /** One traced load each way (see TraceSummary). */
  tracedWith: TraceSummary;
  tracedWithout: TraceSummary;
}

interface ProbeRead {
  probe: ProbeState;
  dcl: number;
  loadEnd: number;
}

async function readProbe(page: Page, stop: boolean): Promise<ProbeRead> {
  return page.evaluate(
    ([name, halt]) => {
      const probe = (globalThis as unknown as Record<string, ProbeState>)[name];
      if (halt) probe.stopped = true;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { probe, dcl: nav.domContentLoadedEventStart, loadEnd: nav.loadEventEnd };
    },
    [PROBE_GLOBAL, stop] as [string, boolean],
  );
}

/** Waits until the page is loaded and the ranges count has not changed for QUIET_MS. */
async function waitQuiet(page: Page): Promise<ProbeRead> {
  const deadline = Date.now() + MAX_WAIT_MS;
  let seen = -1;
  let quietSince = Date.now();
  for (;;) {
    const read = await readProbe(page, false);
    if (read.probe.changes.length !== seen) {
      seen = read.probe.changes.length;
      quietSince = Date.now();
    }
    if ((read.loadEnd > 0 && Date.now() - quietSince >= QUIET_MS) || Date.now() > deadline) return readProbe(page, true);
    await sleep(100);
  }
}

async function loadOnce(context: BrowserContext, url: string, probe: string): Promise<LoadSample> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: probe });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const { probe: state, dcl } = await waitQuiet(page);
    const changes = state.changes;
    const durations = state.longTasks.map((t) => t.duration);
    return {
      dcl,
      firstUnderline: changes.length > 0 ? changes[0].t - dcl : null,
      allUnderlined: changes.length > 0 ? changes[changes.length - 1].t - dcl : null,
      ranges: changes.length > 0 ? changes[changes.length - 1].total : 0,
      longest: Math.max(0, ...durations),
      longTasks: durations.filter((d) => d > LONG_TASK_MS).length,
    };
  } finally {
    await page.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; isMainFrame?: boolean } };
}

async function collectTrace(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  // The protocol types events as string maps; these fields are what Chromium's trace format puts there.
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  await during();
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

interface LongTasks {
  count: number;
  longest: number;
}

export interface TraceSummary {
  /** Long tasks that ran content-script code. */
  script: LongTasks;
  /**
   * Long tasks spent mostly in style, layout, pre-paint and paint, after the
   * content script started (with the extension) or after `load` (without):
   * Chromium revalidates every registered highlight range in the frame after
   * any change, so underlining shows up here rather than in script.
   */
  render: LongTasks;
  /** When the content script first ran, in ms after DOMContentLoaded (null without the extension). */
  scriptStart: number | null;
}

const RENDER_PHASES = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer']);

/** Classifies the long top-level tasks of the page's renderer main thread. */
export function summariseTrace(events: TraceEvent[], pageUrl: string): TraceSummary {
  const commit = events.find((e) => e.name === 'CommitLoad' && e.args?.data?.url === pageUrl);
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === commit?.pid);
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && (e.ph === 'X' || e.ph === 'I' || e.ph === 'R'));
  const isExtension = (e: TraceEvent) => e.args?.data?.url?.startsWith('chrome-extension://') === true;
  const firstExtension = onMain.find(isExtension)?.ts;
  const since = firstExtension ?? onMain.find((e) => e.name === 'MarkLoad' && e.args?.data?.isMainFrame !== false)?.ts ?? 0;
  // Iframes have their own DOMContentLoaded, often earlier than the page's.
  const dcl = onMain.find((e) => e.name === 'MarkDOMContent' && e.args?.data?.isMainFrame !== false)?.ts;
  const scriptStart = firstExtension !== undefined && dcl !== undefined ? (firstExtension - dcl) / 1000 : null;
  const summary: TraceSummary = { script: { count: 0, longest: 0 }, render: { count: 0, longest: 0 }, scriptStart };
  const note = (into: LongTasks, ms: number) => {
    into.count++;
    into.longest = Math.max(into.longest, ms);
  };
  for (const task of onMain) {
    const dur = task.dur ?? 0;
    if (task.name !== 'RunTask' || dur < LONG_TASK_MS * 1000) continue;
    const inside = onMain.filter((e) => e.ts >= task.ts && e.ts < task.ts + dur && e !== task);
    if (inside.some(isExtension)) note(summary.script, dur / 1000);
    else if (task.ts >= since) {
      const rendering = inside.filter((e) => RENDER_PHASES.has(e.name)).reduce((total, e) => total + (e.dur ?? 0), 0);
      if (rendering > dur / 2) note(summary.render, dur / 1000);
    }
  }
  return summary;
}

async function tracedLoad(context: BrowserContext, url: string): Promise<TraceSummary> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const events = await collectTrace(cdp, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await sleep(QUIET_MS + 1000);
    });
    await cdp.detach();
    return summariseTrace(events, url);
  } finally {
    await page.close();
  }
}

export interface ResponsivenessOptions {
  ext: ChromiumExtension;
  pages: readonly BenchPage[];
  runs(page: BenchPage): number;
  probe: string;
  log(line: string): void;
}

export async function measureResponsiveness(options: ResponsivenessOptions): Promise<ResponsivenessRow[]> {
  const server = await servePages(options.pages, OFFLINE_HEADERS);
  const plain = await launchPlain();
  const rows: ResponsivenessRow[] = [];
  try {
    const baseline = await newContext(plain);
    for (const bench of options.pages) {
      const url = server.url + bench.path;
      const withExt: LoadSample[] = [];
      const without: LoadSample[] = [];
      // Alternate, so a slow moment of the machine hits both sides alike.
      for (let run = 0; run < options.runs(bench); run++) {
        withExt.push(await loadOnce(options.ext.context, url, options.probe));
        without.push(await loadOnce(baseline, url, options.probe));
      }
      const tracedWith = await tracedLoad(options.ext.context, url);
      const tracedWithout = await tracedLoad(baseline, url);
      const nullableMedian = (values: (number | null)[]) => {
        const present = values.filter((v): v is number => v !== null);
        return present.length > 0 ? median(present) : null;
      };
      const row: ResponsivenessRow = {
        page: bench.id,
        runs: withExt.length,
        dcl: median(withExt.map((s) => s.dcl)),
        firstUnderline: nullableMedian(withExt.map((s) => s.firstUnderline)),
        allUnderlined: nullableMedian(withExt.map((s) => s.allUnderlined)),
        ranges: median(withExt.map((s) => s.ranges)),
        longestWith: median(withExt.map((s) => s.longest)),
        longestWithout: median(without.map((s) => s.longest)),
        longTasksWith: median(withExt.map((s) => s.longTasks)),
        longTasksWithout: median(without.map((s) => s.longTasks)),
        tracedWith,
        tracedWithout,
      };
      options.log(
        `  load ${bench.id}: all underlined ${row.allUnderlined?.toFixed(0) ?? '–'} ms after DCL, longest task ${row.longestWith.toFixed(0)} (without ext ${row.longestWithout.toFixed(0)}), long tasks in content script ${tracedWith.script.count} (longest ${tracedWith.script.longest.toFixed(0)} ms), rendering ${tracedWith.render.count} vs ${tracedWithout.render.count} without (longest ${tracedWith.render.longest.toFixed(0)} ms)`,
      );
      rows.push(row);
    }
  } finally {
    await plain.close();
    await server.close();
  }
  return rows;
}
