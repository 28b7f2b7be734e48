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
 * One detected mention bound to the page. `nodes` are the text nodes the range
 * touches, in document order. Nothing of it changes once made: underlining
 * never touches the page's nodes, so a mention is replaced, not edited, when
 * the page changes its text.
 */
export interface MentionRange {
  readonly mention: PageMention;
  readonly range: Range;
  readonly nodes: readonly Text[];
}

/** Anything that can say which mentions touch a text node (index, scanner). */
export interface MentionLookup {
  mentionsIn(node: Text): readonly MentionRange[];
}
