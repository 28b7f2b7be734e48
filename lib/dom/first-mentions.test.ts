/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { createFirstMentions } from './first-mentions';
import { collectText } from './page-text';
import { boundMention, fakeDetect } from './test-support';
import type { MentionRange } from './types';

afterEach(() => document.body.replaceChildren());

/** Each paragraph's mentions, in reading order. */
function page(...paragraphs: string[]): MentionRange[][] {
  return paragraphs.map((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    document.body.append(p);
    const { text: collected, segments } = collectText(p);
    return fakeDetect(collected).flatMap((m) => boundMention(segments, m) ?? []);
  });
}

const where = (items: readonly MentionRange[]) => items.map((m) => `${m.mention.entity}@${m.nodes[0]?.data.slice(0, 2)}:${m.startOffset}`).sort();

describe('first mentions', () => {
  it('shows one mention per name, the first in reading order, whatever order they are found in', () => {
    const [a, b, c] = page('1 IRGC and IRGC', '2 Baghdad, IRGC', '3 Baghdad');
    const firsts = createFirstMentions();
    const added = firsts.add([...(c ?? []), ...(b ?? []), ...(a ?? [])]);
    expect(where(added.shown)).toEqual(['baghdad@2 :2', 'irgc@1 :2']);
    expect(added.hidden).toEqual([]);
    expect(where(firsts.all())).toEqual(['baghdad@2 :2', 'irgc@1 :2']);
  });

  it('moves to a mention added above the first one, and to the next one when the first goes', () => {
    const [a, b] = page('1 IRGC', '2 IRGC in Baghdad');
    const firsts = createFirstMentions();
    firsts.add(b ?? []);
    const above = firsts.add(a ?? []);
    expect(where(above.shown)).toEqual(['irgc@1 :2']);
    expect(where(above.hidden)).toEqual(['irgc@2 :2']);
    const gone = firsts.remove(a ?? []);
    expect(where(gone.hidden)).toEqual(['irgc@1 :2']);
    expect(where(gone.shown)).toEqual(['irgc@2 :2']);
    // A later mention removed changes nothing shown; the last one removed leaves the name out.
    const [c] = page('3 IRGC');
    firsts.add(c ?? []);
    expect(firsts.remove(c ?? [])).toEqual({ shown: [], hidden: [] });
    expect(where(firsts.remove(b ?? []).hidden)).toEqual(['baghdad@2 :10', 'irgc@2 :2']);
    expect(firsts.all()).toEqual([]);
  });
});
