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
 * a few dozen mentions, as the scanner found them), and a group's extent is
 * read from its first and last mention's elements: two layout reads a group,
 * however many names it holds. Text in normal flow between the two lies
 * between them on screen, so a group shown in part is registered whole. Each
 * document (a same-origin frame has its own) is judged by its own viewport.
 *
 * Reading every group's box costs a few ms on a huge page, so extents are kept
 * in document coordinates: while the reader scrolls, groups are judged from
 * them (no layout read); when the scrolling stops, and at most once a second
 * while the page keeps changing its layout, they are read again. New groups
 * get their boxes from an IntersectionObserver, after the browser's own
 * layout, never by forcing one: a page that rewrites its text every frame
 * would otherwise lay out twice a frame.
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
/** At most one look at every group, from the extents kept, per this long while the reader scrolls. */
const SCROLL_EVERY_MS = 100;
/** Extents read again this long after the last scroll... */
const SCROLL_SETTLED_MS = 200;
/** ...and at most once per this long while the page keeps changing its layout. */
const RELAYOUT_EVERY_MS = 1000;

interface Group {
  doc: Document;
  items: MentionRange[];
  registered: boolean;
  /** Its extent in document coordinates as last read; null before the first read or when not rendered. */
  extent: { top: number; bottom: number } | null;
  measured: boolean;
  /** Boxes delivered so far while it waits for its elements' boxes. */
  boxes: Map<Element, DOMRectReadOnly> | null;
}

/** How long a new group waits for its boxes before they are read directly (a tab that draws no frames gets none). */
const BOXES_WAIT_MS = 500;

/** What the next evaluation looks at: the new groups only, every group from the extents kept, every group read again. */
const FRESH = 0;
const KEPT = 1;
const READ = 2;
type Look = typeof FRESH | typeof KEPT | typeof READ;

/** The element whose box stands for where a mention is (null when its text sits right under a shadow root). */
function elementOf(item: MentionRange, first: boolean): Element | null {
  return (item.nodes[first ? 0 : item.nodes.length - 1] as Text).parentElement;
}

