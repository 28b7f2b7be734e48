/**
 * Which underlines the browser holds at a time. Every highlighted range costs
 * the page on each frame that follows a change to its DOM (Chromium checks
 * every registered range again then, a few µs each: 80,000 ranges made a
 * page's own 70 ms frames 350 ms), and every live Range on each edit. So a
 * page with more names than `registerAll` gets only those on and near the
 * screen registered: within `margin` viewport heights above and below, as the
 * reader scrolls; the rest wait, without a live Range, until they come near.
 *
 * Mentions are kept in groups of neighbours in reading order (a few elements,
 * a few dozen mentions, as the scanner found them), and a group's extent on
 * screen is read from its first and last mention's elements: two layout
 * reads a group, however many names it holds. Text in normal flow between the
 * two lies between them on screen, so a group shown in part is registered
 * whole. Each document (a same-origin frame has its own) is judged by its own
 * viewport.
 */
import type { Highlighter } from './highlighter';
import { now, scheduleFrame } from './scheduling';
import type { MentionRange } from './types';

export interface UnderlineWindowOptions {
  highlighter: Pick<Highlighter, 'add' | 'remove' | 'reclaim'>;
  /** Aborting it stops listening; the caller clears the highlighter. */
  signal: AbortSignal;
  /** Up to this many mentions are all registered, wherever they are. */
  registerAll?: number;
  /** Viewport heights above and below the screen whose underlines are registered too. */
  margin?: number;
}

export interface UnderlineWindow {
  add(items: readonly MentionRange[]): void;
  remove(items: readonly MentionRange[]): void;
  /** The mentions registered with the browser now. */
  registered(): MentionRange[];
  /** Resolves after the next evaluation (tests, the bench). */
  settled(): Promise<void>;
}

const GROUP_MENTIONS = 32;
const GROUP_ELEMENTS = 8;
/** At most one look at every group per this long while the reader scrolls. */
const SCROLL_EVERY_MS = 100;

interface Group {
  doc: Document;
  items: MentionRange[];
  registered: boolean;
}

/** The element whose box stands for where a mention is; its range's box when its text sits right under a shadow root. */
function boxOf(item: MentionRange, first: boolean): DOMRect {
  const node = item.nodes[first ? 0 : item.nodes.length - 1] as Text;
  return node.parentElement ? node.parentElement.getBoundingClientRect() : item.range.getBoundingClientRect();
}

