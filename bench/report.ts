/** Turns the measurements into tables and checks them against the issues' targets. */
import { type BigPageBench, bigPageTargets } from './big-page';
import type { LibraryImportBench } from './library-import';
import type { StoreRow } from './corpus-store';
import type { LibraryBench } from './library';
import { type LibraryBrowserBench, libraryBrowserTargets } from './library-browser';
import type { NameTableRow } from './name-table';
import type { IncrementalSummary } from './incremental';
import type { ScanRow } from './page-scan';
import type { PopupResult } from './popup';
import type { ResponsivenessRow } from './responsiveness';
import type { SearchScaleRow } from './search-scale';
import { bytes, count, ms, ratio, type Row } from './stats';
import type { HeapRow, BundleLoad, SizeInfo } from './weight';

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  chromium: string;
  node: string;
  playwright: string;
  commit: string | null;
  date: string;
  mode: 'full' | 'smoke';
  /** 1-minute load average at start and end: other work on the machine skews timings. */
  loadAverage: { start: number; end: number | null };
}

export interface Results {
  machine: Machine;
  notes: string[];
  scan: ScanRow[];
  /** mark.js cap, ms. */
  markCapMs: number;
  markKeywords: number;
  responsiveness: ResponsivenessRow[];
  incremental: IncrementalSummary | null;
  weight: { contentScript: SizeInfo | null; heap: HeapRow[]; seedBundle: BundleLoad } | null;
  popup: PopupResult | null;
  search: SearchScaleRow[];
  names: NameTableRow[];
  store: StoreRow[];
  library: LibraryBench | null;
  /** The library in Chromium with the real build (issue 12's targets). */
  libraryBrowser: LibraryBrowserBench | null;
  /** The million-word page (issue 17). */
  bigPage: BigPageBench | null;
  /** A 40 MB import in Chromium (issue 17). */
  libraryImport: LibraryImportBench | null;
  targets: TargetCheck[];
}

export interface TargetCheck {
  target: string;
  measured: string;
  /** null: not measured in this run. */
  met: boolean | null;
}

export const LONG_PAGE = 'long-100k-words';

const mb = (n: number) => (n / 1024 / 1024).toFixed(2);
const ul = (v: number | null) => (v === null ? 'none' : ms(v));

export function scanRows(rows: readonly ScanRow[], capMs: number): Row[] {
  return rows.map((r) => ({
    page: r.page,
    KB: String(Math.round(r.bytes / 1024)),
    'text nodes': count(r.textNodes),
    'text chars': count(r.chars),
    names: String(r.mentions),
    'a floor ms': ms(r.a),
    'b detect ms (collect+match)': `${ms(r.b)} (${ms(r.bCollect)}+${ms(r.b - r.bCollect)})`,
    'b warm ms': ms(r.bWarm),
    'c underline ms': ms(r.c),
    'c longest task ms': ms(r.cLongest),
    'd mark.js ms': r.d === null ? `> ${capMs / 1000} s` : ms(r.d),
    'b/a': ratio(r.b / r.a),
    'c/a': ratio(r.c / r.a),
    'd/c': r.d === null ? `> ${ratio(capMs / r.c)}` : ratio(r.d / r.c),
    runs: r.dRuns === r.runs ? String(r.runs) : `${r.runs} (d: ${r.dRuns})`,
  }));
}

export function responsivenessRows(rows: readonly ResponsivenessRow[]): Row[] {
  return rows.map((r) => ({
    page: r.page,
    'DCL ms': ms(r.dcl),
    'script start (after DCL)': ms(r.tracedWith.scriptStart),
    'first underline (after DCL)': ul(r.firstUnderline),
    'all underlined (after DCL)': ul(r.allUnderlined),
    ranges: count(r.ranges),
    'longest task with / without ext': `${ms(r.longestWith)} / ${ms(r.longestWithout)}`,
    'tasks > 50 ms with / without': `${r.longTasksWith} / ${r.longTasksWithout}`,
    'content-script long tasks (longest)': `${r.tracedWith.script.count} (${ms(r.tracedWith.script.longest)})`,
    'rendering long tasks with / without (longest with)': `${r.tracedWith.render.count} / ${r.tracedWithout.render.count} (${ms(r.tracedWith.render.longest)})`,
  }));
}

