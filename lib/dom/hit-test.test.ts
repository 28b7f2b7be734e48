/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import type { Mention } from '../engine/types';
import { caretFromPoint, mentionAtPoint } from './hit-test';
import { MentionIndex } from './mention-index';
import { collectText } from './page-text';
import { rangeForOffsets } from './ranges';
import type { MentionRange } from './types';

type CaretStubs = {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

afterEach(() => {
  const doc = document as unknown as CaretStubs;
  delete doc.caretPositionFromPoint;
  delete doc.caretRangeFromPoint;
  document.body.replaceChildren();
});

/** Gives a range one fake line box; happy-dom does no layout. */
function withRect(range: Range, left: number, top: number, width: number, height = 16): void {
  const rect = { left, top, right: left + width, bottom: top + height, width, height, x: left, y: top };
  range.getClientRects = () => [rect] as unknown as DOMRectList;
}

function setup(): { index: MentionIndex; zarif: MentionRange; baghdad: MentionRange; nodes: Text[] } {
  const p = document.createElement('p');
  const bold = document.createElement('b');
  bold.textContent = 'Mohammad Javad';
  p.append('The ', bold, ' Zarif went to Baghdad');
  document.body.append(p);
  const { text, segments } = collectText(p);
  const make = (name: string): MentionRange => {
    const start = text.indexOf(name);
    const mention: Mention = { start, end: start + name.length, text: name, entity: name, type: 'person' };
    const mapped = rangeForOffsets(segments, start, start + name.length);
    if (!mapped) throw new Error(name);
    return { mention, ...mapped };
  };
  const zarif = make('Mohammad Javad Zarif');
  const baghdad = make('Baghdad');
  withRect(zarif.range, 30, 0, 150);
  withRect(baghdad.range, 240, 0, 60);
  const index = new MentionIndex();
  index.add([zarif, baghdad]);
  return { index, zarif, baghdad, nodes: [...p.childNodes].flatMap((n) => (n instanceof Text ? [n] : [])) };
}

describe('mentionAtPoint', () => {
  it('finds the mention under the caret, in any of its nodes (caretPositionFromPoint)', () => {
    const { index, zarif, baghdad, nodes } = setup();
    const tail = nodes[1] as Text;
    const doc = document as unknown as CaretStubs;
    doc.caretPositionFromPoint = (x) => (x < 200 ? { offsetNode: tail, offset: 3 } : { offsetNode: tail, offset: 17 });
    expect(mentionAtPoint(document, 150, 8, index)).toBe(zarif);
    expect(mentionAtPoint(document, 260, 8, index)).toBe(baghdad);
    const inBold = zarif.nodes[1] as Text;
    doc.caretPositionFromPoint = () => ({ offsetNode: inBold, offset: 4 });
    expect(mentionAtPoint(document, 100, 8, index)).toBe(zarif);
  });

  it('rejects a caret that snapped to a mention from empty space past the line end', () => {
    const { index, nodes } = setup();
    const tail = nodes[1] as Text;
    (document as unknown as CaretStubs).caretPositionFromPoint = () => ({ offsetNode: tail, offset: tail.length });
    expect(mentionAtPoint(document, 400, 8, index)).toBeNull();
    expect(mentionAtPoint(document, 260, 40, index)).toBeNull();
  });

  it('uses caretRangeFromPoint where the standard API is missing', () => {
    const { index, baghdad, nodes } = setup();
    (document as unknown as CaretStubs).caretRangeFromPoint = () => {
      const range = document.createRange();
      range.setStart(nodes[1] as Text, 16);
      return range;
    };
    expect(caretFromPoint(document, 1, 1)?.offset).toBe(16);
    expect(mentionAtPoint(document, 250, 5, index)).toBe(baghdad);
  });

  it('returns null without a caret API, on non-text carets, and outside mentions', () => {
    const { index, nodes } = setup();
    expect(mentionAtPoint(document, 150, 8, index)).toBeNull();
    const doc = document as unknown as CaretStubs;
    doc.caretPositionFromPoint = () => ({ offsetNode: document.body, offset: 0 });
    expect(mentionAtPoint(document, 150, 8, index)).toBeNull();
    doc.caretPositionFromPoint = () => ({ offsetNode: nodes[1] as Text, offset: 8 });
    expect(mentionAtPoint(document, 210, 8, index)).toBeNull();
  });
});
