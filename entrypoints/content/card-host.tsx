/**
 * The hover card's home on a page: one custom element holding a CLOSED shadow
 * root, so page scripts cannot read the card and page CSS cannot style it.
 * Removing the host element removes every trace of our UI.
 */
import { render } from 'preact';
import cardCss from '../../components/EntityCard.css?inline';
import { EntityCard, type EntityCardState } from '../../components/EntityCard';
import { EntityScriptsContext, type ScriptsOf } from '../../components/entity-scripts';
import type { NameDirection, Shortcut } from '../../lib/commands';
import { HOST_TAG } from './constants';

export interface CardHost {
  show(state: EntityCardState, anchor: DOMRect, focus: boolean, name: string, anchorElement?: Element | null): void;
  hide(): void;
  /**
   * Keeps the open card beside its name after the page scrolled; false when it
   * should close instead: the name left the viewport, or the page moved more
   * than a small scroll since the card opened.
   */
  follow(anchor: DOMRect): boolean;
  isOpen(): boolean;
  contains(node: EventTarget | null): boolean;
  destroy(): void;
}

const GAP = 6;
const MARGIN = 8;
/** Below this the card would be a sliver: it then covers the name rather than shrink further. */
const MIN_HEIGHT = 160;
/** Beside its name, the card starts this far above the name's top, so its heading stands on the name's line. */
const SIDE_LIFT = 8;
/** How far the page may scroll under an open card before it closes (a reader nudging the page keeps it). */
const SCROLL_CLOSE_PX = 240;

export interface CardHandlers {
  onOpen(article: string, statement?: string): void;
  /** Opens every statement about the entity in the reader. */
  onOpenAll(entity: string): void;
  onClose(): void;
  /** The keys for the next and previous name, for the card's footer; null while not known. */
  shortcuts(): Record<NameDirection, Shortcut> | null;
  /** Names' spellings in Arabic script, for the speakers a Persian or Arabic card names. */
  scriptsOf: ScriptsOf;
}

export function createCardHost(doc: Document, handlers: CardHandlers): CardHost {
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let open = false;

  const mount = () => {
    if (host && root) return { host, root };
    const created = doc.createElement(HOST_TAG);
    // A page that defined our tag as a custom element has just run its constructor on this host,
    // and attachInternals() would hand it even a closed root: such a page gets no card.
    if (created.matches(':defined')) return null;
    host = created;
    // The host itself must not inherit or take page styles, nor shift the page.
    host.setAttribute('style', 'all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647; display: block; width: 0; height: 0;');
    root = host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cardCss);
    root.adoptedStyleSheets = [sheet];
    doc.documentElement.append(host);
    return { host, root };
  };

  let anchorElement: Element | null = null;
  let openedTop = 0;
  /**
   * Beside the name, inside the viewport it opens in: below when the card fits
   * there, above when it fits there instead; when it fits neither and the
   * window is wide enough, to the name's side (after it in reading order), as
   * tall as the window allows — a card squeezed above or below a name in the
   * middle of the window would show a statement or two. Otherwise on the
   * roomier side above or below, its height capped to that room (it scrolls inside).
   */
  const place = (anchor: DOMRect) => {
    const card = root?.firstElementChild as HTMLElement | null;
    if (!card) return;
    const view = doc.documentElement;
    card.style.maxHeight = '';
    const width = card.offsetWidth;
    const natural = card.offsetHeight;
    // On a right-to-left line the card hangs from the name's right edge, as the eye reads.
    const rtl = doc.defaultView?.getComputedStyle(anchorElement ?? view).direction === 'rtl';
    const below = view.clientHeight - anchor.bottom - GAP - MARGIN;
    const above = anchor.top - GAP - MARGIN;
    const rightRoom = view.clientWidth - anchor.right - GAP - MARGIN;
    const leftRoom = anchor.left - GAP - MARGIN;
    const tallest = view.clientHeight - 2 * MARGIN;
    let height = natural;
    let top: number;
    let left: number | null = null;
    if (natural <= below) top = anchor.bottom + GAP;
    else if (natural <= above) top = anchor.top - GAP - natural;
    else if (Math.max(rightRoom, leftRoom) >= width && Math.min(natural, tallest) > Math.max(below, above, MIN_HEIGHT)) {
      height = Math.min(natural, tallest);
      // Level with the name where the window allows, so the eye moves across, not up.
      top = anchor.top - SIDE_LIFT;
      // After the name in reading order (its right in English, its left in Persian) where there is room, else before it.
      const right = rtl ? leftRoom < width : rightRoom >= width;
      left = right ? anchor.right + GAP : anchor.left - GAP - width;
    } else {
      height = Math.min(natural, Math.max(below, above, MIN_HEIGHT), tallest);
      top = below >= above ? anchor.bottom + GAP : anchor.top - GAP - height;
    }
    top = Math.min(Math.max(MARGIN, top), view.clientHeight - MARGIN - height);
    if (left === null) {
      const start = rtl ? anchor.right - width : anchor.left;
      left = Math.min(Math.max(MARGIN, start), Math.max(MARGIN, view.clientWidth - width - MARGIN));
    }
    card.style.position = 'fixed';
    if (height < natural) card.style.maxHeight = `${height}px`;
    card.style.top = `${Math.max(MARGIN, top)}px`;
    card.style.left = `${left}px`;
  };

  return {
    show(state, anchor, focus, name, element = null) {
      const mounted = mount();
      if (!mounted) return;
      const { root: shadow } = mounted;
      anchorElement = element;
      // Rendering into the same root keeps the card's live region, so the change from loading to ready is announced.
      render(
        <EntityScriptsContext.Provider value={handlers.scriptsOf}>
          <EntityCard state={state} name={name} onOpen={handlers.onOpen} onOpenAll={handlers.onOpenAll} onClose={handlers.onClose} shortcuts={handlers.shortcuts()} />
        </EntityScriptsContext.Provider>,
        shadow,
      );
      place(anchor);
      openedTop = anchor.top;
      open = true;
      if (focus) (shadow.querySelector('[role="dialog"]') as HTMLElement | null)?.focus();
    },
    hide() {
      if (root) render(null, root);
      open = false;
    },
    follow(anchor) {
      if (!open) return false;
      const outOfView = anchor.bottom <= 0 || anchor.top >= doc.documentElement.clientHeight || (anchor.width === 0 && anchor.height === 0);
      if (outOfView || Math.abs(anchor.top - openedTop) > SCROLL_CLOSE_PX) return false;
      place(anchor);
      return true;
    },
    isOpen: () => open,
    contains(node) {
      return host !== null && node instanceof Node && (node === host || host.contains(node));
    },
    destroy() {
      if (root) render(null, root);
      host?.remove();
      host = null;
      root = null;
      open = false;
    },
  };
}