/** The box of a mention's element, or of its range when it has none. */
function boxOf(item: MentionRange, first: boolean): DOMRect {
  return elementOf(item, first)?.getBoundingClientRect() ?? item.range.getBoundingClientRect();
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
  /** When each kind of look is due (infinity: not asked for). */
  const dueAt: [number, number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  let armedFor = Number.POSITIVE_INFINITY;
  let lastKept = Number.NEGATIVE_INFINITY;
  let lastRead = Number.NEGATIVE_INFINITY;
  let cancel: (() => void) | null = null;
  let settleTimer = 0;
  const waiters: (() => void)[] = [];

  /**
   * Each document's scroll position and viewport height as last read. Reading them lays the page out when it
   * has changed since (scrollY does), so they are read again only after a scroll or a resize, and at a read of
   * every group, which lays the page out anyway; a page that only rewrites its text never has us lay it out.
   */
  const views = new Map<Document, { scrollY: number; height: number; stale: boolean }>();
  const viewOf = (doc: Document): { scrollY: number; height: number } => {
    let view = views.get(doc);
    if (!view) {
      view = { scrollY: 0, height: 0, stale: true };
      views.set(doc, view);
    }
    if (view.stale) {
      view.scrollY = doc.defaultView?.scrollY ?? 0;
      view.height = doc.defaultView?.innerHeight ?? 0;
      view.stale = false;
    }
    return view;
  };
  const viewMoved = (doc: Document): void => {
    const view = views.get(doc);
    if (view) view.stale = true;
  };

  /** Keeps the extent of two boxes read at the document's current scroll position; none for boxes of no size (not rendered). */
  const keepExtent = (group: Group, a: DOMRectReadOnly, b: DOMRectReadOnly): void => {
    group.measured = true;
    group.boxes = null;
    const scrollY = viewOf(group.doc).scrollY;
    group.extent = a.width + a.height + b.width + b.height === 0 ? null : { top: Math.min(a.top, b.top) + scrollY, bottom: Math.max(a.bottom, b.bottom) + scrollY };
  };

  const measure = (group: Group): void => {
    const first = group.items[0] as MentionRange;
    const last = group.items[group.items.length - 1] as MentionRange;
    if (!first.nodes[0]?.isConnected) {
      group.measured = true;
      group.boxes = null;
      group.extent = null;
      return;
    }
    const a = boxOf(first, true);
    keepExtent(group, a, first === last ? a : boxOf(last, false));
  };

  /** Groups waiting for the box of each element, and the observers that deliver them, one per document. */
  const waiting = new Map<Element, Set<Group>>();
  const observers = new Map<Document, IntersectionObserver>();
  let boxesTimer = 0;

  /** Registers or drops a group just judged, at once. */
  const judge = (list: readonly Group[]): void => {
    const all = total <= registerAll;
    const adds: MentionRange[] = [];
    const drops: MentionRange[] = [];
    for (const group of list) {
      if (!groups.has(group)) continue;
      const near = all || isNear(group, false);
      if (near === group.registered) continue;
      group.registered = near;
      (near ? adds : drops).push(...group.items);
    }
    apply(adds, drops);
  };

  const onBoxes = (entries: IntersectionObserverEntry[]): void => {
    const done: Group[] = [];
    for (const entry of entries) {
      const target = entry.target;
      for (const group of waiting.get(target) ?? []) {
        if (!group.boxes) continue;
        group.boxes.set(target, entry.boundingClientRect);
        const a = group.boxes.get(elementOf(group.items[0] as MentionRange, true) as Element);
        const b = group.boxes.get(elementOf(group.items[group.items.length - 1] as MentionRange, false) as Element);
        if (a && b) {
          keepExtent(group, a, b);
          done.push(group);
        }
      }
      waiting.delete(target);
      observers.get(target.ownerDocument)?.unobserve(target);
    }
    judge(done);
    settleIfIdle();
  };

  /** Asks for a new group's boxes; its text's elements are what the observer watches. */
  const askBoxes = (group: Group): void => {
    const first = elementOf(group.items[0] as MentionRange, true);
    const last = elementOf(group.items[group.items.length - 1] as MentionRange, false);
    const win = group.doc.defaultView as (Window & typeof globalThis) | null;
    if (!first || !last || typeof win?.IntersectionObserver !== 'function') {
      measure(group);
      return;
    }
    let observer = observers.get(group.doc);
    if (!observer) {
      observer = new win.IntersectionObserver(onBoxes);
      observers.set(group.doc, observer);
    }
    group.boxes = new Map();
    for (const element of new Set([first, last])) {
      let list = waiting.get(element);
      if (!list) {
        list = new Set();
        waiting.set(element, list);
        observer.observe(element);
      }
      list.add(group);
    }
    if (!boxesTimer) boxesTimer = setTimeout(readWaiting, BOXES_WAIT_MS) as unknown as number;
  };

  /** What the observer has not answered by now is read directly. */
  const readWaiting = (): void => {
    boxesTimer = 0;
    const late = new Set<Group>();
    for (const [element, list] of waiting) {
      for (const group of list) if (group.boxes) late.add(group);
      observers.get(element.ownerDocument)?.unobserve(element);
    }
    waiting.clear();
    for (const group of late) measure(group);
    judge([...late]);
    settleIfIdle();
  };

  /** Near the screen, by the extent kept (read again first with `read`); a group still waiting for its boxes is not judged here. */
  const isNear = (group: Group, read: boolean): boolean => {
    if (read) measure(group);
    if (!group.extent) return false;
    const { scrollY, height } = viewOf(group.doc);
    return group.extent.bottom - scrollY >= -margin * height && group.extent.top - scrollY <= height * (1 + margin);
  };

  const apply = (adds: MentionRange[], drops: MentionRange[]): void => {
    if (drops.length > 0) {
      highlighter.remove(drops);
      for (const item of drops) item.release();
    }
    if (adds.length > 0) highlighter.add(adds);
  };

  const settleIfIdle = (): void => {
    if (cancel === null && waiting.size === 0) for (const resolve of waiters.splice(0)) resolve();
  };

  const evaluate = (): void => {
    cancel = null;
    armedFor = Number.POSITIVE_INFINITY;
    if (signal.aborted) return;
    const t = now();
    const asked: Look = dueAt[READ] <= t ? READ : dueAt[KEPT] <= t ? KEPT : FRESH;
    // A look covers the lighter ones: reading every group judges every group, and the new ones too.
    for (let kind = FRESH; kind <= asked; kind++) dueAt[kind] = Number.POSITIVE_INFINITY;
    highlighter.reclaim();
    const all = total <= registerAll;
    const kind: Look = all !== allAtLastLook ? READ : asked;
    if (kind === READ) {
      lastRead = t;
      for (const doc of views.keys()) viewMoved(doc);
    }
    if (kind >= KEPT) lastKept = t;
    const adds: MentionRange[] = [];
    const drops: MentionRange[] = [];
    for (const group of kind === FRESH ? fresh : groups) {
      if (!all && kind !== READ && !group.measured) {
        // New, or still waiting: judged when its boxes come (a read of every group measures it at once).
        if (!group.boxes) askBoxes(group);
        if (!group.measured) continue;
      }
      const near = all || isNear(group, kind === READ);
      if (near === group.registered) continue;
      group.registered = near;
      (near ? adds : drops).push(...group.items);
    }
    fresh.clear();
    allAtLastLook = all;
    apply(adds, drops);
    arm();
    settleIfIdle();
  };

  /** Runs the next evaluation at the first frame once the earliest look asked for is due. */
  const arm = (): void => {
    const next = Math.min(...dueAt);
    if (next === Number.POSITIVE_INFINITY || (cancel && armedFor <= next)) return;
    cancel?.();
    armedFor = next;
    const wait = Math.max(0, next - now());
    if (wait === 0) {
      cancel = scheduleFrame(pace, evaluate);
      return;
    }
    const timer = setTimeout(() => {
      cancel = scheduleFrame(pace, evaluate);
    }, wait);
    cancel = () => clearTimeout(timer);
  };

  /** Asks for a look of this kind (or more) from `at` on. */
  const schedule = (kind: Look, at = now()): void => {
    if (signal.aborted) return;
    dueAt[kind] = Math.min(dueAt[kind], at);
    arm();
  };

  const onScroll = (event: Event): void => {
    const target = event.target as Node | null;
    viewMoved(target?.nodeType === 9 ? (target as Document) : ((target?.ownerDocument ?? null) as Document));
    schedule(KEPT, lastKept + SCROLL_EVERY_MS);
    // Boxes that move with the view (fixed, sticky, inside scrolled boxes) are right again once the scrolling stops.
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => schedule(READ), SCROLL_SETTLED_MS) as unknown as number;
  };
  const onRelayout = (): void => schedule(READ, lastRead + RELAYOUT_EVERY_MS);
  const onResize = (event: Event): void => {
    viewMoved(((event.target as Window | null)?.document ?? null) as Document);
    onRelayout();
  };
  const onReader = (): void => schedule(FRESH);

  const watch = (doc: Document): void => {
    if (watched.has(doc)) return;
    watched.add(doc);
    const win = doc.defaultView;
    if (!win) return;
    // The top window if there is one among ours: a removed frame's window has no frames any more.
    if (!pace || win.parent === win) pace = win;
    // Capture: scrolling inside a scrollable box moves its text too, and its scroll event does not bubble.
    doc.addEventListener('scroll', onScroll, { capture: true, passive: true, signal });
    win.addEventListener('resize', onResize, { passive: true, signal });
    // The reader's pointer or keys, or the tab shown again: cheap moments to put back what the page took away.
    doc.addEventListener('pointermove', onReader, { capture: true, passive: true, signal });
    doc.addEventListener('keydown', onReader, { capture: true, passive: true, signal });
    doc.addEventListener('visibilitychange', onReader, { signal });
    // Images loading, content growing: the text moved without a scroll.
    const ResizeObserverCtor = (win as Window & typeof globalThis).ResizeObserver;
    if (typeof ResizeObserverCtor === 'function' && doc.documentElement) {
      const observer = new ResizeObserverCtor(onRelayout);
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
        group = { doc, items: [], registered: false, extent: null, measured: false, boxes: null };
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
      clearTimeout(settleTimer);
      clearTimeout(boxesTimer);
      for (const observer of observers.values()) observer.disconnect();
      waiting.clear();
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
      schedule(FRESH);
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
      if (total <= registerAll && !allAtLastLook) schedule(FRESH);
    },
    registered() {
      return [...groups].filter((g) => g.registered).flatMap((g) => g.items);
    },
    settled() {
      if (!cancel && waiting.size === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
