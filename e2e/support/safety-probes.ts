/**
 * Functions evaluated inside test pages for the "never break a page" tests.
 * Each is serialised by the automation library, so each is self-contained: no
 * imports, no module-level helpers. Same-origin frames are included, because
 * the extension underlines inside them too.
 */

/** Visible text and layout of the top document and each same-origin frame, by element path. */
export interface PageSnapshot {
  /** `document.body.innerText` per document, keyed by the frame's path ('' = top). */
  text: Record<string, string>;
  /** Document-relative [x, y, width, height] of every non-inline element, keyed by path. */
  rects: Record<string, number[]>;
}

/**
 * Measures the page; with `keep`, also stores a deep clone of every
 * document's root in the page, for `compareWithClones` once we are done.
 */
export function snapshotPage(keep: boolean): PageSnapshot {
  const text: Record<string, string> = {};
  const rects: Record<string, number[]> = {};
  const clones: { doc: Document; clone: Node }[] = [];
  const visit = (doc: Document, prefix: string) => {
    const win = doc.defaultView as Window;
    // innerText, not textContent: the rendered text, what a reader sees, is what must not change.
    text[prefix] = doc.body?.innerText ?? '';
    if (keep) clones.push({ doc, clone: doc.documentElement.cloneNode(true) });
    const walk = (el: Element, path: string) => {
      const display = win.getComputedStyle(el).display;
      if (display !== 'inline' && display !== 'contents' && display !== 'none') {
        const r = el.getBoundingClientRect();
        const round = (n: number) => Math.round(n * 100) / 100;
        rects[path] = [round(r.x + win.scrollX), round(r.y + win.scrollY), round(r.width), round(r.height)];
      }
      if (el.localName === 'iframe') {
        let inner: Document | null = null;
        try {
          inner = (el as HTMLIFrameElement).contentDocument;
        } catch {
          // cross-origin: not ours to measure
        }
        if (inner?.documentElement) visit(inner, `${path} >> `);
      }
      let i = 0;
      for (const child of el.children) walk(child, `${path}>${child.localName}:${++i}`);
    };
    walk(doc.documentElement, `${prefix}html`);
  };
  visit(document, '');
  if (keep) (window as unknown as Record<string, unknown>).__iicSafetyClones = clones;
  return { text, rects };
}

/**
 * Whether every document still equals the clone kept by `snapshotPage(true)`;
 * on a difference, says where (first differing node) so a failure is readable.
 */
export function compareWithClones(): { equal: boolean; difference: string | null }[] {
  const clones = (window as unknown as Record<string, { doc: Document; clone: Node }[]>).__iicSafetyClones ?? [];
  const describe = (a: Node, b: Node, path: string): string | null => {
    if (a.nodeName !== b.nodeName || a.nodeType !== b.nodeType) return `${path}: ${a.nodeName} ≠ ${b.nodeName}`;
    if (a.nodeType !== 1) return a.nodeValue === b.nodeValue ? null : `${path}: text "${a.nodeValue?.slice(0, 60)}" ≠ "${b.nodeValue?.slice(0, 60)}"`;
    const ea = a as Element;
    const eb = b as Element;
    const attrs = (e: Element) => [...e.attributes].map((x) => `${x.name}=${x.value}`).sort().join(' ');
    if (attrs(ea) !== attrs(eb)) return `${path}: attributes [${attrs(ea).slice(0, 120)}] ≠ [${attrs(eb).slice(0, 120)}]`;
    if (a.childNodes.length !== b.childNodes.length) {
      const names = (n: Node) => [...n.childNodes].map((c) => c.nodeName).join(',').slice(0, 160);
      return `${path}: children [${names(a)}] ≠ [${names(b)}]`;
    }
    for (let i = 0; i < a.childNodes.length; i++) {
      const found = describe(a.childNodes[i], b.childNodes[i], `${path}>${a.childNodes[i].nodeName.toLowerCase()}:${i + 1}`);
      if (found) return found;
    }
    return null;
  };
  return clones.map(({ doc, clone }) => {
    const equal = doc.documentElement.isEqualNode(clone);
    return { equal, difference: equal ? null : (describe(doc.documentElement, clone, 'html') ?? 'isEqualNode false, no difference found') };
  });
}

