import type { EntityType } from '../../lib/engine/types';

export interface Range {
  start: number;
  end: number;
}
export interface SentenceRange extends Range {
  id: string;
}
export interface MentionRange extends Range {
  entity: string;
  type: EntityType;
}

/** A run of a paragraph's text lying inside one sentence (or none) and one mention (or none). */
export interface Piece extends Range {
  text: string;
  sentence: SentenceRange | null;
  mention: MentionRange | null;
}

/**
 * Cuts a paragraph at every sentence and mention boundary, so each piece can be
 * wrapped by the sentence and the mention it belongs to. A mention that runs
 * over a sentence boundary comes out as two pieces, one in each sentence.
 */
export function pieces(text: string, sentences: SentenceRange[], mentions: MentionRange[]): Piece[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const cuts = new Set([0, text.length]);
  for (const r of [...sentences, ...mentions]) {
    cuts.add(clamp(r.start));
    cuts.add(clamp(r.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const inside = <R extends Range>(r: R) => r.start <= start && end <= r.end;
    out.push({ start, end, text: text.slice(start, end), sentence: sentences.find(inside) ?? null, mention: mentions.find(inside) ?? null });
  }
  return out;
}

/** Consecutive items sharing a key, in order. */
export function runs<T, K>(items: T[], key: (item: T) => K): { key: K; items: T[] }[] {
  const out: { key: K; items: T[] }[] = [];
  for (const item of items) {
    const k = key(item);
    const last = out[out.length - 1];
    if (last && last.key === k) last.items.push(item);
    else out.push({ key: k, items: [item] });
  }
  return out;
}
