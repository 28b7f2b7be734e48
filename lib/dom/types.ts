import type { Mention } from '../engine/types';

/** The matcher, injected so the DOM layer never imports the engine. */
export type DetectFn = (text: string) => Mention[];

/**
 * One detected mention bound to the page. `mention` offsets are relative to the
 * text chunk it was detected in, so consumers should use `range`, not offsets.
 * `nodes` are the text nodes the range touches, in document order; the wrap
 * fallback rewrites both `range` and `nodes` when it splits text nodes.
 */
export interface MentionRange {
  mention: Mention;
  range: Range;
  nodes: Text[];
}

/** Anything that can say which mentions touch a text node (index, scanner). */
export interface MentionLookup {
  mentionsIn(node: Text): readonly MentionRange[];
}
