import { caretFromPoint } from './hit-test';
import { BLOCK_TAGS } from './skip-rules';

/** Blocks this large are the page's frame, not what the reader is reading. */
const TOO_BIG = new Set(['html', 'body', 'main', 'article']);

/**
 * The blocks of text down the middle of the screen, for scanning before the
 * rest of the page when the reader is not at its top (a reload keeps the
 * scroll position, a link may point into a long page). At the top the scan
 * starts there anyway, so nothing is looked up.
 */
export function blocksOnScreen(doc: Document): Element[] {
  const win = doc.defaultView;
  if (!win || win.scrollY < win.innerHeight) return [];
  const found = new Set<Element>();
  for (const share of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    const caret = caretFromPoint(doc, win.innerWidth / 2, win.innerHeight * share);
    let el = caret ? (caret.node.nodeType === 1 ? (caret.node as Element) : caret.node.parentElement) : null;
    while (el && !BLOCK_TAGS.has(el.localName)) el = el.parentElement;
    if (el && !TOO_BIG.has(el.localName)) found.add(el);
  }
  return [...found];
}
