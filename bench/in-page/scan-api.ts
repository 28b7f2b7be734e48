/**
 * Injected into bench pages: the extension's real detection and underlining
 * code, wired as entrypoints/content/page-context.ts wires it (same matcher
 * options, same scanner, highlighter and window of registered underlines,
 * same own-tag pruning), minus the hover card and the badge, which need the
 * extension's messaging.
 */
import table from 'virtual:name-table';
import { HOST_TAG } from '../../entrypoints/content/constants';
import { randomHighlightNames } from '../../lib/dom/highlight-styles';
import { createHighlighter } from '../../lib/dom/highlighter';
import { collectText } from '../../lib/dom/page-text';
import { createPageScanner, type PageScanner } from '../../lib/dom/scanner';
import { createUnderlineWindow, type UnderlineWindow } from '../../lib/dom/underline-window';
import { findMentions } from '../../lib/engine/matcher';
import { DEFAULT_SETTINGS, enabledTypes } from '../../lib/settings';
import { API_GLOBAL, type IncrementalBatch, type IncrementalOptions, type IncrementalResult, type ScanApi } from './api';

interface MarkOptions {
  accuracy: 'exactly';
  separateWordSearch: boolean;
  acrossElements: boolean;
  done(marks: number): void;
}
type LongAnimationFrame = PerformanceEntry & { renderStart: number };
type MarkCtor = new (context: Element) => { mark(keywords: string[], options: MarkOptions): void };

const types = enabledTypes(DEFAULT_SETTINGS);

/** Resolves after the next frame has been painted: rAF runs before paint, the task after it runs after. */
const paintedFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** A fresh task without setTimeout's 4 ms clamp on nested timers. */
const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

interface Hooks {
  onFlush?(): void;
  onDetect?(text: string): void;
}

function startScanner(hooks: Hooks = {}): PageScanner & { underlines: UnderlineWindow } {
  const confirmed = new Set<string>();
  const highlighter = createHighlighter(document, { names: randomHighlightNames(), underline: DEFAULT_SETTINGS.underline });
  const underlines = createUnderlineWindow({ highlighter, signal: new AbortController().signal });
  const scanner = createPageScanner({
    root: document,
    ownTagNames: [HOST_TAG],
    detect: (text) => {
      hooks.onDetect?.(text);
      return findMentions(text, table, { types, confirmed, strongOut: confirmed });
    },
    onAdd: (items) => underlines.add(items),
    onRemove: (items) => underlines.remove(items),
    onFlush: () => hooks.onFlush?.(),
    onError: (error) => console.error(error),
  });
  scanner.start();
  return Object.assign(scanner, { underlines });
}

const api: ScanApi = {
  async settle() {
    await paintedFrame();
    await paintedFrame();
  },

  floor() {
    const started = performance.now();
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes++;
      chars += (node as Text).data.length;
    }
    return { ms: performance.now() - started, nodes, chars };
  },

  detect() {
    const started = performance.now();
    const page = collectText(document, { ownTagNames: [HOST_TAG] });
    const collectMs = performance.now() - started;
    const confirmed = new Set<string>();
    const found = findMentions(page.text, table, { types, confirmed, strongOut: confirmed });
    return { ms: performance.now() - started, collectMs, chars: page.text.length, mentions: found.length };
  },

  async underline() {
    const longTasks: number[] = [];
    const scripts = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    // Chromium's long tasks leave out rendering; a long animation frame's render phase is that task.
    const frames = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LongAnimationFrame[]) {
        if (entry.renderStart > 0) longTasks.push(entry.startTime + entry.duration - entry.renderStart);
      }
    });
    scripts.observe({ type: 'longtask' });
    frames.observe({ type: 'long-animation-frame' });
    const started = performance.now();
    const scanner = startScanner();
    await scanner.idle();
    await scanner.underlines.settled();
    const scanMs = performance.now() - started;
    await paintedFrame();
    const ms = performance.now() - started;
    // Entries arrive after their task or frame; one more frame lets the last ones in.
    await paintedFrame();
    for (const observer of [scripts, frames]) observer.disconnect();
    return { ms, scanMs, mentions: scanner.mentions().length, longTasks: longTasks.filter((d) => d > 50) };
  },

  async mark(keywords) {
    const Mark = (globalThis as unknown as { Mark?: MarkCtor }).Mark;
    if (!Mark) throw new Error('mark.js is not loaded');
    const started = performance.now();
    let marks = 0;
    new Mark(document.body).mark(keywords, {
      accuracy: 'exactly',
      separateWordSearch: false,
      acrossElements: false,
      done: (n) => {
        marks = n;
      },
    });
    await paintedFrame();
    return { ms: performance.now() - started, marks };
  },

  async incremental(options: IncrementalOptions): Promise<IncrementalResult> {
    let flushes = 0;
    let chars = 0;
    const initialStart = performance.now();
    const scanner = options.control ? null : startScanner({ onFlush: () => flushes++, onDetect: (text) => (chars += text.length) });
    await scanner?.idle();
    const initialMs = performance.now() - initialStart;
    const initialMentions = scanner?.mentions().length ?? 0;
    let pageChars = chars;
    flushes = 0;
    chars = 0;
    const container = document.querySelector('article') ?? document.body;
    const append = (text: string) => {
      const p = document.createElement('p');
      p.textContent = text;
      container.append(p);
    };
    const batches: IncrementalBatch[] = [];
    const started = performance.now();
    for (const text of options.paragraphs) {
      await nextTask();
      if (options.mode === 'burst') {
        append(text);
        continue;
      }
      // rAF callbacks run in registration order: ours, then the scanner's flush
      // (requested from the MutationObserver microtask), then ours again after
      // the flush's own microtasks (the scan slice) have run.
      let from = 0;
      let to = 0;
      const before = { flushes, chars };
      requestAnimationFrame(() => {
        from = performance.now();
      });
      append(text);
      await Promise.resolve();
      await Promise.resolve();
      await new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          to = performance.now();
          resolve();
        }),
      );
      // The frame renders after its rAF callbacks; a task queued now runs once it has.
      const rendering = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 0));
      pageChars += text.length + 1;
      batches.push({ ms: to - from, flushes: flushes - before.flushes, chars: chars - before.chars, pageChars, renderMs: performance.now() - rendering });
    }
    await scanner?.idle();
    await paintedFrame();
    return { initialMs, initialMentions, batches, totalMs: performance.now() - started, flushes, chars, mentions: scanner?.mentions().length ?? 0 };
  },
};

(globalThis as unknown as Record<string, ScanApi>)[API_GLOBAL] = api;
