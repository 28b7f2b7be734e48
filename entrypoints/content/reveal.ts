/** Bringing a name into view: scrolling to it, and a brief flash when the popup asks for it. */
import { signalTimer } from '../../lib/dom/signal-timers';
import { FLASH_MS } from './constants';

/** The highlight the flash is drawn with; its rule rides in the highlighter's stylesheet. */
export const FLASH_HIGHLIGHT = 'iic-flash';
export const FLASH_CSS = `::highlight(${FLASH_HIGHLIGHT}) { background-color: rgba(255, 200, 0, 0.55); color: inherit; }`;

export interface Reveal {
  scrollTo(range: Range): void;
  flash(range: Range): void;
}

/** Aborting `signal` ends a flash under way. */
export function createReveal(win: Window, signal: AbortSignal): Reveal {
  const registry = (win as Window & { CSS: { highlights: HighlightRegistry } }).CSS.highlights;
  const flashTimer = signalTimer(win, signal);
  signal.addEventListener('abort', () => registry.delete(FLASH_HIGHLIGHT), { once: true });
  return {
    scrollTo(range) {
      const still = win.matchMedia('(prefers-reduced-motion: reduce)').matches;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    },
    flash(range) {
      registry.set(FLASH_HIGHLIGHT, new Highlight(range));
      flashTimer.set(() => registry.delete(FLASH_HIGHLIGHT), FLASH_MS);
    },
  };
}
