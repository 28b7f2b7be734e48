import type { Mention } from '../engine/types';

/** The matcher, injected so the DOM layer never imports the engine. */
export type DetectFn = (text: string) => Mention[];

/**
 * What a page keeps of a detected mention: which entity, of which type. The
 * matched text and its offsets are left behind on purpose: the text was a
 * slice of the scanned chunk and kept the whole chunk alive (about 1 MB of
 * heap on a long page); the range reads the same words from the page.
 */
export type PageMention = Pick<Mention, 'entity' | 'type'>;

/**
 * One detected mention bound to the page: its text nodes (in document order)
 * and where it starts in the first and ends in the last. Nothing of it changes
 * once made: underlining never touches the page's nodes, so a mention is
 * replaced, not edited, when the page changes its text.
 *
 * `range` is a live Range over it, made on first use. A live Range costs the
 * page on every edit it makes (the browser moves each one), so a page keeps
 * one only for the mentions underlined or pointed at now, and `release()`
 * lets it go when it is no longer needed.
 */
export interface MentionRange {
  readonly mention: PageMention;
  readonly nodes: readonly Text[];
  readonly startOffset: number;
  readonly endOffset: number;
  readonly range: Range;
  release(): void;
}

/** Anything that can say which mentions touch a text node (index, scanner). */
export interface MentionLookup {
  mentionsIn(node: Text): readonly MentionRange[];
}
