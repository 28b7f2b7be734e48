import type { MentionIndex } from './mention-index';
import { hasAncestorIn } from './mutation-units';
import { createTextCollector, type PageText, type TextCollector } from './page-text';
import { PageMentionRange } from './mention-range';
import { spanForOffsets, type TextSpan } from './ranges';
import { now } from './scheduling';
import { type ElementClassifier, isInsideSkipped } from './skip-rules';
import type { DetectFn, MentionRange } from './types';

export interface UnitQueueOptions {
  root: Node;
  detect: DetectFn;
  index: MentionIndex;
  classify: ElementClassifier;
  ownTagNames: readonly string[];
  sliceMs: number;
  report(error: unknown): void;
}

/** Subtrees waiting to be scanned, worked through one text chunk at a time. */
export interface UnitQueue {
  enqueue(units: readonly Node[]): void;
  hasWork(): boolean;
  /** Scans one chunk; new mentions go into the index and onto `added`. */
  step(added: MentionRange[]): void;
  clear(): void;
}

export function createUnitQueue(options: UnitQueueOptions): UnitQueue {
  const { root, detect, index, classify, ownTagNames, sliceMs, report } = options;
  const queue: Node[] = [];
  let current: { unit: Node; collector: TextCollector } | null = null;
  let chunkChars = 32_768;

  const isScannable = (unit: Node): boolean =>
    unit === root ||
    (root.contains(unit) && unit.parentNode !== null && !isInsideSkipped(unit.parentNode, root, classify));

  const begin = (unit: Node): void => {
    current = isScannable(unit) ? { unit, collector: createTextCollector(unit, { ownTagNames }) } : null;
  };

  const isDuplicate = (span: TextSpan, entity: string): boolean => {
    const last = span.nodes[span.nodes.length - 1];
    return index
      .mentionsIn(span.nodes[0] as Text)
      .some(
        (m) =>
          m.mention.entity === entity &&
          m.nodes[0] === span.nodes[0] &&
          m.startOffset === span.startOffset &&
          m.nodes[m.nodes.length - 1] === last &&
          m.endOffset === span.endOffset,
      );
  };

  const addMentions = (chunk: PageText, added: MentionRange[]): void => {
    let found: ReturnType<DetectFn> = [];
    try {
      found = detect(chunk.text);
    } catch (error) {
      report(error);
    }
    for (const mention of found) {
      if (!(mention.start >= 0 && mention.end <= chunk.text.length)) continue;
      const span = spanForOffsets(chunk.segments, mention.start, mention.end);
      // A unit re-scanned while an enclosing one is still walking would add the same mention twice.
      if (!span || isDuplicate(span, mention.entity)) continue;
      const item = new PageMentionRange({ entity: mention.entity, type: mention.type }, span.nodes, span.startOffset, span.endOffset);
      index.add([item]);
      added.push(item);
    }
  };

  /** Sizes detect() calls so one chunk takes about half a slice, whatever the matcher's speed. */
  const adaptChunkSize = (chars: number, elapsedMs: number): void => {
    const estimate = (chars * sliceMs) / 2 / Math.max(elapsedMs, 0.1);
    // Grow at most 2x per chunk: one fast chunk (timer granularity) is weak evidence.
    chunkChars = Math.max(2_000, Math.round(Math.min(estimate, chunkChars * 2, 256_000)));
  };

  return {
    /** Keeps queued units disjoint: nothing is queued twice or inside another queued unit. */
    enqueue(units) {
      const queued = new Set(queue);
      const fresh = units.filter((unit) => !queued.has(unit) && !hasAncestorIn(unit, queued, root));
      const freshSet = new Set(fresh);
      const kept = queue.filter((q) => !hasAncestorIn(q, freshSet, root));
      queue.length = 0;
      queue.push(...kept, ...fresh);
    },
    hasWork: () => current !== null || queue.length > 0,
    step(added) {
      if (!current) begin(queue.shift() as Node);
      // Our resume point was removed: start the unit over (duplicates are skipped).
      if (current && !current.collector.stillAttached()) begin(current.unit);
      if (!current) return;
      const started = now();
      const chunk = current.collector.next(chunkChars);
      if (!chunk) {
        current = null;
        return;
      }
      addMentions(chunk, added);
      adaptChunkSize(chunk.text.length, now() - started);
    },
    clear() {
      queue.length = 0;
      current = null;
    },
  };
}
