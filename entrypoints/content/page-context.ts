/**
 * Everything the extension does on one page while it is switched on:
 * scanning and underlining here; the card (card-control.ts), hover
 * (hover.ts), keyboard navigation (keyboard-navigation.ts), the badge
 * (name-counts.ts) and scrolling to a name (reveal.ts) in their own modules.
 * Every listener and timer hangs on one AbortSignal, so `stop()` cannot miss
 * one and leaves the page's DOM as it was.
 *
 * Every mention found is counted (the popup's names, the badge); the ones
 * shown are all of them, or the first of each name with the option; of
 * those, the browser holds the ones on and near the screen
 * (lib/dom/underline-window.ts). Highlights are registered under names drawn
 * for this page: the registry is the page's too.
 */
import { type AssignedShortcuts, effectiveShortcuts, type NameDirection } from '../../lib/commands';
import { createFirstMentions } from '../../lib/dom/first-mentions';
import { randomHighlightName, randomHighlightNames } from '../../lib/dom/highlight-styles';
import { createHighlighter } from '../../lib/dom/highlighter';
import { mentionAtPoint } from '../../lib/dom/hit-test';
import { blocksOnScreen } from '../../lib/dom/on-screen';
import { mentionOrder } from '../../lib/dom/ranges';
import { createPageScanner } from '../../lib/dom/scanner';
import type { MentionLookup, MentionRange } from '../../lib/dom/types';
import { createUnderlineWindow } from '../../lib/dom/underline-window';
import { findMentions, type NameTable } from '../../lib/engine/matcher';
import type { PageName } from '../../lib/messages';
import { ask } from '../../lib/messaging';
import { enabledTypes, type Settings } from '../../lib/settings';
import { createCardControl } from './card-control';
import { HOST_TAG } from './constants';
import { watchHover } from './hover';
import { watchKeyboardNavigation } from './keyboard-navigation';
import { countNames } from './name-counts';
import { createReveal, flashCss } from './reveal';

export interface PageContext {
  names(): PageName[];
  reveal(entity: string): boolean;
  /** Moves to the next or previous name and opens its card with focus in it; false (nothing done) when the page has no names or the reader is typing. */
  step(direction: NameDirection): boolean;
  stop(): void;
}

export interface KeyboardOptions {
  /** The keys the browser holds for the two commands, as last read; null before the first answer. */
  shortcuts(): AssignedShortcuts | null;
}

export function startPageContext(doc: Document, table: NameTable, settings: Settings, keyboard: KeyboardOptions): PageContext {
  const win = doc.defaultView as Window;
  const stopped = new AbortController();
  const signal = stopped.signal;
  const types = enabledTypes(settings);
  const confirmed = new Set<string>();
  // The flash rule rides in the highlighter's one stylesheet, so a page gets one style element at most.
  const flashName = randomHighlightName();
  const highlighter = createHighlighter(doc, { names: randomHighlightNames(), underline: settings.underline, extraCss: flashCss(flashName) });
  const underlines = createUnderlineWindow({ highlighter, signal });
  const firsts = settings.firstMentionOnly ? createFirstMentions() : null;
  const isShown = (item: MentionRange) => firsts === null || firsts.has(item);
  const counts = countNames({ win, signal, table, reportBadge: (distinct) => ask({ type: 'page-mentions', distinct }).catch(() => {}) });
  const reveal = createReveal(win, signal, flashName);

  const card = createCardControl<MentionRange>({
    doc,
    signal,
    anchor: (item) => ({
      entity: item.mention.entity,
      name: table.entities[item.mention.entity]?.name ?? item.range.toString(),
      rect: () => item.range.getBoundingClientRect(),
      element: item.range.startContainer.parentElement,
    }),
    lookup: (id) => ask({ type: 'lookup-entity', id, limit: 4 }),
    openArticle: (article, statement) => {
      ask({ type: 'open-reader', article, statement }).catch(() => {});
    },
    openAll: (id) => {
      ask({ type: 'open-entity-page', id }).catch(() => {});
    },
    shortcuts: () => {
      // The reader may hide the card's line of keyboard hints in the options.
      const assigned = settings.cardKeyHints ? keyboard.shortcuts() : null;
      return assigned && effectiveShortcuts(assigned);
    },
    // The page's own table knows every name it underlines, the library's too: no request needed.
    scriptsOf: (id) => (id !== undefined ? table.entities[id]?.scripts : undefined),
  });

  const scanner = createPageScanner({
    root: doc,
    ownTagNames: [HOST_TAG],
    firstUnits: () => blocksOnScreen(doc),
    detect: (text) => findMentions(text, table, { types, confirmed, strongOut: confirmed }),
    onAdd: (items) => {
      counts.add(items);
      if (!firsts) return underlines.add(items);
      const change = firsts.add(items);
      underlines.remove(change.hidden);
      underlines.add(change.shown);
    },
    onRemove: (items) => {
      counts.remove(items);
      underlines.remove(items);
      if (firsts) {
        const change = firsts.remove(items);
        underlines.add(change.shown);
      }
      const current = card.current();
      if (current && items.includes(current)) card.close();
    },
    onError: (error) => console.debug('[iran-iraq-context]', error),
  });
  signal.addEventListener(
    'abort',
    () => {
      scanner.stop();
      highlighter.clear();
    },
    { once: true },
  );

  // Highlights are not elements: the pointer is hit-tested against the names shown.
  const shown: MentionLookup = { mentionsIn: (node) => scanner.mentionsIn(node).filter(isShown) };
  watchHover({ doc, signal, delayMs: settings.hoverDelayMs, nameAt: (x, y) => mentionAtPoint(doc, x, y, shown, scanner.shadowRoots()), card });
  const step = watchKeyboardNavigation({
    doc,
    signal,
    card,
    names: () => (firsts ? firsts.all() : scanner.mentions()).filter((m) => m.nodes[0]?.ownerDocument === doc),
    order: mentionOrder,
    shortcuts: keyboard.shortcuts,
    scrollTo: reveal.scrollTo,
  });
  win.addEventListener(
    'scroll',
    () => {
      // Keyboard-opened cards stay. Others move with their name through small scrolls; one left behind
      // would point at the wrong line, so it closes once the name leaves the view or the page moved far.
      if (!card.isOpen() || card.contains(doc.activeElement)) return;
      if (!card.follow()) card.close();
    },
    { passive: true, capture: true, signal },
  );

  scanner.start();

  return {
    names: counts.names,
    reveal(entity) {
      let first: MentionRange | null = null;
      for (const m of scanner.mentions()) if (m.mention.entity === entity && (!first || mentionOrder(m, first) < 0)) first = m;
      if (!first) return false;
      reveal.scrollTo(first.range);
      reveal.flash(first.range);
      return true;
    },
    step,
    stop: () => stopped.abort(),
  };
}
