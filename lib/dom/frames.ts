import type { MentionLookup, MentionRange } from './types';

/** What the frame tracker needs from a scanner running inside a frame. */
export interface FrameScanner extends MentionLookup {
  stop(): void;
  mentions(): MentionRange[];
  idle(): Promise<void>;
}

export interface FrameTracker extends MentionLookup {
  /** Looks for frames at or below each element. */
  discover(elements: Iterable<Element>): void;
  /** Stops scanners (dropping their mentions) of frames that left the document. */
  prune(): void;
  mentions(): MentionRange[];
  idle(): Promise<void>;
  /** Stops every frame scanner and drops its mentions. */
  stop(): void;
}

interface TrackedFrame {
  doc: Document | null;
  scanner: FrameScanner | null;
  onLoad: () => void;
}

const FRAME_SELECTOR = 'iframe, frame';

/** A frame's document when same-origin; cross-origin access yields null (or throws in old engines). */
export function accessibleDocument(frame: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    const doc = frame.contentDocument;
    return doc?.documentElement ? doc : null;
  } catch {
    return null;
  }
}

/**
 * Runs one scanner per same-origin frame and restarts it on every `load`,
 * since navigation (including the initial about:blank → src swap) replaces
 * the frame's document and with it every node our ranges pointed into.
 */
export function createFrameTracker(startScanner: (doc: Document) => FrameScanner, isOwnNode: (node: Node) => boolean): FrameTracker {
  const frames = new Map<HTMLIFrameElement | HTMLFrameElement, TrackedFrame>();

  /** A scanner reports its own mentions as removed when stopped: reporting them here too counted them twice. */
  const stopScanner = (entry: TrackedFrame): void => {
    entry.scanner?.stop();
    entry.scanner = null;
  };

  const refresh = (frame: HTMLIFrameElement | HTMLFrameElement, entry: TrackedFrame): void => {
    const doc = accessibleDocument(frame);
    if (doc === entry.doc && entry.scanner) return;
    stopScanner(entry);
    entry.doc = doc;
    if (doc) entry.scanner = startScanner(doc);
  };

  const track = (frame: HTMLIFrameElement | HTMLFrameElement): void => {
    if (frames.has(frame) || isOwnNode(frame)) return;
    const entry: TrackedFrame = { doc: null, scanner: null, onLoad: () => refresh(frame, entry) };
    frames.set(frame, entry);
    frame.addEventListener('load', entry.onLoad);
    refresh(frame, entry);
  };

  const untrack = (frame: HTMLIFrameElement | HTMLFrameElement, entry: TrackedFrame): void => {
    frame.removeEventListener('load', entry.onLoad);
    stopScanner(entry);
    frames.delete(frame);
  };

  return {
    discover(elements) {
      for (const el of elements) {
        if (el.localName === 'iframe' || el.localName === 'frame') track(el as HTMLIFrameElement);
        else if (el.firstElementChild) {
          for (const frame of el.querySelectorAll<HTMLIFrameElement>(FRAME_SELECTOR)) track(frame);
        }
      }
    },
    prune() {
      for (const [frame, entry] of frames) if (!frame.isConnected) untrack(frame, entry);
    },
    mentions() {
      return [...frames.values()].flatMap((entry) => entry.scanner?.mentions() ?? []);
    },
    async idle() {
      await Promise.all([...frames.values()].map((entry) => entry.scanner?.idle()));
    },
    mentionsIn(node) {
      for (const entry of frames.values()) {
        const found = entry.scanner?.mentionsIn(node);
        if (found && found.length > 0) return found;
      }
      return [];
    },
    stop() {
      for (const [frame, entry] of frames) untrack(frame, entry);
    },
  };
}
