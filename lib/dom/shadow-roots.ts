import type { FrameScanner } from './frames';
import type { MentionLookup, MentionRange } from './types';

/**
 * Web components keep their own text in shadow trees, which a walk of the
 * document never enters (news sites built from components show whole articles
 * that way). Each open shadow root gets a scanner of its own, as a same-origin
 * frame does; closed roots stay closed, ours included.
 */
export interface ShadowTracker extends MentionLookup {
  /** Looks for open shadow roots on each element and its descendants. */
  discover(elements: Iterable<Element>): void;
  /** Stops scanners (dropping their mentions) of hosts that left the tree. */
  prune(): void;
  mentions(): MentionRange[];
  idle(): Promise<void>;
  /** The shadow roots scanned here and below, for hit testing. */
  roots(): ShadowRoot[];
  stop(): void;
}

/** What a shadow root's scanner offers beyond a frame's: the roots it scans below it. */
export interface ShadowScanner extends FrameScanner {
  shadowRoots(): ShadowRoot[];
}

/** The element's open shadow root, or null (closed, none, or a page that made the getter throw). */
export function openShadowRoot(el: Element): ShadowRoot | null {
  try {
    return el.shadowRoot ?? null;
  } catch {
    return null;
  }
}

/** `startScanner`'s scanners report their own mentions as removed when stopped. */
export function createShadowTracker(startScanner: (root: ShadowRoot) => ShadowScanner, accepts: (host: Element) => boolean): ShadowTracker {
  const hosts = new Map<Element, { root: ShadowRoot; scanner: ShadowScanner }>();

  const track = (el: Element): void => {
    const root = openShadowRoot(el);
    if (!root || hosts.get(el)?.root === root || !accepts(el)) return;
    untrack(el);
    hosts.set(el, { root, scanner: startScanner(root) });
  };

  const untrack = (el: Element): void => {
    const entry = hosts.get(el);
    if (!entry) return;
    hosts.delete(el);
    entry.scanner.stop();
  };

  return {
    discover(elements) {
      for (const el of elements) {
        track(el);
        if (!el.firstElementChild) continue;
        const walker = (el.ownerDocument as Document).createTreeWalker(el, 0x1);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) track(node as Element);
      }
    },
    prune() {
      for (const host of [...hosts.keys()]) if (!host.isConnected) untrack(host);
    },
    mentions() {
      return [...hosts.values()].flatMap((entry) => entry.scanner.mentions());
    },
    async idle() {
      await Promise.all([...hosts.values()].map((entry) => entry.scanner.idle()));
    },
    mentionsIn(node) {
      for (const entry of hosts.values()) {
        const found = entry.scanner.mentionsIn(node);
        if (found.length > 0) return found;
      }
      return [];
    },
    roots() {
      return [...hosts.values()].flatMap((entry) => [entry.root, ...entry.scanner.shadowRoots()]);
    },
    stop() {
      for (const host of [...hosts.keys()]) untrack(host);
    },
  };
}
