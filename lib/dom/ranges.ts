import type { TextSegment } from './page-text';
import type { MentionRange } from './types';

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

/** Where a span of collected text lies in the page: its text nodes, its start in the first and end in the last. */
export interface TextSpan {
  nodes: Text[];
  startOffset: number;
  endOffset: number;
}

/**
 * Maps `[start, end)` of the collected text to the text nodes it covers.
 * Ends that fall on text belonging to no node (separators) are pulled inward;
 * null when nothing of the span maps to a node.
 */
export function spanForOffsets(segments: readonly TextSegment[], start: number, end: number): TextSpan | null {
  if (!(start < end)) return null;
  const first = segmentIndexAfter(segments, start);
  const last = segmentIndexAfter(segments, end - 1);
  const startSeg = segments[first];
  const lastIdx = last < segments.length && (segments[last] as TextSegment).start < end ? last : last - 1;
  if (!startSeg || lastIdx < first || startSeg.start >= end) return null;
  const endSeg = segments[lastIdx] as TextSegment;
  const nodes: Text[] = [];
  for (let i = first; i <= lastIdx; i++) {
    const node = (segments[i] as TextSegment).node;
    if (nodes[nodes.length - 1] !== node) nodes.push(node);
  }
  return {
    nodes,
    startOffset: startSeg.nodeStart + Math.max(0, start - startSeg.start),
    endOffset: endSeg.nodeStart + (Math.min(end, endSeg.end) - endSeg.start),
  };
}

/**
 * The span as a live Range. Only `createRange`/`setStart`/`setEnd` are used:
 * the page's DOM is never touched.
 */
export function rangeForOffsets(segments: readonly TextSegment[], start: number, end: number): OffsetRange | null {
  const span = spanForOffsets(segments, start, end);
  if (!span) return null;
  const first = span.nodes[0] as Text;
  const range = (first.ownerDocument as Document).createRange();
  // Starting from the start node's contents keeps every boundary comparison
  // local (some DOM implementations walk the whole document to order points).
  range.selectNodeContents(first);
  range.setStart(first, span.startOffset);
  range.setEnd(span.nodes[span.nodes.length - 1] as Text, span.endOffset);
  return { range, nodes: span.nodes };
}

interface Point {
  node: Node;
  offset: number;
}

/**
 * The point, then the host of each shadow tree around it and the frame
 * element of each same-origin document around that, outermost first.
 */
function composedAnchors(node: Node, offset: number): Point[] {
  const anchors: Point[] = [{ node, offset }];
  let scope = node.getRootNode();
  for (;;) {
    if (scope.nodeType === 11 && 'host' in scope) {
      const host = (scope as ShadowRoot).host;
      anchors.unshift({ node: host, offset: 0 });
      scope = host.getRootNode();
      continue;
    }
    const frame = scope.nodeType === 9 ? frameElementOf(scope as Document) : null;
    if (!frame) return anchors;
    anchors.unshift({ node: frame, offset: 0 });
    scope = frame.getRootNode();
  }
}

function frameElementOf(doc: Document): Element | null {
  try {
    return doc.defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}

const DISCONNECTED = 0x01;
const FOLLOWING = 0x04;
const CONTAINED_BY = 0x10;

/** Orders two points of one tree: negative when `a` comes first. */
function pointOrder(a: Point, b: Point): number {
  if (a.node === b.node) return a.offset - b.offset;
  const position = a.node.compareDocumentPosition(b.node);
  // A point inside `a.node`'s subtree (an element anchor) comes after its start.
  if (position & CONTAINED_BY) return -1;
  return position & FOLLOWING ? -1 : 1;
}

/**
 * Orders two points as a reader meets them, across shadow trees and
 * same-origin frames: text inside a component counts as standing at its host,
 * text inside a frame at its frame element.
 */
export function composedPointOrder(aNode: Node, aOffset: number, bNode: Node, bOffset: number): number {
  if (aNode === bNode) return aOffset - bOffset;
  if (!(aNode.compareDocumentPosition(bNode) & DISCONNECTED)) return pointOrder({ node: aNode, offset: aOffset }, { node: bNode, offset: bOffset });
  const left = composedAnchors(aNode, aOffset);
  const right = composedAnchors(bNode, bOffset);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as Point;
    const y = right[i] as Point;
    if (x.node === y.node && x.offset === y.offset) continue;
    if (x.node.getRootNode() !== y.node.getRootNode()) return 0;
    return pointOrder(x, y);
  }
  return left.length - right.length;
}

/** Orders two ranges' starts as a reader meets them (see `composedPointOrder`). */
export function composedOrder(a: Range, b: Range): number {
  return composedPointOrder(a.startContainer, a.startOffset, b.startContainer, b.startOffset);
}

/** Orders two mentions by where they start, without making their live Ranges. */
export function mentionOrder(a: MentionRange, b: MentionRange): number {
  return composedPointOrder(a.nodes[0] as Text, a.startOffset, b.nodes[0] as Text, b.startOffset);
}
