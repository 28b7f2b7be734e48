/**
 * The window of registered underlines in real Chromium, with real layout: on a
 * page with more names than `registerAll`, only those on and near the screen
 * are in the browser's highlight registry, they follow the reader's scrolling,
 * and a page that clears the registry gets them back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHighlighter } from './highlighter';
import { collectText } from './page-text';
import { boundMention, fakeDetect } from './test-support';
import type { MentionRange } from './types';
import { createUnderlineWindow } from './underline-window';

const NAMES = { person: 'wperson', organization: 'worganization', place: 'wplace' };
const registry = CSS.highlights;
const stops: AbortController[] = [];

afterEach(() => {
  for (const stop of stops.splice(0)) stop.abort();
  document.body.replaceChildren();
  registry.clear();
  document.adoptedStyleSheets = [];
  window.scrollTo(0, 0);
});

/** `count` paragraphs, each naming IRGC twice, one above the other: a long page. */
function longPage(count: number): { root: HTMLElement; items: MentionRange[] } {
  const root = document.createElement('main');
  for (let i = 0; i < count; i++) {
    const p = document.createElement('p');
    p.textContent = `Paragraph ${i}: the IRGC said on Monday that the IRGC would answer.`;
    p.style.margin = '0';
    p.style.height = '40px';
    root.append(p);
  }
  document.body.append(root);
  const { text, segments } = collectText(root);
  return { root, items: fakeDetect(text).flatMap((m) => boundMention(segments, m) ?? []) };
}

function start(options: { registerAll?: number; margin?: number } = {}) {
  const stop = new AbortController();
  stops.push(stop);
  const highlighter = createHighlighter(document, { names: NAMES });
  stop.signal.addEventListener('abort', () => highlighter.clear());
  return createUnderlineWindow({ highlighter, signal: stop.signal, ...options });
}

/** The paragraph indexes whose names are registered, in order. */
const registeredParagraphs = () =>
  [...new Set([...(registry.get('worganization') ?? [])].map((r) => Number(/Paragraph (\d+)/.exec(r.startContainer.textContent ?? '')?.[1])))].sort((a, b) => a - b);

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('underline window', () => {
  it('registers every name of a page with few of them, wherever they are', async () => {
    const { items } = longPage(100);
    const underlines = start({ registerAll: 300 });
    underlines.add(items);
    await underlines.settled();
    expect(registry.get('worganization')?.size).toBe(200);
  });

  it('registers only the names on and near the screen of a long page, and follows the scrolling', async () => {
    const { items } = longPage(2000);
    const underlines = start({ registerAll: 300, margin: 1 });
    underlines.add(items);
    await underlines.settled();
    const perScreen = Math.ceil(window.innerHeight / 40);
    const first = registeredParagraphs();
    // The screen and one more below it (nothing above the top), and a group's worth at the edge, not 4,000 ranges.
    expect(first[0]).toBe(0);
    expect(first.at(-1)).toBeGreaterThanOrEqual(2 * perScreen - 1);
    expect(first.at(-1)).toBeLessThan(2 * perScreen + 40);
    expect(registry.get('worganization')?.size).toBeLessThan(600);

    window.scrollTo(0, 40 * 1000);
    await nextFrame();
    await underlines.settled();
    const after = registeredParagraphs();
    // The paragraphs around 1,000 (a screen above, the screen, a screen below), and none from the top any more.
    expect(after[0]).toBeGreaterThan(1000 - 2 * perScreen - 40);
    expect(after[0]).toBeLessThanOrEqual(1000 - perScreen);
    expect(after.at(-1)).toBeGreaterThanOrEqual(1000 + 2 * perScreen - 1);
    expect(after).not.toContain(0);
    // A name far away keeps no live Range; one on screen has its range in the registry.
    expect(underlines.registered().length).toBe(registry.get('worganization')?.size);
  });

  it('reads the boxes again once the scrolling stops: a fixed header’s names stay underlined wherever the page is', async () => {
    const header = document.createElement('header');
    header.style.cssText = 'position:fixed;top:0;left:0;background:white';
    header.textContent = 'Live: al-Kadhimi';
    document.body.append(header);
    const { items } = longPage(2000);
    const { text, segments } = collectText(header);
    const headerItems = fakeDetect(text).flatMap((m) => boundMention(segments, m) ?? []);
    const underlines = start({ registerAll: 300 });
    underlines.add([...headerItems, ...items]);
    await underlines.settled();
    const headerShown = () => [...(registry.get('wperson') ?? [])].some((r) => r.toString() === 'al-Kadhimi');
    expect(headerShown()).toBe(true);
    window.scrollTo(0, 40 * 1500);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await underlines.settled();
    expect(registeredParagraphs()).toContain(1500);
    expect(headerShown()).toBe(true);
  });

  it('drops what it registered when names go, and registers everything again once few are left', async () => {
    const { items } = longPage(2000);
    const underlines = start({ registerAll: 300 });
    underlines.add(items);
    await underlines.settled();
    underlines.remove(items.slice(0, 3900));
    await underlines.settled();
    // 100 names left, all at the bottom of the page, far below the screen: few enough to register all.
    expect(registry.get('worganization')?.size).toBe(100);
    expect(registeredParagraphs()[0]).toBe(1950);
  });

  it('gets its underlines back after the page cleared the registry, at the next names found or scroll', async () => {
    const { items } = longPage(10);
    const underlines = start();
    underlines.add(items.slice(0, 10));
    await underlines.settled();
    CSS.highlights.clear();
    expect(registry.size).toBe(0);
    underlines.add(items.slice(10));
    await underlines.settled();
    expect(registry.get('worganization')?.size).toBe(20);
    CSS.highlights.clear();
    window.dispatchEvent(new Event('scroll'));
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    await underlines.settled();
    expect(registry.get('worganization')?.size).toBe(20);
  });
});
