/** Helpers for splitting work into short tasks without depending on one browser's APIs. */

type SchedulerGlobal = { scheduler?: { yield?: () => Promise<void> } };

export function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * Lets input and rendering run before the next slice. `scheduler.yield()`
 * keeps our continuation's priority; a MessageChannel avoids the 4 ms clamp
 * nested `setTimeout(0)` gets; `setTimeout` is the last resort.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as SchedulerGlobal).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `callback` once at the next animation frame, or after `maxDelayMs` when
 * frames do not come (background tabs throttle rAF to zero). Returns a canceller.
 */
export function scheduleFrame(win: Window | null, callback: () => void, maxDelayMs = 200): () => void {
  let fired = false;
  const run = (): void => {
    if (fired) return;
    fired = true;
    cancel();
    callback();
  };
  const frame = typeof win?.requestAnimationFrame === 'function' ? win.requestAnimationFrame(run) : null;
  const timer = setTimeout(run, frame === null ? 16 : maxDelayMs);
  function cancel(): void {
    if (frame !== null) win?.cancelAnimationFrame(frame);
    clearTimeout(timer);
  }
  return () => {
    fired = true;
    cancel();
  };
}
