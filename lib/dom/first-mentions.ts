/**
 * The first mention of each name in reading order, kept as mentions come and
 * go: the option "underline the first mention of each name only" (a page
 * that names Trump 37 times underlines him once). Mentions added above the
 * current first one take its place; removing the first one hands its place
 * to the next.
 */
import { mentionOrder } from './ranges';
import type { MentionRange } from './types';

/** What changed in the set of first mentions. */
export interface FirstMentionChange {
  shown: MentionRange[];
  hidden: MentionRange[];
}

export interface FirstMentions {
  add(items: readonly MentionRange[]): FirstMentionChange;
  remove(items: readonly MentionRange[]): FirstMentionChange;
  has(item: MentionRange): boolean;
  all(): MentionRange[];
}

export function createFirstMentions(order: (a: MentionRange, b: MentionRange) => number = mentionOrder): FirstMentions {
  const byEntity = new Map<string, Set<MentionRange>>();
  const first = new Map<string, MentionRange>();

  const earliest = (items: Iterable<MentionRange>): MentionRange | undefined => {
    let best: MentionRange | undefined;
    for (const item of items) if (!best || order(item, best) < 0) best = item;
    return best;
  };

  /** Compares each touched entity's first mention before and after. */
  const settle = (touched: ReadonlyMap<string, MentionRange | undefined>): FirstMentionChange => {
    const change: FirstMentionChange = { shown: [], hidden: [] };
    for (const [entity, before] of touched) {
      const after = first.get(entity);
      if (after === before) continue;
      if (before) change.hidden.push(before);
      if (after) change.shown.push(after);
    }
    return change;
  };

  return {
    add(items) {
      const touched = new Map<string, MentionRange | undefined>();
      for (const item of items) {
        const entity = item.mention.entity;
        if (!touched.has(entity)) touched.set(entity, first.get(entity));
        let all = byEntity.get(entity);
        if (!all) {
          all = new Set();
          byEntity.set(entity, all);
        }
        all.add(item);
        const current = first.get(entity);
        if (!current || order(item, current) < 0) first.set(entity, item);
      }
      return settle(touched);
    },
    remove(items) {
      const touched = new Map<string, MentionRange | undefined>();
      for (const item of items) {
        const entity = item.mention.entity;
        const all = byEntity.get(entity);
        if (!all?.delete(item)) continue;
        if (!touched.has(entity)) touched.set(entity, first.get(entity));
        if (first.get(entity) !== item) continue;
        const next = earliest(all);
        if (next) first.set(entity, next);
        else {
          first.delete(entity);
          byEntity.delete(entity);
        }
      }
      return settle(touched);
    },
    has: (item) => first.get(item.mention.entity) === item,
    all: () => [...first.values()],
  };
}
