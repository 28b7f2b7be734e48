/**
 * Hover: after the reader's pointer rests on a name for the chosen delay, its
 * card opens; when the pointer leaves both name and card, it closes after a
 * grace period long enough to travel from one to the other.
 */
import { signalFrame, signalTimer } from '../../lib/dom/signal-timers';
import type { CardControl } from './card-control';
import { LEAVE_GRACE_MS } from './constants';

export interface HoverOptions<Key> {
  doc: Document;
  /** Aborting it removes the listener and cancels every pending timer. */
  signal: AbortSignal;
  delayMs: number;
  /** The name under a viewport point, if any (hit-tested on pages, where highlights are not elements). */
  nameAt(x: number, y: number): Key | null;
  card: CardControl<Key>;
}

export function watchHover<Key>({ doc, signal, delayMs, nameAt, card }: HoverOptions<Key>): void {
  const win = doc.defaultView as Window;
  const openTimer = signalTimer(win, signal);
  const leaveTimer = signalTimer(win, signal);
  const frame = signalFrame(win, signal);
  let point: { x: number; y: number } | null = null;

  const settle = () => {
    if (!point) return;
    const hit = nameAt(point.x, point.y);
    if (hit !== null && hit === card.current()) {
      leaveTimer.clear();
      return;
    }
    openTimer.clear();
    if (hit !== null) openTimer.set(() => card.open(hit, false), delayMs);
    else if (card.isOpen() && !leaveTimer.pending()) leaveTimer.set(() => card.close(), LEAVE_GRACE_MS);
  };

  doc.addEventListener(
    'pointermove',
    (event) => {
      // Only the reader's own pointer counts: a page script's synthetic events must not open cards or trigger lookups.
      if (!event.isTrusted) return;
      if (card.contains(event.target)) {
        leaveTimer.clear();
        return;
      }
      point = { x: event.clientX, y: event.clientY };
      frame.request(settle);
    },
    { passive: true, capture: true, signal },
  );
}
