import { createFrameTracker } from './frames';
import { MentionIndex } from './mention-index';
import { createChangeCollector } from './mutation-units';
import { createShadowTracker } from './shadow-roots';
import { idleSlice, now, scheduleFrame } from './scheduling';
import { createClassifier, isInsideSkipped } from './skip-rules';
import type { DetectFn, MentionLookup, MentionRange } from './types';
import { createUnitQueue } from './unit-queue';

export const DEFAULT_OWN_TAG = 'iran-iraq-context-ui';

export interface PageScannerOptions {
  root: Node;
  detect: DetectFn;
  onAdd(items: MentionRange[]): void;
  onRemove(items: MentionRange[]): void;
  /** Mutations at or inside such nodes are ignored. Defaults to "inside an own-tag element". */
  isOwnNode?(node: Node): boolean;
  /** Tag names of our UI hosts, pruned from the text walk. Default: [DEFAULT_OWN_TAG]. */
  ownTagNames?: readonly string[];
  /** Time budget of one task of scanning work. */
  sliceMs?: number;
  /**
   * Subtrees to scan first when the scanner starts (the ones on screen); the
   * whole root follows, and what they found is not found twice.
   */
  firstUnits?(): Node[];
  /** Also scan same-origin iframes. Default true. */
  frames?: boolean;
  /** Also scan open shadow roots (web components' own text). Default true. */
  shadows?: boolean;
  /** Called once per mutation flush that had something to do (diagnostics, tests). */
  onFlush?(info: { units: number; removed: number }): void;
  /** Errors from `detect` or the callbacks; they never stop the scanner. */
  onError?(error: unknown): void;
}

export interface PageScanner extends MentionLookup {
  start(): void;
  /** Stops observing and drops every mention (through `onRemove`). */
  stop(): void;
  mentions(): MentionRange[];
  /** Resolves once no flush or scan work is pending. */
  idle(): Promise<void>;
  /** The open shadow roots being scanned, at any depth (hit testing must be told them). */
  shadowRoots(): ShadowRoot[];
}

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['hidden', 'contenteditable'],
};

