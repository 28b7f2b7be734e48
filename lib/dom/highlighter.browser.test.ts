/**
 * The highlighter in real Chromium: the browser's own Highlight objects and
 * registry, constructable stylesheets, and the page's DOM left untouched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildHighlightCss, injectHighlightStyles, installStyles } from './highlight-styles';
import { createHighlighter } from './highlighter';
import { collectText } from './page-text';
import { rangeForOffsets } from './ranges';
import { fakeDetect } from './test-support';
import type { MentionRange } from './types';

function mentionRanges(root: Node): (MentionRange & { text: string })[] {
  const { text, segments } = collectText(root);
  return fakeDetect(text).flatMap((mention) => {
    const mapped = rangeForOffsets(segments, mention.start, mention.end);
    return mapped ? [{ mention, text: mention.text, ...mapped }] : [];
  });
}

function fixture(markup: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  const root = document.createElement('article');
  root.append(...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)));
  document.body.append(root);
  return root;
}

const MARKUP =
  '<p>IRGC met Mohammad Javad Zarif in Baghdad.</p>' +
  '<p><b>Mohammad Javad</b> Zarif and al-<i>Kadhimi</i> spoke.</p>' +
  '<p>IRGCIRGC Baghdad<span> and IRGC</span></p>';

const registry = CSS.highlights;

afterEach(() => {
  document.body.replaceChildren();
  registry.clear();
  document.adoptedStyleSheets = [];
});

describe('highlights', () => {

  it('registers one highlight per type and never touches the DOM', () => {
    const root = fixture(MARKUP);
    const before = root.cloneNode(true);
    const highlighter = createHighlighter(document);
    const items = mentionRanges(root);
    highlighter.add(items);
    expect([...registry.keys()].sort()).toEqual(['iic-organization', 'iic-person', 'iic-place']);
    expect(registry.get('iic-person')?.size).toBe(3);
    expect(registry.get('iic-organization')?.size).toBe(4);
    expect(registry.get('iic-place')?.size).toBe(2);
    expect(document.adoptedStyleSheets.length).toBe(1);
    expect(root.isEqualNode(before)).toBe(true);
    // The stylesheet reaches the highlight: Chromium reports its underline for the text's element.
    const style = getComputedStyle(root.querySelector('p') as Element, '::highlight(iic-person)');
    expect([style.textDecorationLine, style.textDecorationStyle]).toEqual(['underline', 'dotted']);
    // Each range still reads the name it underlines.
    expect([...(registry.get('iic-person') as Highlight)].map((r) => r.toString()).sort()).toEqual(['Mohammad Javad Zarif', 'Mohammad Javad Zarif', 'al-Kadhimi']);

    highlighter.remove(items.filter((i) => i.mention.type === 'place'));
    expect(registry.get('iic-place')?.size).toBe(0);

    highlighter.clear();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets.length).toBe(0);
    expect(root.isEqualNode(before)).toBe(true);
  });

  it('uses custom names and leaves a name re-registered by someone else alone', () => {
    const root = fixture(MARKUP);
    const highlighter = createHighlighter(document, { names: { person: 'x-person' } });
    highlighter.add(mentionRanges(root));
    expect(registry.has('x-person')).toBe(true);
    const foreign = new Highlight();
    registry.set('iic-place', foreign);
    highlighter.clear();
    expect(registry.get('iic-place')).toBe(foreign);
    expect(registry.has('x-person')).toBe(false);
  });
});

describe('stylesheet', () => {
  it('has one highlight rule per type, with the chosen underline style', () => {
    const css = buildHighlightCss({ underline: 'wavy' });
    expect(css).toContain('::highlight(iic-person) {');
    expect(css).toContain('::highlight(iic-organization) {');
    expect(css).not.toMatch(/::highlight\([^)]*\)\s*,/);
    expect(css.match(/text-decoration-style: wavy/g)?.length).toBe(3);
    expect(css).toContain('currentColor');
  });

  it('prefers adoptedStyleSheets and removes itself', () => {
    const remove = injectHighlightStyles(document);
    expect(document.adoptedStyleSheets.length).toBe(1);
    expect(document.querySelector('style[data-iic-highlights]')).toBeNull();
    remove();
    expect(document.adoptedStyleSheets.length).toBe(0);
  });

  it('falls back to one <style> element when adopting throws (Firefox content scripts)', () => {
    Object.defineProperty(document, 'adoptedStyleSheets', {
      configurable: true,
      get: () => [],
      set: () => {
        throw new Error('Accessing from Xray wrapper is not supported.');
      },
    });
    try {
      const remove = installStyles(document, 'p { color: red }');
      expect(document.querySelectorAll('style[data-iic-highlights]').length).toBe(1);
      remove();
      expect(document.querySelector('style[data-iic-highlights]')).toBeNull();
    } finally {
      delete (document as unknown as Record<string, unknown>).adoptedStyleSheets;
    }
  });
});
