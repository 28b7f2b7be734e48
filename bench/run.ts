/**
 * The performance bench (`npm run bench`): page scan cost, responsiveness with
 * the built extension, incremental scanning, weight per tab, search at scale
 * and the popup's first results, all in Debian's Chromium (headless). Prints
 * tables and writes bench/results.json with the machine's description.
 *
 *   npm run bench                   full run (~12 min on 2 cores)
 *   npm run bench -- --smoke        one small page, one corpus size, one run (~25 s; for CI)
 *   npm run bench -- --only=scan,search   some sections: scan, load, incremental, weight, popup, search, names, store, library, library-browser, library-import
 *   npm run bench -- --only=library-import --import-mb=10   the import at another size (full: 40 MB; smoke: 0.5 MB)
 *   npm run bench -- --only=library-browser --library-articles=500   the reader's library in Chromium at another size (full: 2,000)
 *   npm run bench -- --only=big-page --compare-build=DIR   the 1M-word page with .output/chrome-mv3 and, in the same run, another build (e.g. the code before a change); --big-page-runs=N (default 3)
 *   npm run bench -- --markdown     also print the tables as markdown (for the README)
 *
 * It never builds: sections that need the extension use a copy of
 * .output/chrome-mv3 taken under the build lock, and are skipped without one.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { type ChromiumExtension, launchChromium } from '../e2e/support/chromium';
import { launchPlain } from './browser';
import { CHROMIUM_ARGS, CHROMIUM_PATH, gitCommit, RESULTS_FILE, snapshotBuild } from './env';
import { measureStoreAt, storeRows, storeTargets } from './corpus-store';
import { type BigPageBench, bigPageRows, measureBigPage } from './big-page';
import { measureIncremental } from './incremental';
import { measureLibrary } from './library';
import { libraryBrowserRows, measureLibraryBrowser } from './library-browser';
import { libraryImportRows, measureLibraryImport } from './library-import';
import { haveSharedCorpus, sharedCorpusMissing } from './library-material';
import { measureNameTables } from './name-table';
import { pageScripts } from './page-bundle';
import { measurePageScan } from './page-scan';
import { type BenchPage, generatedPages, sharedPages } from './pages';
import { measurePopup } from './popup';
import * as report from './report';
import { measureResponsiveness } from './responsiveness';
import { measureSearchAt } from './search-scale';
import { formatTable, markdownTable, type Row } from './stats';
import { contentScriptSize, measureBundleLoad, measureHeap, seedBundle } from './weight';

const SECTIONS = ['scan', 'load', 'incremental', 'weight', 'popup', 'search', 'names', 'store', 'library', 'library-browser', 'library-import', 'big-page'] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const onlyArg = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = new Set<Section>(onlyArg ? (onlyArg.split(',') as Section[]) : SECTIONS);
const MARK_CAP_MS = smoke ? 10_000 : 60_000;

const log = (line: string) => console.log(line);
const failures: string[] = [];

/** Runs one section; a failure is reported and the others still run. */
async function section<T>(name: Section, fn: () => Promise<T>): Promise<T | null> {
  if (!only.has(name)) return null;
  const started = Date.now();
  log(`\n▶ ${name}`);
  try {
    const value = await fn();
    log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    return value;
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    failures.push(`${name}: ${message}`);
    log(`  ✗ ${name} failed: ${message}`);
    return null;
  }
}

async function machine(): Promise<report.Machine> {
  const browser = await launchPlain();
  const chromium = browser.version();
  await browser.close();
  const require = createRequire(import.meta.url);
  const playwright = (require('playwright-core/package.json') as { version: string }).version;
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    chromium: `${chromium} (${CHROMIUM_PATH}, headless; ${CHROMIUM_ARGS.slice(0, 6).join(' ')})`,
    node: process.version,
    playwright,
    commit: gitCommit(),
    date: new Date().toISOString(),
    mode: smoke ? 'smoke' : 'full',
    loadAverage: { start: os.loadavg()[0], end: null },
  };
}

