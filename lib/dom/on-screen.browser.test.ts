/** The blocks on screen, scanned first when the reader is not at the top of a long page (real layout in Chromium). */
import { afterEach, describe, expect, it } from 'vitest';
import { blocksOnScreen } from './on-screen';
import { createPageScanner } from './scanner';
import { fakeDetect } from './test-support';
import type { MentionRange } from './types';

afterEach(() => {
  document.body.replaceChildren();
  window.scrollTo(0, 0);
});

function longPage(): HTMLElement {
  const main = document.createElement('main');
  for (let i = 0; i < 400; i++) {
    const p = document.createElement('p');
    p.id = `p${i}`;
    p.style.cssText = 'margin:0;height:40px';
    p.textContent = `Paragraph ${i} names the IRGC.`;
    main.append(p);
  }
  document.body.append(main);
  return main;
}

describe('blocksOnScreen', () => {
  it('names nothing at the top of the page, where the scan starts anyway', () => {
    longPage();
    expect(blocksOnScreen(document)).toEqual([]);
  });

  it('gives the paragraphs down the middle of the screen further down, and the scanner reads them first', async () => {
    longPage();
    window.scrollTo(0, 40 * 300);
    const blocks = blocksOnScreen(document);
    expect(blocks.length).toBeGreaterThan(0);
    const shown = Math.ceil(window.innerHeight / 40);
    for (const block of blocks) expect(Number(block.id.slice(1))).toBeGreaterThanOrEqual(300 - 1);
    for (const block of blocks) expect(Number(block.id.slice(1))).toBeLessThanOrEqual(300 + shown);

    const added: MentionRange[][] = [];
    const scanner = createPageScanner({ root: document, detect: fakeDetect, firstUnits: () => blocksOnScreen(document), onAdd: (items) => added.push(items), onRemove: () => {}, sliceMs: 0.01 });
    scanner.start();
    await scanner.idle();
    scanner.stop();
    // The first names reported are those on screen; every name is reported once.
    const first = added[0]?.[0]?.nodes[0]?.parentElement?.id ?? '';
    expect(Number(first.slice(1))).toBeGreaterThanOrEqual(300 - 1);
    expect(added.flat()).toHaveLength(400);
  });
});