export function incrementalRows(s: IncrementalSummary): Row[] {
  const f = s.frame;
  return [
    { measure: `paragraphs appended to "${s.page}" (one per frame)`, value: count(s.paragraphs) },
    { measure: 'flushes (onFlush)', value: count(f.flushes) },
    { measure: 'total flush + scan time', value: `${ms(f.totalMs)} ms` },
    { measure: 'per flush: median / p95', value: `${ms(f.perFlushMedian)} / ${ms(f.perFlushP95)} ms` },
    { measure: 'per flush: first tenth → last tenth (median)', value: `${ms(f.firstTenthMedian)} → ${ms(f.lastTenthMedian)} ms` },
    { measure: 'chars scanned per flush: first → last tenth', value: `${count(f.charsPerFlushFirst)} → ${count(f.charsPerFlushLast)}` },
    { measure: 'page text meanwhile', value: `${count(f.pageCharsStart)} → ${count(f.pageCharsEnd)} chars` },
    { measure: 'rendering after a flush: first → last tenth', value: `${ms(f.renderFirstTenth)} → ${ms(f.renderLastTenth)} ms` },
    { measure: 'same appends without our scanner', value: `${ms(f.controlRenderFirstTenth)} → ${ms(f.controlRenderLastTenth)} ms` },
    { measure: 'names added', value: count(f.mentionsAdded) },
    { measure: 'burst (back-to-back tasks): flushes, total to painted', value: `${s.burst.flushes}, ${ms(s.burst.totalMs)} ms` },
  ];
}

export function weightRows(w: NonNullable<Results['weight']>): Row[] {
  const rows: Row[] = [];
  if (w.contentScript) rows.push({ measure: 'content script (content.js) raw / gzip', value: `${bytes(w.contentScript.raw)} / ${bytes(w.contentScript.gzip)}` });
  for (const h of w.heap) {
    rows.push({ measure: `JS heap on "${h.page}": with / without extension`, value: `${mb(h.withExtension)} / ${mb(h.without)} MB → +${mb(h.extra)} MB (median of ${h.runs})` });
  }
  const b = w.seedBundle;
  rows.push({ measure: 'seeds bundle raw / gzip', value: `${bytes(b.size.raw)} / ${bytes(b.size.gzip)}` });
  rows.push({ measure: 'seeds bundle loadBundle (Node): time, heap', value: `${ms(b.loadMs)} ms, ${mb(b.heapBytes)} MB` });
  return rows;
}

export function nameTableRows(rows: readonly NameTableRow[]): Row[] {
  return rows.map((r) => ({
    entities: count(r.entities),
    'table raw': bytes(r.raw),
    'table gzip': bytes(r.gzip),
    'parse ms': ms(r.parseMs),
    'first scan ms': ms(r.firstScanMs),
    'warm scan ms': ms(r.scanMs),
  }));
}

export function searchRows(rows: readonly SearchScaleRow[]): Row[] {
  return rows.map((r) => ({
    articles: count(r.articles),
    statements: count(r.statements),
    words: count(r.words),
    terms: count(r.terms),
    'buildCorpus s': (r.corpusMs / 1000).toFixed(2),
    'buildIndex s': (r.indexMs / 1000).toFixed(2),
    'bundle raw MB': mb(r.bundleRaw),
    'bundle gzip MB': mb(r.bundleGzip),
    'index gzip MB': mb(r.indexGzip),
    'loadBundle ms': ms(r.loadMs),
    'heap MB': mb(r.heapBytes),
    'worst p95 ms': ms(Math.max(...r.queries.map((q) => q.p95))),
  }));
}

export function queryRows(rows: readonly SearchScaleRow[]): Row[] {
  const out: Row[] = [];
  for (const r of rows) {
    for (const q of r.queries) {
      out.push({
        articles: count(r.articles),
        query: `${q.query} (${q.kind})`,
        'cold ms': ms(q.coldMs),
        'p50 ms': ms(q.p50),
        'p95 ms': ms(q.p95),
        'names / statements / articles': `${q.names} / ${q.statements} / ${q.articles}`,
        'top name': q.topName ?? '–',
      });
    }
  }
  return out;
}

export function popupRows(p: PopupResult): Row[] {
  if (!p.measured || !p.cold || !p.warm) return [{ measure: 'popup first results', value: `not measured: ${p.reason}` }];
  const line = (t: NonNullable<PopupResult['cold']>) => `input ${ms(t.inputReady)} ms, results ${ms(t.firstResults)} ms (query → results ${ms(t.queryToResults)} ms)`;
  return [
    { measure: 'cold (service worker stopped)', value: line(p.cold) },
    { measure: `warm (median of ${p.warmRuns})`, value: line(p.warm) },
  ];
}

