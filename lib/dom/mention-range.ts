import type { MentionRange, PageMention } from './types';

/** A mention over page text whose live Range is made on first use and dropped by `release()` (see `MentionRange`). */
export class PageMentionRange implements MentionRange {
  #range: Range | null = null;

  constructor(
    readonly mention: PageMention,
    readonly nodes: readonly Text[],
    readonly startOffset: number,
    readonly endOffset: number,
  ) {}

  get range(): Range {
    if (this.#range) return this.#range;
    const first = this.nodes[0] as Text;
    const last = this.nodes[this.nodes.length - 1] as Text;
    const range = (first.ownerDocument as Document).createRange();
    // The page may have shortened a node since the scan; the scanner replaces this mention at its next flush.
    range.setStart(first, Math.min(this.startOffset, first.length));
    range.setEnd(last, Math.min(this.endOffset, last.length));
    this.#range = range;
    return range;
  }

  release(): void {
    this.#range = null;
  }
}
