import type { MentionLookup, MentionRange } from './types';

const NONE: readonly MentionRange[] = Object.freeze([]);

/** Mentions by text node, so hover and mutation handling never scan every mention. */
export class MentionIndex implements MentionLookup {
  private readonly byNode = new Map<Text, MentionRange[]>();
  /**
   * The nodes each item was filed under, copied: the wrap fallback rewrites
   * `item.nodes`, and removal must still find the old keys.
   */
  private readonly filedUnder = new Map<MentionRange, readonly Text[]>();

  get size(): number {
    return this.filedUnder.size;
  }

  add(items: readonly MentionRange[]): void {
    for (const item of items) {
      if (this.filedUnder.has(item)) continue;
      const nodes = [...item.nodes];
      this.filedUnder.set(item, nodes);
      for (const node of nodes) {
        const list = this.byNode.get(node);
        if (list) list.push(item);
        else this.byNode.set(node, [item]);
      }
    }
  }

  remove(items: readonly MentionRange[]): void {
    for (const item of items) {
      const nodes = this.filedUnder.get(item);
      if (!nodes) continue;
      this.filedUnder.delete(item);
      for (const node of nodes) {
        const list = this.byNode.get(node);
        if (!list) continue;
        const rest = list.filter((m) => m !== item);
        if (rest.length > 0) this.byNode.set(node, rest);
        else this.byNode.delete(node);
      }
    }
  }

  /** Re-files items whose `nodes` changed after they were added. */
  reindex(items: readonly MentionRange[]): void {
    const present = items.filter((item) => this.filedUnder.has(item));
    this.remove(present);
    this.add(present);
  }

  has(item: MentionRange): boolean {
    return this.filedUnder.has(item);
  }

  mentionsIn(node: Text): readonly MentionRange[] {
    return this.byNode.get(node) ?? NONE;
  }

  all(): MentionRange[] {
    return [...this.filedUnder.keys()];
  }

  clear(): void {
    this.byNode.clear();
    this.filedUnder.clear();
  }
}
