/**
 * Everything the extension does on one page while it is switched on:
 * scanning, underlining, the hover card, keyboard navigation and the badge.
 * `stop()` undoes all of it, leaving the page's DOM as it was.
 */
import { type AssignedShortcuts, effectiveShortcuts, type NameDirection, pageFallbackDirection } from '../../lib/commands';
import { isEditingText } from '../../lib/dom/editing';
import { findMentions, type NameTable } from '../../lib/engine/matcher';
import type { EntityType } from '../../lib/engine/types';
import { createHighlighter } from '../../lib/dom/highlighter';
import { mentionAtPoint } from '../../lib/dom/hit-test';
import { composedOrder } from '../../lib/dom/ranges';
import { createPageScanner } from '../../lib/dom/scanner';
import type { MentionRange } from '../../lib/dom/types';
import type { PageName } from '../../lib/messages';
import { ask } from '../../lib/messaging';
import type { Settings } from '../../lib/settings';
import { enabledTypes } from '../../lib/settings';
import { createCardHost } from './card-host';
import { FLASH_MS, HOST_TAG, LEAVE_GRACE_MS } from './constants';

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

const FLASH = 'iic-flash';

function documentOrder(a: MentionRange, b: MentionRange): number {
  if (a.range.startContainer.ownerDocument !== b.range.startContainer.ownerDocument) return 0;
  return composedOrder(a.range, b.range);
}

