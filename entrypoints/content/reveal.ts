/** Bringing a name into view: scrolling to it, and a brief flash when the popup asks for it. */
import { signalTimer } from '../../lib/dom/signal-timers';
import { FLASH_MS } from './constants';

/** The rule of the highlight a flash is drawn with (named per page, as the underlines are); it rides in the highlighter's stylesheet. */
export const flashCss = (name: string): string => `::highlight(${name}) { background-color: rgba(255, 200, 0, 0.55); color: inherit; }`;

export interface Reveal {
  scrollTo(range: Range): void;
  flash(range: Range): void;
}

/** Aborting `signal` ends a flash under way; `flashName` is the registry name `flashCss` styles. */
export function createReveal(win: Window, signal: AbortSignal, flashName: string): Reveal {
  const registry = (win as Window & { CSS: { highlights: HighlightRegistry } }).CSS.highlights;
  const flashTimer = signalTimer(win, signal);
  signal.addEventListener('abort', () => registry.delete(flashName), { once: true });
  return {
    scrollTo(range) {
      const still = win.matchMedia('(prefers-reduced-motion: reduce)').matches;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    },
    flash(range) {
      registry.set(flashName, new Highlight(range));
      flashTimer.set(() => registry.delete(flashName), FLASH_MS);
    },
  };
}