/** Every registered highlight of every document: range texts by frame path and highlight name. */
export interface FrameHighlights {
  /** '' = top document; otherwise the `<iframe>`'s index among the top document's iframes. */
  frame: string;
  highlights: Record<string, string[]>;
  /** Ranges pointing at nodes no longer in the document, or collapsed: leftovers. */
  stale: number;
  /** Ranges starting inside form fields, code, SVG, editable regions: places we must not mark. */
  forbidden: string[];
  adoptedSheets: number;
  styleElements: number;
}

export function readAllHighlights(): FrameHighlights[] {
  const out: FrameHighlights[] = [];
  const FORBIDDEN = 'input, textarea, select, option, pre, code, svg, math, [contenteditable]:not([contenteditable="false"])';
  const visit = (doc: Document, frame: string) => {
    const win = doc.defaultView as unknown as { CSS: { highlights: Map<string, Set<Range>> } };
    const highlights: Record<string, string[]> = {};
    let stale = 0;
    const forbidden: string[] = [];
    for (const [name, highlight] of win.CSS.highlights) {
      const texts: string[] = [];
      for (const range of highlight) {
        if (range.collapsed || !range.startContainer.isConnected || !range.endContainer.isConnected) stale++;
        else texts.push(range.toString());
        const start = range.startContainer;
        const el = start.nodeType === 1 ? (start as Element) : start.parentElement;
        if (el?.closest(FORBIDDEN)) forbidden.push(range.toString());
      }
      highlights[name] = texts.sort();
    }
    out.push({
      frame,
      highlights,
      stale,
      forbidden,
      adoptedSheets: doc.adoptedStyleSheets.length,
      styleElements: [...doc.querySelectorAll('style')].filter((s) => s.textContent?.includes('::highlight(')).length,
    });
  };
  visit(document, '');
  document.querySelectorAll('iframe').forEach((iframe, i) => {
    let inner: Document | null = null;
    try {
      inner = iframe.contentDocument;
    } catch {
      // cross-origin
    }
    if (inner?.documentElement) visit(inner, String(i));
  });
  return out;
}

/** Run in an extension page: stores `settings` as the popup would (Firefox has `browser`, Chromium `chrome`). */
export async function storeSettings(settings: unknown): Promise<void> {
  type Local = { set(items: Record<string, unknown>): Promise<void> };
  const g = globalThis as unknown as { browser?: { storage: { local: Local } }; chrome?: { storage: { local: Local } } };
  const local = (g.browser ?? g.chrome)?.storage.local;
  if (!local) throw new Error('not an extension page');
  await local.set({ settings });
}

// Node-side helpers below: they compare what the page functions above returned.

/** Paths whose rect moved or resized by more than `tolerance` px, or appeared or vanished. */
export function rectChanges(before: Record<string, number[]>, after: Record<string, number[]>, tolerance = 0.5): string[] {
  const changes: string[] = [];
  for (const [path, rect] of Object.entries(before)) {
    const now = after[path];
    if (!now) changes.push(`${path}: gone`);
    else if (rect.some((v, i) => Math.abs(v - now[i]) > tolerance)) changes.push(`${path}: [${rect}] → [${now}]`);
  }
  for (const path of Object.keys(after)) if (!(path in before)) changes.push(`${path}: new`);
  return changes;
}

const total = (frames: FrameHighlights[]) => frames.reduce((n, f) => n + Object.values(f.highlights).flat().length, 0);

/**
 * Reads the highlight registries until they stop changing for `quietMs` (and
 * at least a second has passed, so a slow start is not taken for "nothing").
 * With `expectSome`, an empty registry does not count as settled; without, the
 * fixed wait is the whole story.
 */
export async function settleHighlights(read: () => Promise<FrameHighlights[]>, expectSome: boolean, quietMs = 600, timeoutMs = 15_000): Promise<FrameHighlights[]> {
  const start = Date.now();
  let last = '';
  let since = Date.now();
  for (;;) {
    const frames = await read();
    const key = JSON.stringify(frames);
    if (key !== last) {
      last = key;
      since = Date.now();
    } else if (Date.now() - since >= quietMs && (!expectSome || total(frames) > 0) && Date.now() - start >= 1000) {
      return frames;
    }
    if (Date.now() - start > timeoutMs) {
      if (expectSome) throw new Error(`highlights did not settle within ${timeoutMs} ms: ${key.slice(0, 400)}`);
      return frames;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
