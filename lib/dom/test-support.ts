/** Test stand-ins for the DOM layer's tests; the layer itself never imports the engine. */
import type { Mention, UnderlineType } from '../engine/types';
import { PageMentionRange } from './mention-range';
import type { TextSegment } from './page-text';
import { spanForOffsets } from './ranges';
import type { MentionRange } from './types';

const NAMES: ReadonlyArray<readonly [string, UnderlineType]> = [
  ['Mohammad Javad Zarif', 'person'],
  ['al-Kadhimi', 'person'],
  ['IRGC', 'organization'],
  ['Baghdad', 'place'],
];

/** Tiny stand-in for the engine: every occurrence of a fixed name. */
export function fakeDetect(text: string): Mention[] {
  const found: Mention[] = [];
  for (const [name, type] of NAMES) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
      found.push({ start: i, end: i + name.length, text: name, entity: name.toLowerCase(), type });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The mention bound to the page text it was found in, as the scanner binds it; null when it maps to no node. */
export function boundMention(segments: readonly TextSegment[], mention: Mention): MentionRange | null {
  const span = spanForOffsets(segments, mention.start, mention.end);
  return span ? new PageMentionRange({ entity: mention.entity, type: mention.type }, span.nodes, span.startOffset, span.endOffset) : null;
}
