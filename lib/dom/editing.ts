/**
 * Whether the reader is typing: focus in a text field, a textarea or an
 * editable region, looked for through open shadow roots and same-origin
 * frames (an editor inside a component or an embedded frame is still where
 * the keys go). Keyboard commands do nothing then, so a shortcut can never
 * take focus out of what the reader is writing.
 */

/** Input types that take no typed text: focus on them is not writing. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

function isEditable(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'textarea') return !(el as HTMLTextAreaElement).readOnly;
  if (tag === 'input') return !NON_TEXT_INPUTS.has((el as HTMLInputElement).type) && !(el as HTMLInputElement).readOnly;
  return (el as HTMLElement).isContentEditable === true;
}

export function isEditingText(doc: Document): boolean {
  let current: Document = doc;
  let active: Element | null = doc.activeElement;
  // Bounded: each step goes one tree deeper, and a page cannot nest forever.
  for (let depth = 0; depth < 32; depth++) {
    if (current.designMode === 'on') return true;
    if (!active) return false;
    if (isEditable(active)) return true;
    if (active.shadowRoot?.activeElement) {
      active = active.shadowRoot.activeElement;
      continue;
    }
    const frameDocument = active.localName === 'iframe' || active.localName === 'frame' ? sameOriginDocument(active as HTMLIFrameElement) : null;
    if (!frameDocument) return false;
    current = frameDocument;
    active = frameDocument.activeElement;
  }
  return false;
}

function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    // A cross-origin frame: its keys never reach this document's listeners anyway.
    return null;
  }
}
