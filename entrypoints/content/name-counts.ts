/**
 * How many times each entity is underlined on the page: the popup's list of
 * names, and the toolbar badge (the number of distinct names), reported to the
 * background a moment after the counts settle.
 */
import type { MentionRange } from '../../lib/dom/types';
import { signalTimer } from '../../lib/dom/signal-timers';
import type { NameTable } from '../../lib/engine/matcher';
import type { PageName } from '../../lib/messages';

const BADGE_SETTLE_MS = 250;

export interface NameCounts {
  add(items: MentionRange[]): void;
  remove(items: MentionRange[]): void;
  /** The page's names, most mentioned first. */
  names(): PageName[];
}

export interface NameCountOptions {
  win: Window;
  /** Aborting it clears the counts and reports a badge of 0 at once. */
  signal: AbortSignal;
  table: NameTable;
  reportBadge(distinct: number): void;
}

export function countNames({ win, signal, table, reportBadge }: NameCountOptions): NameCounts {
  const counts = new Map<string, number>();
  const badgeTimer = signalTimer(win, signal);
  const change = (items: MentionRange[], delta: 1 | -1) => {
    for (const item of items) {
      const n = (counts.get(item.mention.entity) ?? 0) + delta;
      if (n > 0) counts.set(item.mention.entity, n);
      else counts.delete(item.mention.entity);
    }
    badgeTimer.set(() => reportBadge(counts.size), BADGE_SETTLE_MS);
  };
  signal.addEventListener(
    'abort',
    () => {
      counts.clear();
      reportBadge(0);
    },
    { once: true },
  );
  return {
    add: (items) => change(items, 1),
    remove: (items) => change(items, -1),
    names() {
      const out: PageName[] = [];
      for (const [id, count] of counts) {
        const info = table.entities[id];
        if (info) out.push({ id, name: info.name, type: info.type, ...(info.scripts ? { scripts: info.scripts } : {}), count });
      }
      return out.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
    },
  };
}
