import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { collectText } from './page-text';
import { composedOrder, rangeForOffsets, segmentIndexAfter } from './ranges';

afterEach(() => document.body.replaceChildren());

/** Builds <p> holding `pieces` as text nodes, each optionally inside an inline element. */
function paragraph(pieces: readonly string[], wrappers: readonly (string | null)[]): HTMLElement {
  const p = document.createElement('p');
  pieces.forEach((piece, i) => {
    const tag = wrappers[i % wrappers.length];
    if (tag) {
      const el = document.createElement(tag);
      el.textContent = piece;
      p.append(el);
    } else {
      p.append(document.createTextNode(piece));
    }
  });
  document.body.append(p);
  return p;
}

describe('rangeForOffsets', () => {
  it('maps a name split across inline elements to one range over several nodes', () => {
    const p = paragraph(['The ', 'Mohammad ', 'Javad', ' Zarif said'], [null, 'b', 'i', null]);
    const { text, segments } = collectText(p);
    const start = text.indexOf('Mohammad');
    const end = text.indexOf(' said');
    const mapped = rangeForOffsets(segments, start, end);
    expect(mapped?.range.toString()).toBe('Mohammad Javad Zarif');
    expect(mapped?.nodes.map((n) => n.data)).toEqual(['Mohammad ', 'Javad', ' Zarif said']);
  });

  it('maps through collapsed whitespace', () => {
    const p = paragraph(['Mohammad\n    Javad Zarif'], [null]);
    const { text, segments } = collectText(p);
    expect(text).toBe('Mohammad Javad Zarif');
    expect(rangeForOffsets(segments, 0, text.length)?.range.toString()).toBe('Mohammad\n    Javad Zarif');
    expect(rangeForOffsets(segments, 9, 14)?.range.toString()).toBe('Javad');
  });

  it('pulls ends off block separators and rejects empty spans', () => {
    document.body.append(paragraph(['Zarif'], [null]), paragraph(['Baghdad'], [null]));
    const { text, segments } = collectText(document.body);
    expect(text).toBe('Zarif\nBaghdad');
    expect(rangeForOffsets(segments, 3, 6)?.range.toString()).toBe('if');
    expect(rangeForOffsets(segments, 5, 6)).toBeNull();
    expect(rangeForOffsets(segments, 4, 4)).toBeNull();
    expect(segmentIndexAfter(segments, 5)).toBe(1);
  });

  it('never modifies the DOM', () => {
    const p = paragraph(['a', 'b', 'c'], ['b', null]);
    const before = p.cloneNode(true);
    const { segments } = collectText(p);
    rangeForOffsets(segments, 0, 3);
    expect(p.isEqualNode(before)).toBe(true);
    expect(p.childNodes.length).toBe(3);
  });
});

describe('rangeForOffsets (property)', () => {
  const wrappers = fc.array(fc.constantFrom(null, 'b', 'i', 'span', 'a'), { minLength: 1, maxLength: 4 });

  it('range text equals the slice for random inline splits without whitespace', () => {
    const pieces = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '-', 'é', '😀'), minLength: 1, maxLength: 6 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(pieces, wrappers, fc.nat(), fc.nat(), (parts, tags, a, b) => {
        document.body.replaceChildren();
        const { text, segments } = collectText(paragraph(parts, tags));
        expect(text).toBe(parts.join(''));
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        expect(rangeForOffsets(segments, start, end)?.range.toString()).toBe(text.slice(start, end));
      }),
      { numRuns: 200 },
    );
  });

  it('range text equals the slice up to collapsed whitespace when pieces contain spaces', () => {
    const pieces = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\u00a0'), minLength: 1, maxLength: 6 }), {
      minLength: 1,
      maxLength: 8,
    });
    const collapse = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ');
    fc.assert(
      fc.property(pieces, wrappers, fc.nat(), fc.nat(), (parts, tags, a, b) => {
        document.body.replaceChildren();
        const { text, segments } = collectText(paragraph(parts, tags));
        fc.pre(text.length > 0);
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        const mapped = rangeForOffsets(segments, start, end);
        const slice = text.slice(start, end);
        if (!mapped) {
          expect(slice.trim()).toBe('');
          return;
        }
        expect(collapse(mapped.range.toString())).toBe(collapse(slice));
      }),
      { numRuns: 300 },
    );
  });
});

describe('composedOrder', () => {
  it('orders ranges as a reader meets them, across shadow trees (browsers refuse compareBoundaryPoints there)', () => {
    const before = document.createElement('p');
    before.textContent = 'first';
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('p');
    inner.textContent = 'second';
    root.append(inner);
    const nestedHost = document.createElement('span');
    nestedHost.attachShadow({ mode: 'open' }).append('third');
    root.append(nestedHost);
    const after = document.createElement('p');
    after.textContent = 'fourth';
    document.body.append(before, host, after);
    const at = (node: Node) => {
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, 1);
      return range;
    };
    const ranges = [
      at(after.firstChild as Text),
      at((nestedHost.shadowRoot as ShadowRoot).firstChild as Text),
      at(before.firstChild as Text),
      at(inner.firstChild as Text),
    ];
    expect([...ranges].sort(composedOrder).map((r) => r.startContainer.textContent)).toEqual(['first', 'second', 'third', 'fourth']);
    document.body.replaceChildren();
  });
});
