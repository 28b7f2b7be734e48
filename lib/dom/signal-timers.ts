/**
 * A timeout and an animation frame that die with an AbortSignal, so whoever
 * tears a feature down by aborting cannot leave one of them running.
 */
export interface SignalTimer {
  /** Runs `fn` after `ms`, replacing whatever was pending. */
  set(fn: () => void, ms: number): void;
  clear(): void;
  pending(): boolean;
}

export function signalTimer(win: Window, signal: AbortSignal): SignalTimer {
  let id = 0;
  const clear = () => {
    if (id) win.clearTimeout(id);
    id = 0;
  };
  signal.addEventListener('abort', clear, { once: true });
  return {
    set(fn, ms) {
      clear();
      if (signal.aborted) return;
      id = win.setTimeout(() => {
        id = 0;
        fn();
      }, ms);
    },
    clear,
    pending: () => id !== 0,
  };
}

export interface SignalFrame {
  /** Runs `fn` at the next frame unless one is already asked for. */
  request(fn: () => void): void;
}

export function signalFrame(win: Window, signal: AbortSignal): SignalFrame {
  let id = 0;
  signal.addEventListener(
    'abort',
    () => {
      if (id) win.cancelAnimationFrame(id);
      id = 0;
    },
    { once: true },
  );
  return {
    request(fn) {
      if (id || signal.aborted) return;
      id = win.requestAnimationFrame(() => {
        id = 0;
        fn();
      });
    },
  };
}