export function startPageContext(doc: Document, table: NameTable, settings: Settings, keyboard: KeyboardOptions): PageContext {
  const win = doc.defaultView as Window;
  const types: EntityType[] = enabledTypes(settings);
  const confirmed = new Set<string>();
  const counts = new Map<string, number>();
  // The flash rule rides in the highlighter's one stylesheet, so a page gets one style element at most.
  const highlighter = createHighlighter(doc, {
    underline: settings.underline,
    extraCss: `::highlight(${FLASH}) { background-color: rgba(255, 200, 0, 0.55); color: inherit; }`,
  });
  const cleanups: (() => void)[] = [];
  let current: MentionRange | null = null;
  let badgeTimer = 0;

  const reportBadge = () => {
    win.clearTimeout(badgeTimer);
    badgeTimer = win.setTimeout(() => {
      ask({ type: 'page-mentions', distinct: counts.size }).catch(() => {});
    }, 250);
  };
  const count = (items: MentionRange[], delta: 1 | -1) => {
    for (const item of items) {
      const n = (counts.get(item.mention.entity) ?? 0) + delta;
      if (n > 0) counts.set(item.mention.entity, n);
      else counts.delete(item.mention.entity);
    }
    reportBadge();
  };

  const scanner = createPageScanner({
    root: doc,
    ownTagNames: [HOST_TAG],
    detect: (text) => findMentions(text, table, { types, confirmed, strongOut: confirmed }),
    onAdd: (items) => {
      highlighter.add(items);
      count(items, 1);
    },
    onRemove: (items) => {
      highlighter.remove(items);
      count(items, -1);
      if (current && items.includes(current)) closeCard();
    },
    onError: (error) => console.debug('[iran-iraq-context]', error),
  });

  const card = createCardHost(doc, {
    onOpen: (article, statement) => {
      ask({ type: 'open-reader', article, statement }).catch(() => {});
    },
    onOpenAll: (id) => {
      ask({ type: 'open-entity-page', id }).catch(() => {});
    },
    onClose: () => closeCard(true),
    shortcuts: () => {
      const assigned = keyboard.shortcuts();
      return assigned && effectiveShortcuts(assigned);
    },
  });

  let openToken = 0;
  async function openCard(item: MentionRange, focus: boolean) {
    const token = ++openToken;
    current = item;
    const anchor = item.range.getBoundingClientRect();
    const name = table.entities[item.mention.entity]?.name ?? item.range.toString();
    card.show({ status: 'loading' }, anchor, focus, name, item.range.startContainer.parentElement);
    try {
      const entity = await ask({ type: 'lookup-entity', id: item.mention.entity, limit: 4 });
      if (token !== openToken) return;
      card.show(entity ? { status: 'ready', entity } : { status: 'error' }, item.range.getBoundingClientRect(), focus, name, item.range.startContainer.parentElement);
    } catch {
      if (token === openToken) card.show({ status: 'error' }, anchor, focus, name, item.range.startContainer.parentElement);
    }
  }
  let returnFocus: HTMLElement | null = null;
  function closeCard(restoreFocus = false) {
    openToken++;
    current = null;
    card.hide();
    if (restoreFocus && returnFocus) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  }

  // Hover: the pointer position is hit-tested against our ranges, since highlights are not elements.
  let hoverTimer = 0;
  let leaveTimer = 0;
  let pendingPoint: { x: number; y: number } | null = null;
  let frame = 0;
  // Only the reader's own pointer and keys count: a page script's synthetic events must not open cards or trigger lookups.
  const onPointerMove = (event: PointerEvent) => {
    if (!event.isTrusted) return;
    if (card.contains(event.target)) {
      win.clearTimeout(leaveTimer);
      return;
    }
    pendingPoint = { x: event.clientX, y: event.clientY };
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      const point = pendingPoint;
      if (!point) return;
      const hit = mentionAtPoint(doc, point.x, point.y, scanner, scanner.shadowRoots());
      if (hit && hit === current) {
        win.clearTimeout(leaveTimer);
        return;
      }
      win.clearTimeout(hoverTimer);
      if (hit) {
        hoverTimer = win.setTimeout(() => openCard(hit, false), settings.hoverDelayMs);
      } else if (card.isOpen() && !leaveTimer) {
        leaveTimer = win.setTimeout(() => {
          leaveTimer = 0;
          closeCard();
        }, LEAVE_GRACE_MS);
      }
    });
  };
  function step(direction: NameDirection): boolean {
    // Typing in a field, textarea or editor: the keys belong to what the reader writes, never to us.
    if (isEditingText(doc)) return false;
    const all = scanner.mentions().filter((m) => m.range.startContainer.ownerDocument === doc).sort(documentOrder);
    if (all.length === 0) return false;
    const forward = direction === 'next';
    const at = current ? all.indexOf(current) : -1;
    const next = all[(at + (forward ? 1 : -1) + all.length + (at < 0 && !forward ? 1 : 0)) % all.length];
    if (!card.isOpen()) returnFocus = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
    scrollToRange(next.range);
    openCard(next, true);
    return true;
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    if (event.key === 'Escape' && card.isOpen()) {
      closeCard(true);
      return;
    }
    // The commands (lib/commands.ts) arrive from the background as step-name messages. This listener stays only
    // for a command the browser holds no key for — Chromium refuses Alt+Shift+N and Alt+Shift+P to extensions —
    // so the documented keys work everywhere, and stops answering a key once the reader gives the command one.
    const assigned = keyboard.shortcuts();
    const direction = assigned && pageFallbackDirection(event, assigned);
    if (direction && step(direction)) event.preventDefault();
  };
  const onScroll = () => {
    // Keyboard-opened cards stay. Others move with their name through small scrolls; one left behind
    // would point at the wrong line, so it closes once the name leaves the view or the page moved far.
    if (!card.isOpen() || card.contains(doc.activeElement)) return;
    if (!current || !card.follow(current.range.getBoundingClientRect())) closeCard();
  };
  doc.addEventListener('pointermove', onPointerMove, { passive: true, capture: true });
  doc.addEventListener('keydown', onKeyDown, true);
  win.addEventListener('scroll', onScroll, { passive: true, capture: true });
  cleanups.push(
    () => doc.removeEventListener('pointermove', onPointerMove, { capture: true }),
    () => doc.removeEventListener('keydown', onKeyDown, true),
    () => win.removeEventListener('scroll', onScroll, { capture: true }),
  );

  /** The page's highlight registry, absent where the browser lacks the Highlight API. */
  function flashRegistry(): HighlightRegistry | undefined {
    return (win as Window & { CSS: { highlights?: HighlightRegistry } }).CSS.highlights;
  }

  function scrollToRange(range: Range) {
    const el = range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: win.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }

  scanner.start();

  return {
    names() {
      const byId = new Map<string, PageName>();
      for (const [id, n] of counts) {
        const info = table.entities[id];
        if (info) byId.set(id, { id, name: info.name, type: info.type, count: n });
      }
      return [...byId.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
    },
    reveal(entity) {
      const first = scanner.mentions().filter((m) => m.mention.entity === entity).sort(documentOrder)[0];
      if (!first) return false;
      scrollToRange(first.range);
      const registry = flashRegistry();
      if (registry && typeof Highlight === 'function') {
        registry.set(FLASH, new Highlight(first.range));
        win.setTimeout(() => registry.delete(FLASH), FLASH_MS);
      }
      return true;
    },
    step,
    stop() {
      closeCard();
      win.clearTimeout(hoverTimer);
      win.clearTimeout(leaveTimer);
      win.clearTimeout(badgeTimer);
      if (frame) win.cancelAnimationFrame(frame);
      scanner.stop();
      highlighter.clear();
      flashRegistry()?.delete(FLASH);
      card.destroy();
      for (const c of cleanups) c();
      counts.clear();
      ask({ type: 'page-mentions', distinct: 0 }).catch(() => {});
    },
  };
}
