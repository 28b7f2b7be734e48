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
 * The name to go to from `current` in reading order (`order`), among `names`
 * in any order: the next one after it, or the one before going back; with no
 * card open (or its name gone), the first, or the last going back. It wraps
 * around at both ends. One pass, no sort: a page may have tens of thousands.
 */
export function neighbour<T>(names: readonly T[], current: T | null, direction: NameDirection, order: (a: T, b: T) => number): T | null {
  const sign = direction === 'next' ? 1 : -1;
  let step: T | null = null;
  let wrap: T | null = null;
  for (const name of names) {
    if (wrap === null || sign * order(name, wrap) < 0) wrap = name;
    if (current === null || name === current || sign * order(name, current) <= 0) continue;
    if (step === null || sign * order(name, step) < 0) step = name;
  }
  return current !== null && !names.includes(current) ? wrap : (step ?? wrap);
}

export interface KeyboardNavigationOptions {
  doc: Document;
  /** Aborting it removes the key listener. */
  signal: AbortSignal;
  card: CardControl<MentionRange>;
  /** The page's underlined names, in any order. */
  names(): MentionRange[];
  /** Reading order of two names. */
  order(a: MentionRange, b: MentionRange): number;
  /** The keys the browser holds for the two commands, as last read; null before the first answer. */
  shortcuts(): AssignedShortcuts | null;
  scrollTo(range: Range): void;
}

/** Listens for the page's keys; returns the step the commands call, false when it did nothing. */
export function watchKeyboardNavigation({ doc, signal, card, names, order, shortcuts, scrollTo }: KeyboardNavigationOptions): (direction: NameDirection) => boolean {
  const step = (direction: NameDirection): boolean => {
    // Typing in a field, textarea or editor: the keys belong to what the reader writes, never to us.
    if (signal.aborted || isEditingText(doc)) return false;
    const next = neighbour(names(), card.current(), direction, order);
    if (!next) return false;
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
