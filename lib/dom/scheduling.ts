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

type IdleWindow = Window & {
  requestIdleCallback?: (callback: (deadline: { timeRemaining(): number }) => void, options?: { timeout: number }) => number;
};

/**
 * Waits for the page's next idle period and resolves with a clock of the time
 * left in it, at most `maxMs`: scanning after the first slice runs when the
 * page has nothing else to do, so its own timers and frames come first. A busy
 * page still gets scanned: after `timeoutMs` the slice runs anyway, with
 * `maxMs`. Without `requestIdleCallback`, the next task, with `maxMs`.
 */
export function idleSlice(win: Window | null, maxMs: number, timeoutMs = 1000): Promise<() => number> {
  const request = (win as IdleWindow | null)?.requestIdleCallback;
  if (typeof request !== 'function') {
    return yieldToEventLoop().then(() => {
      const end = now() + maxMs;
      return () => end - now();
    });
  }
  return new Promise((resolve) => {
    request.call(
      win,
      (deadline) => {
        const end = now() + maxMs;
        // A timed-out callback has no idle time left; it still gets its slice.
        const idle = deadline.timeRemaining() > 0;
        resolve(() => (idle ? Math.min(deadline.timeRemaining(), end - now()) : end - now()));
      },
      { timeout: timeoutMs },
    );
  });
}