export function checkTargets(r: Omit<Results, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const none = (target: string, why = 'not measured in this run'): TargetCheck => ({ target, measured: why, met: null });

  if (r.scan.length > 0) {
    const over = r.scan.filter((s) => s.b / s.a > 3);
    const worst = r.scan.reduce((a, b) => (b.b / b.a > a.b / a.a ? b : a));
    const best = r.scan.reduce((a, b) => (b.b / b.a < a.b / a.a ? b : a));
    checks.push({
      target: '(b)/(a) ≤ 3 on every page',
      measured: `${ratio(best.b / best.a)} (${best.page}) to ${ratio(worst.b / worst.a)} (${worst.page}); over 3 on ${over.length} of ${r.scan.length} pages`,
      met: over.length === 0,
    });
  } else checks.push(none('(b)/(a) ≤ 3 on every page'));

  const long = r.scan.find((s) => s.page === LONG_PAGE);
  if (long) {
    const dc = (long.d ?? r.markCapMs) / long.c;
    checks.push({ target: 'd/c ≥ 100 on the long page', measured: long.d === null ? `> ${ratio(dc)} (mark.js past the cap)` : ratio(dc), met: dc >= 100 });
  } else checks.push(none('d/c ≥ 100 on the long page'));

  if (r.responsiveness.length > 0 || r.scan.length > 0) {
    const script = Math.max(0, ...r.responsiveness.map((x) => x.tracedWith.script.longest));
    const ours = r.scan.filter((s) => s.cLongest > 50);
    const worst = ours.reduce<ScanRow | null>((a, b) => (a === null || b.cLongest > a.cLongest ? b : a), null);
    const parts = [
      r.responsiveness.length > 0 ? `with the extension, tasks running content-script code: longest ${ms(script)} ms` : null,
      r.scan.length > 0 ? `(c) on quiet pages (all ours, incl. style recalc and highlight painting): over 50 ms on ${ours.map((s) => s.page).join(', ') || 'no page'}${worst ? `, longest ${ms(worst.cLongest)} ms` : ''}` : null,
    ];
    checks.push({ target: 'no long task > 50 ms caused by the extension', measured: parts.filter(Boolean).join('; '), met: script <= 50 && ours.length === 0 });
  } else checks.push(none('no long task > 50 ms caused by the extension'));

  const longLoad = r.responsiveness.find((x) => x.page === LONG_PAGE);
  checks.push(
    longLoad
      ? { target: 'all names underlined ≤ 200 ms after DOMContentLoaded (long page)', measured: `${ul(longLoad.allUnderlined)} ms`, met: (longLoad.allUnderlined ?? Number.POSITIVE_INFINITY) <= 200 }
      : none('all names underlined ≤ 200 ms after DOMContentLoaded (long page)'),
  );

  const content = r.weight?.contentScript;
  checks.push(content ? { target: 'content script ≤ 40 KB gzip', measured: bytes(content.gzip), met: content.gzip <= 40 * 1024 } : none('content script ≤ 40 KB gzip'));

  const heap = r.weight?.heap ?? [];
  if (heap.length > 0) {
    const worst = heap.reduce((a, b) => (b.extra > a.extra ? b : a));
    checks.push({ target: 'extra JS heap per tab ≤ 2 MB', measured: heap.map((h) => `${h.page} +${mb(h.extra)} MB`).join(', '), met: worst.extra <= 2 * 1024 * 1024 });
  } else checks.push(none('extra JS heap per tab ≤ 2 MB'));

  const k = r.search.find((s) => s.articles === 1000);
  if (k) {
    const p95 = Math.max(...k.queries.map((q) => q.p95));
    checks.push({ target: '1,000 articles: index ≤ 5 MB gzip', measured: `index ${mb(k.indexGzip)} MB, whole bundle ${mb(k.bundleGzip)} MB gzip`, met: k.indexGzip <= 5 * 1024 * 1024 });
    checks.push({ target: '1,000 articles: load ≤ 300 ms', measured: `${ms(k.loadMs)} ms`, met: k.loadMs <= 300 });
    checks.push({ target: '1,000 articles: query p95 ≤ 10 ms incl. fuzzy', measured: k.queries.map((q) => `${q.query} ${ms(q.p95)}`).join(', '), met: p95 <= 10 });
  } else for (const t of ['index ≤ 5 MB gzip', 'load ≤ 300 ms', 'query p95 ≤ 10 ms incl. fuzzy']) checks.push(none(`1,000 articles: ${t}`));

  const popup = r.popup;
  checks.push(
    popup?.measured && popup.warm && popup.cold
      ? { target: 'popup first results < 100 ms', measured: `warm ${ms(popup.warm.firstResults)} ms, cold ${ms(popup.cold.firstResults)} ms`, met: popup.warm.firstResults < 100 }
      : none('popup first results < 100 ms', popup?.reason ?? 'not measured in this run'),
  );
  checks.push(...libraryBrowserTargets(r.libraryBrowser));
  checks.push(...bigPageTargets(r.bigPage));
  const imported = r.libraryImport;
  const judged = imported !== null && imported.fileMB >= 40;
  checks.push(
    imported
      ? {
          target: 'a card answers in ≤ 100 ms while a 40 MB import runs (p95, Chromium)',
          measured: `${ms(imported.cardMs.during.p95)} ms (max ${ms(imported.cardMs.during.max)}; ${imported.fileMB.toFixed(1)} MB in ${imported.importS.toFixed(0)} s)${judged ? '' : ': not judged below 40 MB'}`,
          met: judged ? imported.cardMs.during.p95 <= 100 : null,
        }
      : none('a card answers in ≤ 100 ms while a 40 MB import runs (p95, Chromium)'),
  );
  return checks;
}

export function targetRows(checks: readonly TargetCheck[]): Row[] {
  return checks.map((c) => ({ target: c.target, measured: c.measured, result: c.met === null ? 'n/a' : c.met ? 'met' : 'MISSED' }));
}