export function createPageScanner(options: PageScannerOptions): PageScanner {
  const { root, detect } = options;
  const sliceMs = options.sliceMs ?? 16;
  const ownTagNames = options.ownTagNames ?? [DEFAULT_OWN_TAG];
  const isOwnNode = options.isOwnNode ?? ownTagMatcher(ownTagNames);
  const report = options.onError ?? rethrowLater;
  const doc = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
  const classify = createClassifier({ ownTagNames });
  const index = new MentionIndex();
  const changes = createChangeCollector(root, classify, isOwnNode);
  const frames = createFrameTracker((frameDoc) => startChild(frameDoc), isOwnNode);
  const shadows = createShadowTracker(
    (shadowRoot) => startChild(shadowRoot),
    (host) => !isOwnNode(host) && !isInsideSkipped(host, root, classify),
  );
  const units = createUnitQueue({ root, detect, index, classify, ownTagNames, sliceMs, report });
  let observer: MutationObserver | null = null;
  let cancelFlush: (() => void) | null = null;
  let draining: Promise<void> | null = null;

  function startChild(childRoot: Document | ShadowRoot): PageScanner {
    const child = createPageScanner({ ...options, root: childRoot, firstUnits: undefined });
    child.start();
    return child;
  }

  /**
   * Our callbacks may change the DOM (the underline stylesheet, as a `<style>` where adopted sheets are refused); records queued
   * meanwhile are ours and are dropped, or they would trigger a re-scan loop.
   * Records already queued before are the page's and are kept.
   */
  function callback(fn: (items: MentionRange[]) => void, items: MentionRange[]): void {
    if (items.length === 0) return;
    absorbPendingRecords();
    try {
      fn(items);
    } catch (error) {
      report(error);
    }
    observer?.takeRecords();
  }

  function absorbPendingRecords(): void {
    const pending = observer?.takeRecords() ?? [];
    if (pending.length > 0 && changes.addRecords(pending)) requestFlush();
  }

  function requestFlush(): void {
    cancelFlush ??= scheduleFrame(doc.defaultView, flush);
  }

  function flush(): void {
    cancelFlush = null;
    if (!observer) return;
    const pending = observer.takeRecords();
    if (pending.length > 0) changes.addRecords(pending);
    const change = changes.take();
    // A mention goes stale when one of its nodes left the page, which only a removal does. Text taken out: its own
    // mentions (a moved node is connected again and stays). An element taken out: every mention is checked, since
    // nodes may have left its subtree too before we look. Edits of text alone (a ticker, a live page) check nothing.
    const stale = new Set<MentionRange>();
    const candidates = change.removed.some((node) => node.nodeType === 1) ? index.all() : change.removed.flatMap(mentionsUnder);
    for (const item of candidates) if (item.nodes.some((n) => !n.isConnected)) stale.add(item);
    for (const unit of change.units) for (const item of mentionsUnder(unit)) stale.add(item);
    index.remove([...stale]);
    callback(options.onRemove, [...stale]);
    units.enqueue(change.units);
    if (options.frames !== false) {
      frames.prune();
      frames.discover(change.added);
    }
    if (options.shadows !== false) {
      shadows.prune();
      shadows.discover(change.added);
    }
    options.onFlush?.({ units: change.units.length, removed: stale.size });
    kick();
  }

  function rediscoverShadows(): void {
    if (observer) shadows.discover((root as ParentNode).children);
  }

  function mentionsUnder(unit: Node): MentionRange[] {
    if (index.size === 0) return [];
    if (unit.nodeType === 3) return [...index.mentionsIn(unit as Text)];
    if (unit.nodeType !== 1 && unit.nodeType !== 9 && unit.nodeType !== 11) return [];
    const found: MentionRange[] = [];
    const walker = doc.createTreeWalker(unit, 0x4);
    for (let node = walker.currentNode; node; node = walker.nextNode() as Node) {
      if (node.nodeType === 3) found.push(...index.mentionsIn(node as Text));
    }
    return found;
  }

  function kick(): void {
    draining ??= drain().finally(() => {
      draining = null;
    });
  }

  /**
   * The first slice runs at once (what changed, or what is on screen, gets
   * underlined without waiting); the rest in the page's idle time.
   */
  async function drain(): Promise<void> {
    // Callbacks never run synchronously inside start() or a caller's stack.
    await Promise.resolve();
    const started = now();
    let left = () => started + sliceMs - now();
    while (observer && units.hasWork()) {
      const added: MentionRange[] = [];
      while (observer && left() > 0 && units.hasWork()) units.step(added);
      callback(options.onAdd, added);
      if (units.hasWork()) left = await idleSlice(doc.defaultView, sliceMs);
    }
  }

  return {
    start() {
      if (observer) return;
      const View = doc.defaultView?.MutationObserver ?? MutationObserver;
      observer = new View((records) => {
        if (changes.addRecords(records)) requestFlush();
      });
      observer.observe(root, OBSERVE);
      let first: Node[] = [];
      try {
        first = options.firstUnits?.() ?? [];
      } catch (error) {
        report(error);
      }
      units.enqueue([...first, root]);
      if (options.frames !== false && 'querySelectorAll' in root) {
        frames.discover((root as ParentNode).querySelectorAll('iframe, frame'));
      }
      if (options.shadows !== false && 'children' in root) {
        shadows.discover((root as ParentNode).children);
        // Components defined by a script that loads later get their shadow roots then, with no mutation to see.
        if (doc.readyState !== 'complete') doc.defaultView?.addEventListener('load', rediscoverShadows, { once: true });
      }
      kick();
    },
    stop() {
      doc.defaultView?.removeEventListener('load', rediscoverShadows);
      observer?.disconnect();
      observer = null;
      cancelFlush?.();
      cancelFlush = null;
      units.clear();
      changes.take();
      frames.stop();
      shadows.stop();
      const items = index.all();
      index.clear();
      callback(options.onRemove, items);
    },
    mentions: () => [...index.all(), ...frames.mentions(), ...shadows.mentions()],
    mentionsIn(node) {
      const own = index.mentionsIn(node);
      if (own.length > 0 || node.getRootNode() === root) return own;
      const inFrame = frames.mentionsIn(node);
      return inFrame.length > 0 ? inFrame : shadows.mentionsIn(node);
    },
    shadowRoots: () => shadows.roots(),
    async idle() {
      // Records not yet delivered to our callback would otherwise be missed here.
      absorbPendingRecords();
      while (draining || cancelFlush) {
        if (draining) await draining;
        else await new Promise((resolve) => setTimeout(resolve, 4));
      }
      await frames.idle();
      await shadows.idle();
    },
  };
}

function ownTagMatcher(tags: readonly string[]): (node: Node) => boolean {
  const selector = tags.join(',');
  return (node) => {
    if (!selector) return false;
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return el !== null && el.closest(selector) !== null;
  };
}

/** Surfaces the error in the console without unwinding the scanner's own stack. */
function rethrowLater(error: unknown): void {
  setTimeout(() => {
    throw error;
  });
}
