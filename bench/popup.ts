/**
 * Popup first results: chrome-extension://ID/popup.html opened in a tab of
 * the browser with the extension; an init script (in-page/popup-probe.ts)
 * types "Zarif" the moment the search box exists and notes when the first
 * result option appears. Times are from navigation start, and include the
 * popup's own typing debounce. Cold: the service worker was stopped first, so
 * the query also pays its start-up and the corpus bundle load.
 */
import type { ChromiumExtension } from '../e2e/support/chromium';
import { sleep } from './browser';
import { PROBE_GLOBAL, type PopupProbeState } from './in-page/api';
import { median } from './stats';

export interface PopupTiming {
  inputReady: number;
  firstResults: number;
  /** From the typed query to its first result option. */
  queryToResults: number;
  options: number;
}

export interface PopupResult {
  measured: boolean;
  reason: string | null;
  cold: PopupTiming | null;
  warm: PopupTiming | null;
  warmRuns: number;
}

const WAIT_MS = 10_000;

async function openOnce(ext: ChromiumExtension, probe: string, waitMs: number): Promise<PopupTiming | string> {
  const page = await ext.context.newPage();
  try {
    await page.addInitScript({ content: probe });
    await page.goto(ext.extensionUrl('popup.html'), { waitUntil: 'load' });
    const deadline = Date.now() + waitMs;
    let state: PopupProbeState | null = null;
    while (Date.now() < deadline) {
      state = (await page.evaluate(`globalThis.${PROBE_GLOBAL} ?? null`)) as PopupProbeState | null;
      if (state?.resultsAt !== null && state?.resultsAt !== undefined) break;
      await sleep(50);
    }
    if (!state) return 'the probe did not run in the popup page';
    if (state.inputAt === null || state.typedAt === null) return 'no input#search in popup.html';
    if (state.resultsAt === null) return `no [role="option"] within ${waitMs / 1000} s of typing`;
    return { inputReady: state.inputAt, firstResults: state.resultsAt, queryToResults: state.resultsAt - state.typedAt, options: state.options };
  } finally {
    await page.close();
  }
}

/** `waitMs`: how long a run may wait for the first result (a background that rebuilds a large library before answering needs longer). */
export async function measurePopup(ext: ChromiumExtension, probe: string, warmRuns: number, waitMs = WAIT_MS): Promise<PopupResult> {
  const fail = (reason: string): PopupResult => ({ measured: false, reason, cold: null, warm: null, warmRuns: 0 });
  try {
    await ext.stopServiceWorker();
  } catch (error) {
    return fail(`could not stop the service worker: ${String(error)}`);
  }
  const cold = await openOnce(ext, probe, waitMs);
  if (typeof cold === 'string') return fail(cold);
  const warm: PopupTiming[] = [];
  for (let run = 0; run < warmRuns; run++) {
    const timing = await openOnce(ext, probe, waitMs);
    if (typeof timing === 'string') return fail(timing);
    warm.push(timing);
  }
  const pick = (key: keyof PopupTiming) => median(warm.map((w) => w[key]));
  return {
    measured: true,
    reason: null,
    cold,
    warm: { inputReady: pick('inputReady'), firstResults: pick('firstResults'), queryToResults: pick('queryToResults'), options: pick('options') },
    warmRuns,
  };
}