const big = (p: BenchPage) => p.bytes > 700_000 && p.html !== null;

async function main(): Promise<void> {
  const started = Date.now();
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`${CHROMIUM_PATH} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
    process.exitCode = 1;
    return;
  }
  const info = await machine();
  log(`bench (${info.mode}) on ${info.cpu}, ${info.cores} cores, ${info.memory}; Chromium ${info.chromium.split(' ')[0]}; Node ${info.node}`);
  const notes: string[] = [];
  const scripts = await pageScripts();
  const shared = smoke ? { pages: [], skipped: 'smoke mode: real pages not loaded' } : sharedPages();
  if (shared.skipped) notes.push(shared.skipped);
  const generated = generatedPages(smoke);
  const pages = [...generated, ...shared.pages];
  const byId = (id: string) => generated.find((p) => p.id === id);

  const scan =
    (await section('scan', () =>
      measurePageScan({ pages, runs: (p) => (smoke ? 1 : big(p) ? 3 : 5), capMs: MARK_CAP_MS, markBudgetMs: smoke ? 10_000 : 60_000, scripts, log }),
    )) ?? [];
  const incremental = await section('incremental', async () => measureIncremental(generated[0], smoke ? 100 : 1000, scripts));

  const needsBuild = only.has('load') || only.has('weight') || only.has('popup');
  const snapshot = needsBuild ? snapshotBuild() : null;
  if (needsBuild && !snapshot) notes.push('no build in .output/chrome-mv3 (run `flock /tmp/iic-build.lock npm run build`): load, heap and popup not measured');
  let ext: ChromiumExtension | null = null;
  const extension = async () => {
    if (!snapshot) throw new Error('no build to load');
    ext ??= await launchChromium(snapshot.dir);
    return ext;
  };
  let responsiveness: report.Results['responsiveness'] = [];
  let weight: report.Results['weight'] = null;
  let popup: report.Results['popup'] = null;
  try {
    if (snapshot) {
      responsiveness =
        (await section('load', async () =>
          measureResponsiveness({ ext: await extension(), pages, runs: (p) => (smoke ? 1 : p.html !== null ? 3 : 2), probe: scripts.loadProbe, log }),
        )) ?? [];
      popup = await section('popup', async () => measurePopup(await extension(), scripts.popupProbe, smoke ? 1 : 5));
    }
    weight = await section('weight', async () => {
      const heapPages = [byId('short'), byId(report.LONG_PAGE)].filter((p): p is BenchPage => p !== undefined);
      return {
        contentScript: snapshot ? contentScriptSize(snapshot.dir) : null,
        heap: snapshot ? await measureHeap(await extension(), heapPages, smoke ? 1 : 3) : [],
        seedBundle: measureBundleLoad(seedBundle(), smoke ? 3 : 20),
      };
    });
  } finally {
    await (ext as ChromiumExtension | null)?.close();
    snapshot?.dispose();
  }

  const search = (await section('search', async () => (smoke ? [100] : [100, 1000, 5000]).map((n) => measureSearchAt(n, smoke ? 10 : 30, log)))) ?? [];

  const names = (await section('names', async () => measureNameTables(smoke ? [1000] : [1000, 5000], smoke ? 3 : 15))) ?? [];
  const store =
    (await section('store', async () => {
      const rows = [];
      // The single-bundle baseline is not run at 20,000: it would hold well over a gigabyte, which is the point.
      const chosen = args.find((a) => a.startsWith('--store-sizes='))?.slice('--store-sizes='.length);
      const full = chosen ? chosen.split(',').map(Number) : [1000, 5000, 20000];
      const sizes = smoke ? [{ n: 100, baseline: true, chromium: false }] : full.map((n) => ({ n, baseline: n <= 5000, chromium: true }));
      for (const { n, baseline, chromium } of sizes) {
        rows.push(await measureStoreAt(n, { reps: smoke ? 3 : 20, baseline, chromium: chromium ? { probe: scripts.popupProbe } : null, log }));
      }
      return rows;
    })) ?? [];

  const library = await section('library', () => measureLibrary(smoke ? 20 : 2000, log));

  const libraryBrowser = await section('library-browser', async () => {
    if (!haveSharedCorpus) {
      notes.push(sharedCorpusMissing);
      return null;
    }
    const own = snapshotBuild();
    if (!own) {
      notes.push('no build in .output/chrome-mv3 (run `flock /tmp/iic-build.lock npm run build`): library-browser not measured');
      return null;
    }
    const chosen = Number(args.find((a) => a.startsWith('--library-articles='))?.slice('--library-articles='.length) ?? Number.NaN);
    const articles = smoke ? 20 : Number.isInteger(chosen) && chosen > 0 ? chosen : 2000;
    try {
      return await measureLibraryBrowser({
        buildDir: own.dir,
        articles,
        batchSize: smoke ? 10 : 250,
        saves: smoke ? 2 : 5,
        popupProbe: scripts.popupProbe,
        popupWarmRuns: smoke ? 1 : 3,
        log,
      });
    } finally {
      own.dispose();
    }
  });

  const libraryImport = await section('library-import', async () => {
    if (!haveSharedCorpus) {
      notes.push(sharedCorpusMissing.replace('library-browser', 'library-import'));
      return null;
    }
    const own = snapshotBuild();
    if (!own) {
      notes.push('no build in .output/chrome-mv3 (run `flock /tmp/iic-build.lock npm run build`): library-import not measured');
      return null;
    }
    const chosen = Number(args.find((a) => a.startsWith('--import-mb='))?.slice('--import-mb='.length) ?? Number.NaN);
    try {
      return await measureLibraryImport({ buildDir: own.dir, megabytes: smoke ? 0.5 : Number.isFinite(chosen) && chosen > 0 ? chosen : 40, log });
    } finally {
      own.dispose();
    }
  });

  const bigPage = await section('big-page', async (): Promise<BigPageBench | null> => {
    const own = snapshotBuild();
    if (!own) {
      notes.push('no build in .output/chrome-mv3 (run `flock /tmp/iic-build.lock npm run build`): big-page not measured');
      return null;
    }
    const compare = args.find((a) => a.startsWith('--compare-build='))?.slice('--compare-build='.length);
    try {
      return await measureBigPage({
        builds: [{ label: 'with the extension', dir: own.dir }, ...(compare ? [{ label: `with ${compare}`, dir: compare }] : [])],
        gapProbe: scripts.gapProbe,
        runs: smoke ? 1 : Number(args.find((a) => a.startsWith('--big-page-runs='))?.slice('--big-page-runs='.length) ?? 3),
        words: smoke ? 50_000 : 1_000_000,
        stormMs: smoke ? 1000 : 5000,
        log,
      });
    } finally {
      own.dispose();
    }
  });

  info.loadAverage.end = os.loadavg()[0];
  const partial = { machine: info, notes, scan, markCapMs: MARK_CAP_MS, markKeywords: scripts.keywords.length, responsiveness, incremental, weight, popup, search, names, store, library, libraryBrowser, libraryImport, bigPage };
  const results: report.Results = { ...partial, targets: report.checkTargets(partial) };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 1)}\n`);
  print(results);
  log(`\nwrote ${RESULTS_FILE} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (failures.length > 0) {
    log(`\n${failures.length} section(s) failed:\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

function print(r: report.Results): void {
  const tables: [string, Row[]][] = [
    [`1. Page scan cost (median; mark.js: ${r.markKeywords} names, cap ${r.markCapMs / 1000} s)`, report.scanRows(r.scan, r.markCapMs)],
    ['2. Page load with the extension (median; times in ms)', report.responsivenessRows(r.responsiveness)],
    ['3. Incremental scanning', r.incremental ? report.incrementalRows(r.incremental) : []],
    ['4. Weight', r.weight ? report.weightRows(r.weight) : []],
    ['5. Search at scale (Node)', report.searchRows(r.search)],
    ['5. Query latency (searchCorpus, warm p50/p95)', report.queryRows(r.search)],
    ['Popup first results (from navigation start)', r.popup ? report.popupRows(r.popup) : []],
    ['6. Name table in the content script (Node; first row: the seeds, the baseline)', report.nameTableRows(r.names)],
    ['7. Packaged corpus store vs the single bundle (issue 11)', storeRows(r.store)],
    [
      '8. The reader\'s library (Node, over fake-indexeddb: how it grows; browser times in library-browser)',
      r.library
        ? [
            { measure: 'one 2,000-word article saved into the filled library: analysis + transaction (target: ≤ 300 ms with extraction)', value: `${r.library.saveOneMs.toFixed(0)} ms` },
            { measure: `${r.library.articles} saved articles, after a restart: first search, card cold/warm, query p95`, value: `${r.library.firstSearchMs.toFixed(0)} ms, ${r.library.cardColdMs.toFixed(0)}/${r.library.cardWarmMs.toFixed(1)} ms, ${r.library.queryP95Ms.toFixed(0)} ms` },
            { measure: `${r.library.articles} saved articles: heap the library holds (target ≤ 60 MB)`, value: `${r.library.heapMB.toFixed(1)} MB` },
            { measure: 'baseline, the library analysed whole in memory: rebuild, heap, card, p95', value: `${(r.library.baseline.buildMs / 1000).toFixed(1)} s, ${r.library.baseline.heapMB.toFixed(0)} MB, ${r.library.baseline.cardMs.toFixed(0)} ms, ${r.library.baseline.queryP95Ms.toFixed(0)} ms` },
            { measure: 'filling it (batches of 50); their text', value: `${r.library.fillS.toFixed(1)} s; ${r.library.storedTextMB.toFixed(1)} MB` },
            {
              measure: 'content script: the library names it gets (entities, KB, parse); 200 KB pages matched without → with them: one naming them, one naming only bundled people',
              value: `${r.library.names.entities}, ${r.library.names.kb.toFixed(0)} KB, ${r.library.names.parseMs.toFixed(2)} ms; ${r.library.names.pageMs.without.toFixed(1)} → ${r.library.names.pageMs.with.toFixed(1)} ms; ${r.library.names.bundledPageMs.without.toFixed(1)} → ${r.library.names.bundledPageMs.with.toFixed(1)} ms`,
            },
          ]
        : [],
    ],
    [`9. The reader's library in Chromium (the real build and messages, ${r.libraryBrowser?.fill.articles.toLocaleString('en') ?? '–'} saved articles)`, r.libraryBrowser ? libraryBrowserRows(r.libraryBrowser) : []],
    ['10. A large import in Chromium (the options page, the import worker; issue 17)', r.libraryImport ? libraryImportRows(r.libraryImport) : []],
    [
      `11. A page of ${r.bigPage ? r.bigPage.words.toLocaleString('en') : '–'} words (issue 17): main-thread time and a 16 ms timer's gaps, at load and in a text-mutation storm (medians)`,
      r.bigPage ? bigPageRows(r.bigPage) : [],
    ],
    ['7. Targets at 5,000 articles', storeTargets(r.store).map((c) => ({ target: c.target, measured: c.measured, result: c.met === null ? 'n/a' : c.met ? 'met' : 'MISSED' }))],
    ['Targets', report.targetRows(r.targets)],
  ];
  const m = r.machine;
  const load = `load average ${m.loadAverage.start.toFixed(1)} → ${m.loadAverage.end?.toFixed(1) ?? '?'}`;
  log(`\nMachine: ${m.cpu}, ${m.cores} cores, ${m.memory}; Chromium ${m.chromium}; Node ${m.node}; playwright-core ${m.playwright}; ${m.date}${m.commit ? `; commit ${m.commit}` : ''}; ${load}`);
  for (const note of r.notes) log(`Note: ${note}`);
  for (const [title, rows] of tables) log(`\n${formatTable(title, rows)}`);
  if (args.includes('--markdown')) {
    log('\n---- markdown ----');
    for (const [title, rows] of tables) if (rows.length > 0) log(`\n**${title}**\n\n${markdownTable(rows)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
