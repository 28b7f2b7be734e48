import {
  BLOCK_TAGS,
  createClassifier,
  ELEMENT_NODE,
  ElementKind,
  type ElementClassifier,
  type SkipOptions,
  TEXT_NODE,
} from './skip-rules';

/**
 * `text.slice(start, end)` corresponds character for character to
 * `node.data.slice(nodeStart, nodeStart + end - start)`; the only difference is
 * that whitespace characters may read as a plain space in `text`.
 */
export interface TextSegment {
  node: Text;
  start: number;
  end: number;
  nodeStart: number;
}

/** Page text as the matcher sees it; "\n" (in no segment) separates blocks. */
export interface PageText {
  text: string;
  segments: TextSegment[];
}

export type CollectTextOptions = SkipOptions;

export interface TextCollector {
  /**
   * Walks on until at least `minChars` have been gathered and a block boundary
   * is reached (a name never spans a chunk), or the walk ends. Null once done.
   */
  next(minChars: number): PageText | null;
  /** False when the walk's resume point was removed from `root` between calls. */
  stillAttached(): boolean;
}

/** Runs of whitespace the renderer would collapse or show as one plain space. */
const ODD_WHITESPACE = /^[\t\n\f\r \u00a0]+|[\t\n\f\r\u00a0][\t\n\f\r \u00a0]*| [\t\n\f\r \u00a0]+/g;
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

/** One pass over `root`; see `createTextCollector` for the rules. */
export function collectText(root: Node, options: CollectTextOptions = {}): PageText {
  return createTextCollector(root, options).next(Number.POSITIVE_INFINITY) ?? { text: '', segments: [] };
}

/**
 * Resumable walk over `root`'s text. Inline elements join their text directly,
 * block boundaries become "\n", skipped subtrees are pruned by never descending
 * into them (cheaper than a JS NodeFilter, which costs a native-to-JS call per node).
 * Whitespace collapses as in `white-space: normal`, so source line breaks inside
 * a name do not hide it from the matcher.
 */
export function createTextCollector(root: Node, options: CollectTextOptions = {}): TextCollector {
  const classify: ElementClassifier = createClassifier(options);
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  const walker = doc ? doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT) : null;
  let done = walker === null || startsEditable(root, doc);
  let descended = false;
  let parts: string[] = [];
  let segments: TextSegment[] = [];
  let length = 0;
  let atSpace = true;
  let pendingBreak = false;

  const markBreak = (): void => {
    pendingBreak = true;
    atSpace = true;
  };

  const emit = (node: Text, nodeStart: number, piece: string): void => {
    if (pendingBreak && length > 0) {
      parts.push('\n');
      length += 1;
    }
    pendingBreak = false;
    const last = segments[segments.length - 1];
    if (last && last.node === node && last.end === length && last.nodeStart + (last.end - last.start) === nodeStart) {
      last.end += piece.length;
    } else {
      segments.push({ node, start: length, end: length + piece.length, nodeStart });
    }
    parts.push(piece);
    length += piece.length;
    atSpace = piece.charCodeAt(piece.length - 1) === 32;
  };

  const appendText = (node: Text): void => {
    const data = node.data;
    ODD_WHITESPACE.lastIndex = 0;
    let from = 0;
    for (let m = ODD_WHITESPACE.exec(data); m !== null; m = ODD_WHITESPACE.exec(data)) {
      if (m.index > from) emit(node, from, data.slice(from, m.index));
      if (!atSpace) emit(node, m.index, ' ');
      from = m.index + m[0].length;
    }
    if (from < data.length) emit(node, from, from === 0 ? data : data.slice(from));
  };

  const takeChunk = (): PageText | null => {
    if (length === 0) return null;
    const chunk = { text: parts.join(''), segments };
    parts = [];
    segments = [];
    length = 0;
    return chunk;
  };

  const enter = (node: Node): boolean => {
    if (node.nodeType === TEXT_NODE) {
      appendText(node as Text);
      return false;
    }
    if (node.nodeType !== ELEMENT_NODE) return true;
    const kind = classify(node as Element);
    if (kind === ElementKind.SkipSilent) return false;
    if (kind === ElementKind.SkipBreak) {
      markBreak();
      return false;
    }
    if (kind === ElementKind.Block) markBreak();
    return true;
  };

  const step = (tw: TreeWalker): void => {
    const node = tw.currentNode;
    if (!descended) {
      if (enter(node) && tw.firstChild()) return;
    } else if (node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).localName)) {
      markBreak();
    }
    if (node === root) done = true;
    else if (tw.nextSibling()) descended = false;
    else if (tw.parentNode()) descended = true;
    else done = true;
  };

  return {
    next(minChars) {
      if (!walker) return null;
      while (!done) {
        if (pendingBreak && length >= minChars) return takeChunk();
        step(walker);
      }
      return takeChunk();
    },
    stillAttached() {
      return done || walker === null || root.contains(walker.currentNode);
    },
  };
}

/** Editability inherited from above `root` (or designMode) cannot be seen by the walk. */
function startsEditable(root: Node, doc: Document | null): boolean {
  if (doc?.designMode === 'on') return true;
  const el = root.nodeType === ELEMENT_NODE ? (root as HTMLElement) : root.parentElement;
  return el !== null && el.isContentEditable === true;
}
