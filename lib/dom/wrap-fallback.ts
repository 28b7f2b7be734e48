import type { MentionRange } from './types';

const TEXT_NODE = 3;
const START_TO_START = 0;

export interface WrapSurface {
  add(items: readonly MentionRange[]): void;
  remove(items: readonly MentionRange[]): void;
  dispose(): void;
}

/**
 * For browsers without the Custom Highlight API: wraps each mention's text in
 * `<markTag data-type>`. Text nodes are split only where a mention starts or
 * ends; every node split off is remembered so unwrapping can merge it back and
 * leave the page's tree equal (`isEqualNode`) to what it was.
 */
export function createWrapSurface(doc: Document, markTag: string): WrapSurface {
  const marksOf = new Map<MentionRange, Element[]>();
  const ourMarks = new WeakSet<Node>();
  /** Nodes we split off, to be merged into their previous sibling once unwrapped. */
  const splitOff = new Set<Text>();

  const wrapNode = (node: Text, type: string): Element | null => {
    const parent = node.parentNode;
    if (!parent) return null;
    const mark = doc.createElement(markTag);
    mark.setAttribute('data-type', type);
    parent.insertBefore(mark, node);
    mark.appendChild(node);
    ourMarks.add(mark);
    return mark;
  };

  const wrapOne = (item: MentionRange): void => {
    // Read once: the live range moves while we split and re-parent its nodes.
    const { startContainer, startOffset, endContainer, endOffset } = item.range;
    if (item.nodes.some((n) => n.parentNode !== null && ourMarks.has(n.parentNode))) return;
    const wrapped: Text[] = [];
    const marks: Element[] = [];
    for (let i = item.nodes.length - 1; i >= 0; i--) {
      let node = item.nodes[i] as Text;
      const from = node === startContainer ? startOffset : 0;
      const to = node === endContainer ? endOffset : node.length;
      if (from >= to || !node.parentNode) continue;
      if (to < node.length) splitOff.add(node.splitText(to));
      if (from > 0) {
        node = node.splitText(from);
        splitOff.add(node);
      }
      const mark = wrapNode(node, item.mention.type);
      if (!mark) continue;
      wrapped.unshift(node);
      marks.unshift(mark);
    }
    if (marks.length === 0) return;
    marksOf.set(item, marks);
    const last = wrapped[wrapped.length - 1] as Text;
    item.range.selectNodeContents(wrapped[0] as Text);
    item.range.setEnd(last, last.length);
    item.nodes = wrapped;
  };

  const unwrapOne = (item: MentionRange): void => {
    for (const mark of marksOf.get(item) ?? []) {
      const parent = mark.parentNode;
      if (parent) {
        while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
        parent.removeChild(mark);
      }
    }
    marksOf.delete(item);
  };

  /** Order does not matter: after a merge, the next piece's sibling is the merged node. */
  const mergeSplitOff = (): void => {
    for (const piece of splitOff) {
      if (!piece.parentNode) {
        splitOff.delete(piece);
        continue;
      }
      const prev = piece.previousSibling;
      if (prev && prev.nodeType === TEXT_NODE) {
        (prev as Text).appendData(piece.data);
        piece.parentNode.removeChild(piece);
        splitOff.delete(piece);
      }
    }
  };

  return {
    add(items) {
      // Last first, so splitting one mention's node never shifts an earlier mention's offsets.
      const ordered = items.filter((item) => !marksOf.has(item));
      ordered.sort((a, b) => compareStarts(b.range, a.range));
      for (const item of ordered) wrapOne(item);
    },
    remove(items) {
      for (const item of items) unwrapOne(item);
      mergeSplitOff();
    },
    dispose() {
      for (const item of [...marksOf.keys()]) unwrapOne(item);
      mergeSplitOff();
    },
  };
}

function compareStarts(a: Range, b: Range): number {
  try {
    return a.compareBoundaryPoints(START_TO_START, b);
  } catch {
    // Ranges in different trees (a node was detached meanwhile) have no order.
    return 0;
  }
}
