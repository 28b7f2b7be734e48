/**
 * The highlighter in real Chromium: the browser's own Highlight objects and
 * registry, constructable stylesheets, and the page's DOM left untouched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildHighlightCss, injectHighlightStyles, installStyles, randomHighlightNames } from './highlight-styles';
import { createHighlighter } from './highlighter';
import { collectText } from './page-text';
import { boundMention, fakeDetect } from './test-support';
import type { MentionRange } from './types';

function mentionRanges(root: Node): MentionRange[] {
  const { text, segments } = collectText(root);
  return fakeDetect(text).flatMap((mention) => boundMention(segments, mention) ?? []);
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

  const NAMES = { person: 'tpersonx', organization: 'torganizationx', place: 'tplacex' };

  it('registers one highlight per type and never touches the DOM', () => {
    const root = fixture(MARKUP);
    const before = root.cloneNode(true);
    const highlighter = createHighlighter(document, { names: NAMES });
    const items = mentionRanges(root);
    highlighter.add(items);
    expect([...registry.keys()].sort()).toEqual(['torganizationx', 'tpersonx', 'tplacex']);
    expect(registry.get('tpersonx')?.size).toBe(3);
    expect(registry.get('torganizationx')?.size).toBe(4);
    expect(registry.get('tplacex')?.size).toBe(2);
    expect(document.adoptedStyleSheets.length).toBe(1);
    expect(root.isEqualNode(before)).toBe(true);
    // The stylesheet reaches the highlight: Chromium reports its underline for the text's element.
    const style = getComputedStyle(root.querySelector('p') as Element, '::highlight(tpersonx)');
    expect([style.textDecorationLine, style.textDecorationStyle]).toEqual(['underline', 'dotted']);
    // Each range still reads the name it underlines.
    expect([...(registry.get('tpersonx') as Highlight)].map((r) => r.toString()).sort()).toEqual(['Mohammad Javad Zarif', 'Mohammad Javad Zarif', 'al-Kadhimi']);

    highlighter.remove(items.filter((i) => i.mention.type === 'place'));
    expect(registry.get('tplacex')?.size).toBe(0);

    highlighter.clear();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets.length).toBe(0);
    expect(root.isEqualNode(before)).toBe(true);
  });

  it('leaves a name re-registered by someone else alone', () => {
    const root = fixture(MARKUP);
    const highlighter = createHighlighter(document, { names: NAMES });
    highlighter.add(mentionRanges(root));
    const foreign = new Highlight();
    registry.set('tplacex', foreign);
    highlighter.clear();
    expect(registry.get('tplacex')).toBe(foreign);
    expect(registry.has('tpersonx')).toBe(false);
  });

  it('registers under names drawn for each page, which give nothing away', () => {
    const drawn = [randomHighlightNames(), randomHighlightNames()];
    const all = drawn.flatMap((names) => Object.values(names));
    expect(new Set(all).size).toBe(6);
    for (const name of all) expect(name).toMatch(/^[a-z]{14}$/);
    expect(all.some((name) => name.includes('iic'))).toBe(false);
  });

  it('puts its highlights and stylesheet back after the page cleared them', () => {
    const root = fixture(MARKUP);
    const highlighter = createHighlighter(document, { names: NAMES });
    const items = mentionRanges(root);
    highlighter.add(items);
    const ranges = [...(registry.get('tpersonx') as Highlight)];
    registry.clear();
    document.adoptedStyleSheets = [];
    highlighter.reclaim();
    expect([...registry.keys()].sort()).toEqual(['torganizationx', 'tpersonx', 'tplacex']);
    expect([...(registry.get('tpersonx') as Highlight)]).toEqual(ranges);
    expect(document.adoptedStyleSheets.length).toBe(1);
    const style = getComputedStyle(root.querySelector('p') as Element, '::highlight(tpersonx)');
    expect(style.textDecorationLine).toBe('underline');
    // Nothing to put back: nothing changes.
    highlighter.reclaim();
    expect(document.adoptedStyleSheets.length).toBe(1);
    highlighter.clear();
  });
});

describe('stylesheet', () => {
  it('has one highlight rule per type, with the chosen underline style', () => {
    const css = buildHighlightCss({ names: { person: 'ap', organization: 'ao', place: 'ax' }, underline: 'wavy' });
    expect(css).toContain('::highlight(ap) {');
    expect(css).toContain('::highlight(ao) {');
    expect(css).not.toMatch(/::highlight\([^)]*\)\s*,/);
    expect(css.match(/text-decoration-style: wavy/g)?.length).toBe(3);
    expect(css).toContain('currentColor');
  });

  it('prefers adoptedStyleSheets and removes itself', () => {
    const styleElements = document.querySelectorAll('style').length;
    const remove = injectHighlightStyles(document, { names: randomHighlightNames() });
    expect(document.adoptedStyleSheets.length).toBe(1);
    expect(document.querySelectorAll('style').length).toBe(styleElements);
    remove();
    expect(document.adoptedStyleSheets.length).toBe(0);
  });

  it('falls back to one unmarked <style> element when adopting throws (Firefox content scripts), and puts it back', () => {
    Object.defineProperty(document, 'adoptedStyleSheets', {
      configurable: true,
      get: () => [],
      set: () => {
        throw new Error('Accessing from Xray wrapper is not supported.');
      },
    });
    try {
      const css = 'p { color: rgb(1, 2, 3) }';
      const ours = () => [...document.querySelectorAll('style')].filter((s) => s.textContent === css);
      const styles = installStyles(document, css);
      expect(ours().map((s) => s.attributes.length)).toEqual([0]);
      ours()[0]?.remove();
      styles.restore();
      expect(ours()).toHaveLength(1);
      styles.remove();
      expect(ours()).toHaveLength(0);
    } finally {
      delete (document as unknown as Record<string, unknown>).adoptedStyleSheets;
    }
  });
});
