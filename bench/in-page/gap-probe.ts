/**
 * Init script for the 1M-word page (bench/big-page.ts), installed before the
 * page's own content: a 16 ms timer, as a page's own animation or ticker would
 * run, notes when each tick actually ran, so a gap between two ticks is how
 * long the page's main thread was not its own; and, every tick, the number of
 * highlighted ranges in `CSS.highlights` (which the page shares with the
 * content script), so the bench sees underlines arrive. It also gives the
 * bench the page's text-mutation storm to start (`GapProbeState` is data only,
 * so the storm hangs on a global of its own).
 */
import { GAP_PROBE_GLOBAL, type GapProbeState, STORM_GLOBAL } from './api';

const state: GapProbeState = { ticks: [], ranges: 0 };
(globalThis as unknown as Record<string, GapProbeState>)[GAP_PROBE_GLOBAL] = state;

setInterval(() => {
  state.ticks.push(performance.now());
  let total = 0;
  const registry = (globalThis as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
  if (registry) for (const highlight of registry.values()) total += highlight.size;
  state.ranges = total;
}, 16);

/** Every 16 ms for `ms`, `perTick` paragraphs of the page's main content get the text of another; resolves when done. */
function storm(ms: number, perTick: number): Promise<void> {
  const paragraphs = [...document.querySelectorAll('main p')];
  const texts = paragraphs.slice(0, 400).map((p) => p.textContent ?? '');
  let seed = 11;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  return new Promise((resolve) => {
    const started = performance.now();
    const timer = setInterval(() => {
      for (let i = 0; i < perTick; i++) {
        const text = paragraphs[next() % paragraphs.length]?.firstChild;
        if (text && text.nodeType === 3) (text as Text).data = texts[next() % texts.length] ?? '';
      }
      if (performance.now() - started >= ms) {
        clearInterval(timer);
        resolve();
      }
    }, 16);
  });
}
(globalThis as unknown as Record<string, typeof storm>)[STORM_GLOBAL] = storm;