export function createUnderlineWindow(options: UnderlineWindowOptions): UnderlineWindow {
  const { highlighter, signal } = options;
  const registerAll = options.registerAll ?? 300;
  const margin = options.margin ?? 1;
  const groups = new Set<Group>();
  const groupOf = new Map<MentionRange, Group>();
  const fresh = new Set<Group>();
  const watched = new Set<Document>();
  /** The window whose frames pace the evaluations: the first document's. */
  let pace: Window | null = null;
  let total = 0;
  /** Whether the last evaluation registered everything (few mentions) rather than what is near. */
  let allAtLastLook = true;
  let lookAtAll = false;
  let lastFullLook = Number.NEGATIVE_INFINITY;
  let cancel: (() => void) | null = null;
  const waiters: (() => void)[] = [];

  const isNear = (group: Group): boolean => {
    const first = group.items[0] as MentionRange;
    const last = group.items[group.items.length - 1] as MentionRange;
    if (!first.nodes[0]?.isConnected) return false;
    const a = boxOf(first, true);
    const b = first === last ? a : boxOf(last, false);
    const top = Math.min(a.top, b.top);
    const bottom = Math.max(a.bottom, b.bottom);
    if (a.width + a.height + b.width + b.height === 0) return false;
    const height = group.doc.defaultView?.innerHeight ?? 0;
    return bottom >= -margin * height && top <= height * (1 + margin);
  };

  const evaluate = (): void => {
    cancel = null;
    if (signal.aborted) return;
    highlighter.reclaim();
    const all = total <= registerAll;
    const full = lookAtAll || all !== allAtLastLook;
    if (full) lastFullLook = now();
    const adds: MentionRange[] = [];
    const drops: MentionRange[] = [];
    for (const group of full ? groups : fresh) {
      const near = all || isNear(group);
      if (near === group.registered) continue;
      group.registered = near;
      (near ? adds : drops).push(...group.items);
    }
    fresh.clear();
    lookAtAll = false;
    allAtLastLook = all;
    if (drops.length > 0) {
      highlighter.remove(drops);
      for (const item of drops) item.release();
    }
    if (adds.length > 0) highlighter.add(adds);
    for (const resolve of waiters.splice(0)) resolve();
  };

  const schedule = (everything: boolean): void => {
    if (signal.aborted) return;
    if (everything) lookAtAll = true;
    if (cancel) return;
    const wait = lookAtAll ? Math.max(0, lastFullLook + SCROLL_EVERY_MS - now()) : 0;
    if (wait === 0) {
      cancel = scheduleFrame(pace, evaluate);
      return;
    }
    const timer = setTimeout(() => {
      cancel = scheduleFrame(pace, evaluate);
    }, wait);
    cancel = () => clearTimeout(timer);
  };

  const watch = (doc: Document): void => {
    if (watched.has(doc)) return;
    watched.add(doc);
    const win = doc.defaultView;
    if (!win) return;
    // The top window if there is one among ours: a removed frame's window has no frames any more.
    if (!pace || win.parent === win) pace = win;
    const everything = () => schedule(true);
    const again = () => schedule(false);
    // Capture: scrolling inside a scrollable box moves its text too, and its scroll event does not bubble.
    doc.addEventListener('scroll', everything, { capture: true, passive: true, signal });
    win.addEventListener('resize', everything, { passive: true, signal });
    // The reader's pointer or keys, or the tab shown again: cheap moments to put back what the page took away.
    doc.addEventListener('pointermove', again, { capture: true, passive: true, signal });
    doc.addEventListener('keydown', again, { capture: true, passive: true, signal });
    doc.addEventListener('visibilitychange', again, { signal });
    // Images loading, content growing: the text moved without a scroll.
    const ResizeObserverCtor = (win as Window & typeof globalThis).ResizeObserver;
    if (typeof ResizeObserverCtor === 'function' && doc.documentElement) {
      const observer = new ResizeObserverCtor(everything);
      observer.observe(doc.documentElement);
      signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    }
  };

  const cut = (items: readonly MentionRange[]): Group[] => {
    const made: Group[] = [];
    let group: Group | null = null;
    let elements = new Set<Element | null>();
    for (const item of items) {
      const doc = (item.nodes[0] as Text).ownerDocument as Document;
      const element = (item.nodes[0] as Text).parentElement;
      if (!group || group.doc !== doc || group.items.length >= GROUP_MENTIONS || (!elements.has(element) && elements.size >= GROUP_ELEMENTS)) {
        group = { doc, items: [], registered: false };
        elements = new Set();
        made.push(group);
      }
      group.items.push(item);
      elements.add(element);
    }
    return made;
  };

  signal.addEventListener(
    'abort',
    () => {
      cancel?.();
      cancel = null;
      for (const resolve of waiters.splice(0)) resolve();
    },
    { once: true },
  );

  return {
    add(items) {
      for (const group of cut(items)) {
        groups.add(group);
        fresh.add(group);
        watch(group.doc);
        for (const item of group.items) groupOf.set(item, group);
      }
      total += items.length;
      schedule(false);
    },
    remove(items) {
      const drops: MentionRange[] = [];
      for (const item of items) {
        const group = groupOf.get(item);
        if (!group) continue;
        groupOf.delete(item);
        total -= 1;
        group.items.splice(group.items.indexOf(item), 1);
        if (group.registered) drops.push(item);
        if (group.items.length === 0) {
          groups.delete(group);
          fresh.delete(group);
        }
      }
      if (drops.length > 0) highlighter.remove(drops);
      for (const item of items) item.release();
      // Fewer names may bring the page back under `registerAll`.
      if (total <= registerAll && !allAtLastLook) schedule(true);
    },
    registered() {
      return [...groups].filter((g) => g.registered).flatMap((g) => g.items);
    },
    settled() {
      if (!cancel && fresh.size === 0 && !lookAtAll) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
