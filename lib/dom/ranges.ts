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
