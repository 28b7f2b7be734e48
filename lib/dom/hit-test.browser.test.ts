/**
 * Hit-testing in real Chromium: real line boxes, the real caret APIs, real
 * shadow roots. The points come from the ranges' own client rects, so the
 * tests hold whatever font the machine has.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Mention } from '../engine/types';
import { caretFromPoint, mentionAtPoint } from './hit-test';
import { MentionIndex } from './mention-index';
import { collectText } from './page-text';
import { boundMention } from './test-support';
import type { MentionRange } from './types';

type CaretApis = 'caretPositionFromPoint' | 'caretRangeFromPoint';

const hidden: CaretApis[] = [];
/** Makes the document look as if the browser lacked `api`, to reach the other branch. */
function hide(api: CaretApis): void {
  Object.defineProperty(document, api, { value: undefined, configurable: true });
  hidden.push(api);
}

afterEach(() => {
  for (const api of hidden.splice(0)) Reflect.deleteProperty(document, api);
  document.body.replaceChildren();
});

function mentionsIn(root: Node, names: string[]): MentionRange[] {
  const { text, segments } = collectText(root);
  return names.map((name) => {
    const start = text.indexOf(name);
    const mention: Mention = { start, end: start + name.length, text: name, entity: name, type: 'person' };
    const bound = boundMention(segments, mention);
    if (!bound) throw new Error(name);
    return bound;
  });
}

/** The centre of the range's first line box. */
function centre(range: Range): { x: number; y: number } {
  const r = range.getClientRects()[0];
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

function setup(): { index: MentionIndex; zarif: MentionRange; baghdad: MentionRange; p: HTMLElement } {
  const p = document.createElement('p');
  // Narrow enough for the browser-mode frame (414 px wide), wide enough to keep the sentence on one line.
  p.style.cssText = 'font: 14px/1.5 sans-serif; margin: 8px; width: 390px;';
  const bold = document.createElement('b');
  bold.textContent = 'Mohammad Javad';
  p.append('The ', bold, ' Zarif went to Baghdad');
  document.body.append(p);
  const [zarif, baghdad] = mentionsIn(p, ['Mohammad Javad Zarif', 'Baghdad']);
  const index = new MentionIndex();
  index.add([zarif, baghdad]);
  return { index, zarif, baghdad, p };
}

describe('mentionAtPoint', () => {
  it('finds the mention under the pointer, in any of its nodes', () => {
    const { index, zarif, baghdad } = setup();
    const bold = zarif.nodes[0].parentElement?.getBoundingClientRect() as DOMRect;
    expect(mentionAtPoint(document, bold.left + bold.width / 2, bold.top + bold.height / 2, index)).toBe(zarif);
    const tail = zarif.range.getBoundingClientRect();
    expect(mentionAtPoint(document, tail.right - 3, tail.top + tail.height / 2, index)).toBe(zarif);
    const at = centre(baghdad.range);
    expect(mentionAtPoint(document, at.x, at.y, index)).toBe(baghdad);
  });

  it('rejects a caret that snaps to a mention from empty space past the line end or below the line', () => {
    const { index, baghdad } = setup();
    const r = baghdad.range.getBoundingClientRect();
    // The caret API answers the nearest position, the end of "Baghdad"; the pointer is not on it.
    expect(caretFromPoint(document, r.right + 30, r.top + r.height / 2)?.node).toBe(baghdad.nodes.at(-1));
    expect(mentionAtPoint(document, r.right + 30, r.top + r.height / 2, index)).toBeNull();
    expect(mentionAtPoint(document, r.left + 5, r.bottom + 30, index)).toBeNull();
  });

  it('finds nothing over the words between mentions', () => {
    const { index, zarif, baghdad } = setup();
    const gap = (zarif.range.getBoundingClientRect().right + baghdad.range.getBoundingClientRect().left) / 2;
    expect(mentionAtPoint(document, gap, centre(baghdad.range).y, index)).toBeNull();
  });

  it('uses caretRangeFromPoint where the standard API is missing, and gives up with neither', () => {
    const { index, baghdad } = setup();
    const at = centre(baghdad.range);
    hide('caretPositionFromPoint');
    expect(caretFromPoint(document, at.x, at.y)?.node).toBe(baghdad.nodes[0]);
    expect(mentionAtPoint(document, at.x, at.y, index)).toBe(baghdad);
    hide('caretRangeFromPoint');
    expect(mentionAtPoint(document, at.x, at.y, index)).toBeNull();
  });

  it('looks inside the open shadow roots it is given', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const p = document.createElement('p');
    p.style.font = '16px/1.5 sans-serif';
    p.textContent = 'Talks in Baghdad went on.';
    root.append(p);
    const [baghdad] = mentionsIn(p, ['Baghdad']);
    const index = new MentionIndex();
    index.add([baghdad]);
    const at = centre(baghdad.range);
    expect(mentionAtPoint(document, at.x, at.y, index)).toBeNull();
    expect(mentionAtPoint(document, at.x, at.y, index, [root])).toBe(baghdad);
  });
});
