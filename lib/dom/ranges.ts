import type { TextSegment } from './page-text';

export interface OffsetRange {
  range: Range;
  /** Distinct text nodes the range touches, in document order. */
  nodes: Text[];
}

/**
 * Index of the first segment whose end is past `offset` (binary search), i.e.
 * the segment holding character `offset`, or the next one when `offset` falls
 * on a block separator or collapsed whitespace. `segments.length` if none.
 */
export function segmentIndexAfter(segments: readonly TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((segments[mid] as TextSegment).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Maps `[start, end)` of the collected text to a live Range over the text nodes.
 * Only `createRange`/`setStart`/`setEnd` are used: the page's DOM is never touched.
 * Ends that fall on text belonging to no node (separators) are pulled inward;
 * null when nothing of the span maps to a node.
 */
export function rangeForOffsets(segments: readonly TextSegment[], start: number, end: number): OffsetRange | null {
  if (!(start < end)) return null;
  const first = segmentIndexAfter(segments, start);
  const last = segmentIndexAfter(segments, end - 1);
  const startSeg = segments[first];
  const lastIdx = last < segments.length && (segments[last] as TextSegment).start < end ? last : last - 1;
  if (!startSeg || lastIdx < first || startSeg.start >= end) return null;
  const endSeg = segments[lastIdx] as TextSegment;
  const doc = startSeg.node.ownerDocument;
  const range = doc.createRange();
  // Starting from the start node's contents keeps every boundary comparison
  // local (some DOM implementations walk the whole document to order points).
  range.selectNodeContents(startSeg.node);
  range.setStart(startSeg.node, startSeg.nodeStart + Math.max(0, start - startSeg.start));
  range.setEnd(endSeg.node, endSeg.nodeStart + (Math.min(end, endSeg.end) - endSeg.start));
  const nodes: Text[] = [];
  for (let i = first; i <= lastIdx; i++) {
    const node = (segments[i] as TextSegment).node;
    if (nodes[nodes.length - 1] !== node) nodes.push(node);
  }
  return { range, nodes };
}

interface Point {
  node: Node;
  offset: number;
}

/** The point, then the host of each shadow tree around it, outermost first. */
function composedAnchors(node: Node, offset: number): Point[] {
  const anchors: Point[] = [{ node, offset }];
  let scope = node.getRootNode();
  while (scope.nodeType === 11 && 'host' in scope) {
    const host = (scope as ShadowRoot).host;
    anchors.unshift({ node: host, offset: 0 });
    scope = host.getRootNode();
  }
  return anchors;
}

/**
 * Orders two ranges' starts as a reader meets them, across shadow trees:
 * `compareBoundaryPoints` throws for ranges in different trees, so text
 * inside a component counts as standing at its host.
 */
export function composedOrder(a: Range, b: Range): number {
  if (a.startContainer.getRootNode() === b.startContainer.getRootNode()) return a.compareBoundaryPoints(0, b);
  const left = composedAnchors(a.startContainer, a.startOffset);
  const right = composedAnchors(b.startContainer, b.startOffset);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as Point;
    const y = right[i] as Point;
    if (x.node === y.node && x.offset === y.offset) continue;
    const at = (x.node.ownerDocument as Document).createRange();
    at.setStart(x.node, x.offset);
    // comparePoint says where y stands from x: before (-1), at (0), after (1).
    const where = at.comparePoint(y.node, y.offset);
    if (where !== 0) return -where;
  }
  return left.length - right.length;
}
