import type { MentionLookup, MentionRange } from './types';

const TEXT_NODE = 3;

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/**
 * Node and offset under a viewport point: the standard API first, then
 * WebKit/Chromium's. The standard one looks inside the shadow roots it is
 * given; otherwise a point over a component lands on its host.
 */
export function caretFromPoint(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): CaretPoint | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = shadowRoots.length > 0 ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** True when (x, y) lies inside one of the range's line boxes. */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (r && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

/**
 * The mention under the pointer, or null. The caret gives a candidate text
 * node cheaply via the index; the client-rect check then rejects points that
 * merely snap to a nearby caret position (past a line's end, between lines).
 */
export function mentionAtPoint(
  doc: Document,
  x: number,
  y: number,
  lookup: MentionLookup,
  shadowRoots: ShadowRoot[] = [],
): MentionRange | null {
  const caret = caretFromPoint(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== TEXT_NODE) return null;
  for (const item of lookup.mentionsIn(caret.node as Text)) {
    if (caretInRange(item.range, caret) && rangeContainsPoint(item.range, x, y)) return item;
  }
  return null;
}

function caretInRange(range: Range, caret: CaretPoint): boolean {
  try {
    return range.comparePoint(caret.node, caret.offset) === 0;
  } catch {
    // The caret's node is in another tree than the (now stale) range.
    return false;
  }
}
