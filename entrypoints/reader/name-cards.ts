/**
 * The reader's underlined names open the same card as names on pages: on
 * hover, on keyboard focus, and with focus moved into it on Enter or Space.
 * The names are real elements here, so the pointer is resolved by
 * elementFromPoint rather than the pages' hit test.
 */
import type { EntityView } from '../../lib/engine/lookup';
import type { ScriptsOf } from '../../components/entity-scripts';
import { createCardControl } from '../content/card-control';
import { watchHover } from '../content/hover';

export interface NameCardOptions {
  /** The article whose `.mention` elements open cards. */
  root: HTMLElement;
  /** Aborting it closes the card and removes every listener and timer. */
  signal: AbortSignal;
  hoverDelayMs: number;
  lookup(entity: string): Promise<EntityView | null>;
  openArticle(article: string, statement?: string): void;
  /** "All statements": the entity's page, here in the reader. */
  openAll(entity: string): void;
  /** Names' spellings in Arabic script, from the reader's lookup. */
  scriptsOf: ScriptsOf;
}

export function watchNameCards({ root, signal, hoverDelayMs, lookup, openArticle, openAll, scriptsOf }: NameCardOptions): void {
  const doc = root.ownerDocument;
  const win = doc.defaultView as Window;
  const nameIn = (node: unknown): HTMLElement | null => {
    const name = node instanceof Element ? node.closest<HTMLElement>('.mention[data-entity]') : null;
    return name && root.contains(name) ? name : null;
  };
  // A name whose card the reader just closed from inside it: focus comes back to it, and must not reopen the card.
  let dismissed: HTMLElement | null = null;
  const card = createCardControl<HTMLElement>({
    doc,
    signal,
    anchor: (name) => ({ entity: name.dataset.entity ?? '', name: name.textContent ?? '', rect: () => name.getBoundingClientRect(), element: name }),
    lookup,
    openArticle: (article, statement) => {
      card.close();
      openArticle(article, statement);
    },
    openAll: (entity) => {
      card.close();
      openAll(entity);
    },
    // The reader has no next/previous-name keys, so the card names none.
    shortcuts: () => null,
    scriptsOf,
    onDismiss: (name) => {
      dismissed = name;
    },
  });

  watchHover({ doc, signal, delayMs: hoverDelayMs, nameAt: (x, y) => nameIn(doc.elementFromPoint(x, y)), card });
  root.addEventListener(
    'focusin',
    (event) => {
      const name = nameIn(event.target);
      if (name && name !== dismissed) card.open(name, false);
    },
    { signal },
  );
  root.addEventListener(
    'focusout',
    (event) => {
      if (event.target === dismissed) dismissed = null;
      if (event.target === card.current() && !card.contains(event.relatedTarget)) card.close();
    },
    { signal },
  );
  root.addEventListener(
    'keydown',
    (event) => {
      const name = nameIn(event.target);
      if (name && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        card.open(name, true);
      } else if (event.key === 'Escape' && card.isOpen()) {
        card.close();
      }
    },
    { signal },
  );
  win.addEventListener(
    'scroll',
    () => {
      // Focusing a name scrolls it into view: that card stays, as does one holding focus; others would point at the wrong line.
      const active = doc.activeElement;
      if (card.isOpen() && active !== card.current() && !card.contains(active)) card.close();
    },
    { passive: true, capture: true, signal },
  );
}
