/**
 * Which elements the text scan ignores or treats as line breaks. Decisions use
 * tag names and attributes only: getComputedStyle per element would force style
 * recalculation and make a 50k-node scan cost seconds instead of milliseconds.
 */

/** Never painted, so skipping them must not split the surrounding text. */
const SILENT_SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'base', 'rp',
]);

/**
 * Painted but not prose we may touch: form controls (the user's input), code,
 * embedded or replaced content, and SVG/MathML (Range painting in them is unreliable).
 * They act as a break so a name cannot be joined across them.
 */
const BREAK_SKIP_TAGS = new Set([
  'textarea', 'input', 'select', 'option', 'optgroup', 'datalist', 'code', 'pre', 'svg', 'math',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas', 'video', 'audio', 'img', 'picture',
  'rt',
]);

/** Elements whose boundaries separate lines of text in default rendering. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'button', 'caption', 'center', 'dd',
  'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li',
  'main', 'menu', 'nav', 'ol', 'p', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul',
]);

/** A plain object, not an enum: `const enum` does not survive isolated-module builds. */
export const ElementKind = {
  Inline: 0,
  Block: 1,
  /** Skipped, contributes nothing (not even a break). */
  SkipSilent: 2,
  /** Skipped, but acts as a break between the text around it. */
  SkipBreak: 3,
} as const;
export type ElementKind = (typeof ElementKind)[keyof typeof ElementKind];

/** Node type numbers, so checks do not depend on which realm's `Node` is global. */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface SkipOptions {
  /** Lower-case tag names of our own UI hosts, e.g. `iran-iraq-context-ui`. */
  ownTagNames?: readonly string[];
}

export type ElementClassifier = (el: Element) => ElementKind;

export function createClassifier(options: SkipOptions = {}): ElementClassifier {
  const ownTags = new Set((options.ownTagNames ?? []).map((t) => t.toLowerCase()));
  return (el) => {
    const tag = el.localName;
    if (SILENT_SKIP_TAGS.has(tag)) return ElementKind.SkipSilent;
    if (BREAK_SKIP_TAGS.has(tag) || ownTags.has(tag)) return ElementKind.SkipBreak;
    // `hidden` content is display:none by default; scanning it only wastes time.
    if (el.hasAttribute('hidden')) return ElementKind.SkipSilent;
    // Editable regions belong to the user and to the editor's own DOM model.
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable.toLowerCase() !== 'false') return ElementKind.SkipBreak;
    return BLOCK_TAGS.has(tag) ? ElementKind.Block : ElementKind.Inline;
  };
}

export function isSkipped(kind: ElementKind): boolean {
  return kind === ElementKind.SkipSilent || kind === ElementKind.SkipBreak;
}

/**
 * True when `node` sits in (or is) a subtree the scan ignores, checking every
 * ancestor up to `root`, plus inherited editability (designMode, an editable
 * ancestor above `root`) that per-element attributes cannot reveal.
 */
export function isInsideSkipped(node: Node, root: Node, classify: ElementClassifier): boolean {
  const doc = node.ownerDocument;
  if (doc && doc.designMode === 'on') return true;
  let el: Element | null = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el) {
    if (isSkipped(classify(el))) return true;
    if (el === root) break;
    el = el.parentElement;
  }
  return isEditableHost(root);
}

function isEditableHost(node: Node): boolean {
  const el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el !== null && 'isContentEditable' in el && (el as HTMLElement).isContentEditable === true;
}
