/**
 * Init script for the responsiveness runs, installed before the page's own
 * scripts: long tasks and long animation frames from navigation start
 * (buffered), and, every frame, the total number of highlighted ranges in
 * CSS.highlights (shared by the page and the content script's isolated world),
 * so the moment the last name got underlined is known to a frame.
 */
import { type LongFrameEntry, PROBE_GLOBAL, type ProbeState } from './api';

interface ScriptTiming {
  sourceURL: string;
  invoker: string;
  duration: number;
}
type LongAnimationFrame = PerformanceEntry & { scripts?: ScriptTiming[] };

const state: ProbeState = { longTasks: [], longFrames: [], changes: [], stopped: false };
(globalThis as unknown as Record<string, ProbeState>)[PROBE_GLOBAL] = state;

function observe(type: string, onEntry: (entry: PerformanceEntry) => void): void {
  try {
    new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
  } catch {
    // An entry type this browser does not know: that column stays empty.
  }
}

observe('longtask', (e) => state.longTasks.push({ start: e.startTime, duration: e.duration }));
observe('long-animation-frame', (e) => {
  const scripts = ((e as LongAnimationFrame).scripts ?? []).map((s) => ({ url: s.sourceURL, invoker: s.invoker, duration: s.duration }));
  const frame: LongFrameEntry = { start: e.startTime, duration: e.duration, scripts };
  state.longFrames.push(frame);
});

let last = 0;
const tick = (): void => {
  let total = 0;
  const registry = (globalThis as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
  if (registry) for (const highlight of registry.values()) total += highlight.size;
  if (total !== last) {
    last = total;
    state.changes.push({ t: performance.now(), total });
  }
  if (!state.stopped) requestAnimationFrame(tick);
};
requestAnimationFrame(tick);
