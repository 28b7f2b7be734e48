/**
 * Keyboard navigation between the page's names: the next/previous-name
 * commands, the page's own fallback for keys the browser holds for nobody,
 * and Escape to close the card and give focus back.
 */
import { type AssignedShortcuts, type NameDirection, pageFallbackDirection } from '../../lib/commands';
import { isEditingText } from '../../lib/dom/editing';
import type { MentionRange } from '../../lib/dom/types';
import type { CardControl } from './card-control';

/**
 * The index of the name to go to among `count` names in reading order, from the
 * one at `at` (-1 when no card is open: then the first name, or the last going
 * back). It wraps around at both ends.
 */
export function nextIndex(count: number, at: number, direction: NameDirection): number {
  if (at < 0) return direction === 'next' ? 0 : count - 1;
  return (at + (direction === 'next' ? 1 : -1) + count) % count;
}

export interface KeyboardNavigationOptions {
  doc: Document;
  /** Aborting it removes the key listener. */
  signal: AbortSignal;
  card: CardControl<MentionRange>;
  /** The page's names in reading order. */
  names(): MentionRange[];
  /** The keys the browser holds for the two commands, as last read; null before the first answer. */
  shortcuts(): AssignedShortcuts | null;
  scrollTo(range: Range): void;
}

/** Listens for the page's keys; returns the step the commands call, false when it did nothing. */
export function watchKeyboardNavigation({ doc, signal, card, names, shortcuts, scrollTo }: KeyboardNavigationOptions): (direction: NameDirection) => boolean {
  const step = (direction: NameDirection): boolean => {
    // Typing in a field, textarea or editor: the keys belong to what the reader writes, never to us.
    if (signal.aborted || isEditingText(doc)) return false;
    const all = names();
    if (all.length === 0) return false;
    const current = card.current();
    const next = all[nextIndex(all.length, current ? all.indexOf(current) : -1, direction)];
    scrollTo(next.range);
    card.open(next, true);
    return true;
  };

  doc.addEventListener(
    'keydown',
    (event) => {
      // Only the reader's own keys count: a page script's synthetic events must not open cards or trigger lookups.
      if (!event.isTrusted) return;
      if (event.key === 'Escape' && card.isOpen()) {
        card.close(true);
        return;
      }
      // The commands (lib/commands.ts) arrive from the background as step-name messages. This listener stays only
      // for a command the browser holds no key for — Chromium refuses Alt+Shift+N and Alt+Shift+P to extensions —
      // so the documented keys work everywhere, and stops answering a key once the reader gives the command one.
      const assigned = shortcuts();
      const direction = assigned && pageFallbackDirection(event, assigned);
      if (direction && step(direction)) event.preventDefault();
    },
    { capture: true, signal },
  );
  return step;
}
