import type { MentionLookup, MentionRange } from './types';

const NONE: readonly MentionRange[] = Object.freeze([]);

/** Mentions by text node, so hover and mutation handling never scan every mention. */
export class MentionIndex implements MentionLookup {
  private readonly byNode = new Map<Text, MentionRange[]>();
  /** A mention's nodes never change (types.ts), so removal finds it under the nodes it was filed under. */
  private readonly items = new Set<MentionRange>();

  get size(): number {
    return this.items.size;
  }

  add(items: readonly MentionRange[]): void {
    for (const item of items) {
      if (this.items.has(item)) continue;
      this.items.add(item);
      for (const node of item.nodes) {
        const list = this.byNode.get(node);
        if (list) list.push(item);
        else this.byNode.set(node, [item]);
      }
    }
  }

  remove(items: readonly MentionRange[]): void {
    for (const item of items) {
      if (!this.items.delete(item)) continue;
      for (const node of item.nodes) {
        const list = this.byNode.get(node);
        if (!list) continue;
        const rest = list.filter((m) => m !== item);
        if (rest.length > 0) this.byNode.set(node, rest);
        else this.byNode.delete(node);
      }
    }
  }

  has(item: MentionRange): boolean {
    return this.items.has(item);
  }

  mentionsIn(node: Text): readonly MentionRange[] {
    return this.byNode.get(node) ?? NONE;
  }

  all(): MentionRange[] {
    return [...this.items];
  }

  clear(): void {
    this.byNode.clear();
    this.items.clear();
  }
}
