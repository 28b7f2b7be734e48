/** Helpers for splitting work into short tasks without depending on one browser's APIs. */

export function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * Lets input, rendering and the page's own tasks run before the next slice.
 * A MessageChannel message is an ordinary task without the 4 ms clamp of nested
 * `setTimeout(0)`. Not `scheduler.yield()`: its continuations jump ahead of the
 * page's timers, which then starve until our whole scan is done (measured).
 */
export function yieldToEventLoop(): Promise<void> {
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
