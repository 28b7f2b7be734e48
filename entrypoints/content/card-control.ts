/**
 * Opening and closing the entity card for one name at a time, on a page or in
 * the reader. A lookup that answers after the card moved on is dropped, so a
 * slow answer never paints over the name now shown.
 */
import type { NameDirection, Shortcut } from '../../lib/commands';
import type { EntityView } from '../../lib/engine/lookup';
import type { EntityCardState } from '../../components/EntityCard';
import type { ScriptsOf } from '../../components/entity-scripts';
import { createCardHost } from './card-host';

/** Where a name is and what it names; read again when the lookup answers, since the page may have moved. */
export interface CardAnchor {
  entity: string;
  /** The name as written, the card's label until the lookup answers. */
  name: string;
  rect(): DOMRect;
  /** The element holding the name: its direction decides which edge the card hangs from. */
  element: Element | null;
}

export interface CardControlOptions<Key> {
  doc: Document;
  /** Aborting it closes the card and removes its host. */
  signal: AbortSignal;
  anchor(key: Key): CardAnchor;
  lookup(entity: string): Promise<EntityView | null>;
  /** A statement or role link in the card was followed. */
  openArticle(article: string, statement?: string): void;
  /** "All N statements" was followed: every statement about the entity, in the reader's entity page. */
  openAll(entity: string): void;
  /** The keys for the next and previous name, for the card's footer; null where there are none. */
  shortcuts(): Record<NameDirection, Shortcut> | null;
  /** The reader closed the card from inside it (Escape, ×); called before focus goes back to where it was. */
  onDismiss?(key: Key): void;
  /** Names' spellings in Arabic script (speakers, the voice of a statement) for a Persian or Arabic card. */
  scriptsOf: ScriptsOf;
}

export interface CardControl<Key> {
  /** Shows the card for `key`; with `focus`, moves focus into it and remembers where focus was, to give it back. */
  open(key: Key, focus: boolean): void;
  /** With `restoreFocus`, gives focus back to where it was before the card took it. */
  close(restoreFocus?: boolean): void;
  /** The name whose card is open (or loading), null when none is. */
  current(): Key | null;
  isOpen(): boolean;
  /** True for the card's host and anything inside it. */
  contains(node: EventTarget | null): boolean;
  /** Moves the open card with its name after a scroll; false when it should close instead (see CardHost.follow). */
  follow(): boolean;
}

export function createCardControl<Key>(options: CardControlOptions<Key>): CardControl<Key> {
  const { doc, signal } = options;
  let current: Key | null = null;
  let shown: EntityCardState = { status: 'loading' };
  let token = 0;
  let returnFocus: HTMLElement | null = null;

  const host = createCardHost(doc, {
    onOpen: (article, statement) => options.openArticle(article, statement),
    onOpenAll: (entity) => options.openAll(entity),
    onClose: () => {
      if (current !== null) options.onDismiss?.(current);
      control.close(true);
    },
    shortcuts: () => options.shortcuts(),
    scriptsOf: (id, name) => options.scriptsOf(id, name),
  });

  const paint = (key: Key, state: EntityCardState, focus: boolean) => {
    const anchor = options.anchor(key);
    shown = state;
    host.show(state, anchor.rect(), focus, anchor.name, anchor.element);
  };

  const control: CardControl<Key> = {
    open(key, focus) {
      if (signal.aborted) return;
      if (focus && !returnFocus) {
        const active = doc.activeElement;
        if (active instanceof HTMLElement && !host.contains(active)) returnFocus = active;
      }
      // The same name again (the reader pressed Enter on a name whose card hover or focus opened): keep what it shows.
      // A lookup still on its way paints into the card it finds, focused or not.
      if (key === current && host.isOpen()) {
        paint(key, shown, focus);
        return;
      }
      const mine = ++token;
      current = key;
      paint(key, { status: 'loading' }, focus);
      options.lookup(options.anchor(key).entity).then(
        (entity) => {
          if (mine === token) paint(key, entity ? { status: 'ready', entity } : { status: 'error' }, focus);
        },
        () => {
          if (mine === token) paint(key, { status: 'error' }, focus);
        },
      );
    },
    close(restoreFocus = false) {
      token++;
      current = null;
      host.hide();
      if (restoreFocus && returnFocus) returnFocus.focus({ preventScroll: true });
      returnFocus = null;
    },
    current: () => current,
    isOpen: () => host.isOpen(),
    contains: (node) => host.contains(node),
    follow: () => current !== null && host.follow(options.anchor(current).rect()),
  };

  signal.addEventListener(
    'abort',
    () => {
      control.close();
      host.destroy();
    },
    { once: true },
  );
  return control;
}
