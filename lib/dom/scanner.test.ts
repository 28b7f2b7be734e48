/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Mention } from '../engine/types';
import { createPageScanner, type PageScanner, type PageScannerOptions } from './scanner';
import { fakeDetect } from './test-support';
import type { MentionRange } from './types';

function el(tag: string, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  node.append(...children);
  return node;
}

interface Harness {
  scanner: PageScanner;
  detect: ReturnType<typeof vi.fn<(text: string) => Mention[]>>;
  added: MentionRange[][];
  removed: MentionRange[][];
  flushes: number;
  names(): string[];
}

let running: PageScanner[] = [];

function scan(overrides: Partial<PageScannerOptions> = {}): Harness {
  const detect = vi.fn(fakeDetect);
  const harness: Harness = {
    detect,
    added: [],
    removed: [],
    flushes: 0,
    scanner: createPageScanner({
      root: document.body,
      detect,
      onAdd: (items) => harness.added.push(items),
      onRemove: (items) => harness.removed.push(items),
      onFlush: () => {
        harness.flushes += 1;
      },
      ...overrides,
    }),
    names: () => harness.scanner.mentions().map((m) => m.range.toString()).sort(),
  };
  running.push(harness.scanner);
  harness.scanner.start();
  return harness;
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

afterEach(() => {
  for (const scanner of running) scanner.stop();
  running = [];
  document.body.replaceChildren();
  document.head.replaceChildren();
});

describe('initial scan', () => {
  it('finds names across inline elements and skips our own UI', async () => {
    document.body.append(
      el('p', el('b', 'Mohammad Javad'), ' Zarif met al-', el('i', 'Kadhimi'), ' in Baghdad.'),
      el('iran-iraq-context-ui', el('p', 'IRGC')),
      el('p', 'IRGC'),
    );
    const h = scan();
    await h.scanner.idle();
    expect(h.names()).toEqual(['IRGC', 'Mohammad Javad Zarif', 'Baghdad', 'al-Kadhimi'].sort());
    const zarif = h.scanner.mentions().find((m) => m.mention.type === 'person' && m.nodes.length === 2);
    expect(zarif?.range.toString()).toBe('Mohammad Javad Zarif');
    expect(h.scanner.mentionsIn(zarif?.nodes[1] as Text)).toContain(zarif);
  });

  it('splits a large page into short tasks that let the event loop run', async () => {
    for (let i = 0; i < 3000; i++) document.body.append(el('p', `Paragraph ${i}: IRGC and `, el('b', 'Baghdad')));
    let timerRan = false;
    setTimeout(() => {
      timerRan = true;
    }, 0);
    let timerRanBeforeEnd = false;
    const h = scan({
      sliceMs: 4,
      onAdd: (items) => {
        h.added.push(items);
        if (timerRan && h.scanner.mentions().length < 6000) timerRanBeforeEnd = true;
      },
    });
    await h.scanner.idle();
    expect(h.scanner.mentions()).toHaveLength(6000);
    expect(h.added.length).toBeGreaterThan(1);
    expect(h.detect.mock.calls.length).toBeGreaterThan(1);
    expect(timerRanBeforeEnd).toBe(true);
  });
});

describe('mutations', () => {
  it('batches many mutations in one frame into one flush and one onAdd', async () => {
    const h = scan();
    await h.scanner.idle();
    for (let i = 0; i < 100; i++) {
      document.body.append(el('p', `Item ${i} IRGC`));
      // Separate observer deliveries within the same frame still share one flush.
      if (i % 10 === 0) await Promise.resolve();
    }
    await h.scanner.idle();
    expect(h.flushes).toBe(1);
    expect(h.added).toHaveLength(1);
    expect(h.added[0]).toHaveLength(100);
  });

  it('ignores our own UI, <head> and <style> churn without flushing', async () => {
    const ui = el('iran-iraq-context-ui');
    document.body.append(ui);
    const h = scan();
    await h.scanner.idle();
    for (let i = 0; i < 20; i++) ui.append(el('p', 'IRGC in Baghdad'));
    ui.firstChild?.remove();
    document.head.append(el('style', '.a{}'));
    document.body.append(el('script', 'var IRGC = 1'));
    document.body.append(el('iran-iraq-context-ui', 'IRGC'));
    await nextFrame();
    await h.scanner.idle();
    expect(h.flushes).toBe(0);
    expect(h.added).toHaveLength(0);
  });

  it('ignores typing inside contenteditable regions', async () => {
    const editor = el('div', el('p', 'Draft'));
    editor.setAttribute('contenteditable', 'true');
    document.body.append(editor);
    const h = scan();
    await h.scanner.idle();
    for (let i = 0; i < 10; i++) (editor.firstChild as HTMLElement).append(' IRGC');
    editor.append(el('p', 'Baghdad'));
    await nextFrame();
    await h.scanner.idle();
    expect(h.flushes).toBe(0);
    expect(h.scanner.mentions()).toHaveLength(0);
  });

  it('does not loop when onAdd renders into our own UI', async () => {
    const ui = el('iran-iraq-context-ui');
    document.body.append(ui, el('p', 'IRGC'));
    const h = scan({ onAdd: (items) => ui.append(`${items.length} found`) });
    await h.scanner.idle();
    document.body.append(el('p', 'Baghdad'));
    await h.scanner.idle();
    await nextFrame();
    await h.scanner.idle();
    expect(h.flushes).toBe(1);
    expect(ui.textContent).toBe('1 found1 found');
  });

  it('re-scans only the nearest block of a changed node', async () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => el('p', `Paragraph ${i} IRGC`));
    const target = el('p', 'Nothing yet');
    document.body.append(el('article', ...paragraphs, el('section', target)));
    const h = scan();
    await h.scanner.idle();
    h.detect.mockClear();
    (target.firstChild as Text).data = 'Now Baghdad';
    target.append(el('span', ' and IRGC'));
    await h.scanner.idle();
    expect(h.detect.mock.calls.map(([text]) => text)).toEqual(['Now Baghdad and IRGC']);
    expect(h.scanner.mentions()).toHaveLength(32);
  });

  it('scans an inserted block by itself', async () => {
    document.body.append(el('main', ...Array.from({ length: 10 }, () => el('p', 'IRGC'))));
    const h = scan();
    await h.scanner.idle();
    h.detect.mockClear();
    document.querySelector('main')?.append(el('article', el('h2', 'Baghdad'), el('p', 'al-Kadhimi')));
    await h.scanner.idle();
    expect(h.detect.mock.calls.map(([text]) => text)).toEqual(['Baghdad\nal-Kadhimi']);
  });

  it('drops mentions whose text node was removed', async () => {
    const p = el('p', 'IRGC and ', el('b', 'Baghdad'));
    document.body.append(p);
    const h = scan();
    await h.scanner.idle();
    const baghdad = h.scanner.mentions().find((m) => m.mention.type === 'place');
    p.querySelector('b')?.remove();
    await h.scanner.idle();
    expect(h.removed.flat()).toContain(baghdad);
    expect(h.names()).toEqual(['IRGC']);
  });

  it('drops mentions whose nodes left with a removed subtree, or were taken out of it afterwards, and keeps moved ones', async () => {
    const gone = el('p', 'IRGC in ', el('b', 'Baghdad'));
    const moved = el('p', 'al-Kadhimi spoke');
    const box = el('div', el('p', 'Mohammad Javad Zarif'));
    document.body.append(gone, moved, box);
    const h = scan();
    await h.scanner.idle();
    gone.remove();
    gone.querySelector('b')?.remove();
    box.append(moved);
    await h.scanner.idle();
    expect(h.names()).toEqual(['Mohammad Javad Zarif', 'al-Kadhimi']);
    expect(h.removed.flat().map((m) => m.mention.entity).sort()).toEqual(['al-kadhimi', 'baghdad', 'irgc']);
  });

  it('drops and re-detects when a text node is edited', async () => {
    const p = el('p', 'IRGC said');
    document.body.append(p);
    const h = scan();
    await h.scanner.idle();
    const [irgc] = h.scanner.mentions();
    (p.firstChild as Text).data = 'Baghdad said';
    await h.scanner.idle();
    expect(h.removed.flat()).toEqual([irgc]);
    expect(h.names()).toEqual(['Baghdad']);
    (p.firstChild as Text).insertData(0, 'In ');
    await h.scanner.idle();
    expect(h.names()).toEqual(['Baghdad']);
    expect(h.scanner.mentions()[0]?.range.startOffset).toBe(3);
  });

  it('re-underlines text a framework replaced with an equal new node', async () => {
    const p = el('p', 'Met ', 'al-Kadhimi');
    document.body.append(p);
    const h = scan();
    await h.scanner.idle();
    const old = p.lastChild as Text;
    const fresh = document.createTextNode('al-Kadhimi');
    old.remove();
    p.append(fresh);
    await h.scanner.idle();
    const [mention] = h.scanner.mentions();
    expect(h.scanner.mentions()).toHaveLength(1);
    expect(mention?.nodes).toEqual([fresh]);
    expect(h.scanner.mentionsIn(old)).toHaveLength(0);
  });

  it('follows the hidden attribute', async () => {
    const p = el('p', 'IRGC');
    document.body.append(p);
    const h = scan();
    await h.scanner.idle();
    p.hidden = true;
    await h.scanner.idle();
    expect(h.scanner.mentions()).toHaveLength(0);
    p.hidden = false;
    await h.scanner.idle();
    expect(h.names()).toEqual(['IRGC']);
  });

  it('stop() drops every mention and stops observing', async () => {
    document.body.append(el('p', 'IRGC'));
    const h = scan();
    await h.scanner.idle();
    h.scanner.stop();
    expect(h.removed.flat()).toHaveLength(1);
    document.body.append(el('p', 'Baghdad'));
    await nextFrame();
    await h.scanner.idle();
    expect(h.flushes).toBe(0);
    expect(h.scanner.mentions()).toHaveLength(0);
  });
});

describe('iframes', () => {
  const frameWithSrcdoc = (markup: string): HTMLIFrameElement => {
    const frame = document.createElement('iframe');
    frame.setAttribute('srcdoc', markup);
    return frame;
  };

  it('scans same-origin frames, present or added later, and forgets removed ones', async () => {
    const first = frameWithSrcdoc('<p>IRGC in Baghdad</p>');
    document.body.append(el('p', 'al-Kadhimi'), first);
    const h = scan();
    await h.scanner.idle();
    expect(h.names()).toEqual(['Baghdad', 'IRGC', 'al-Kadhimi']);
    const inFrame = h.scanner.mentions().find((m) => m.mention.type === 'place');
    expect(inFrame?.range.startContainer.ownerDocument).toBe(first.contentDocument);
    expect(h.scanner.mentionsIn(inFrame?.nodes[0] as Text)).toContain(inFrame);

    const later = frameWithSrcdoc('<p>Mohammad Javad Zarif</p>');
    document.body.append(later);
    await h.scanner.idle();
    expect(h.names()).toContain('Mohammad Javad Zarif');

    later.contentDocument?.body.append(later.contentDocument.createTextNode(' IRGC'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await h.scanner.idle();
    expect(h.names().filter((n) => n === 'IRGC')).toHaveLength(2);

    const firstDoc = first.contentDocument;
    first.remove();
    await h.scanner.idle();
    expect(h.names()).toEqual(['IRGC', 'Mohammad Javad Zarif', 'al-Kadhimi']);
    // Reported removed once each: the page's counts of each name are kept from these reports.
    expect(h.removed.flat().filter((m) => m.range.startContainer.ownerDocument === firstDoc)).toHaveLength(2);
  });

  it('skips cross-origin frames without throwing', async () => {
    const blocked = frameWithSrcdoc('<p>IRGC</p>');
    Object.defineProperty(blocked, 'contentDocument', {
      get: () => {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    const opaque = frameWithSrcdoc('<p>Baghdad</p>');
    Object.defineProperty(opaque, 'contentDocument', { get: () => null });
    document.body.append(el('p', 'al-Kadhimi'), blocked, opaque);
    const h = scan();
    await h.scanner.idle();
    expect(h.names()).toEqual(['al-Kadhimi']);
  });
});

describe('open shadow roots', () => {
  const component = (text: string, mode: ShadowRootMode = 'open'): HTMLElement => {
    const host = document.createElement('div');
    host.attachShadow({ mode }).append(el('p', text));
    return host;
  };

  it('scans open shadow roots, nested, present or added later, and their later text; never closed ones', async () => {
    const outer = component('IRGC in Baghdad');
    (outer.shadowRoot as ShadowRoot).append(component('al-Kadhimi spoke'));
    document.body.append(el('p', 'Mohammad Javad Zarif'), outer, component('IRGC', 'closed'));
    const h = scan();
    await h.scanner.idle();
    expect(h.names()).toEqual(['Baghdad', 'IRGC', 'Mohammad Javad Zarif', 'al-Kadhimi']);
    expect(h.scanner.shadowRoots()).toHaveLength(2);
    const inShadow = h.scanner.mentions().find((m) => m.mention.type === 'place');
    expect(inShadow?.range.startContainer.getRootNode()).toBe(outer.shadowRoot);
    expect(h.scanner.mentionsIn(inShadow?.nodes[0] as Text)).toContain(inShadow);

    document.body.append(component('Baghdad again'));
    await h.scanner.idle();
    expect(h.names().filter((n) => n === 'Baghdad')).toHaveLength(2);

    (outer.shadowRoot as ShadowRoot).append(el('p', 'Mohammad Javad Zarif'));
    await nextFrame();
    await h.scanner.idle();
    expect(h.names().filter((n) => n === 'Mohammad Javad Zarif')).toHaveLength(2);

    outer.remove();
    await nextFrame();
    await h.scanner.idle();
    expect(h.names()).toEqual(['Baghdad', 'Mohammad Javad Zarif']);
    expect(h.scanner.shadowRoots()).toHaveLength(1);
  });

  it('leaves components inside skipped regions and our own UI alone, and stop() drops their mentions', async () => {
    const editor = el('div', component('IRGC'));
    editor.setAttribute('contenteditable', 'true');
    const ours = document.createElement('iran-iraq-context-ui');
    ours.attachShadow({ mode: 'open' }).append(el('p', 'Baghdad'));
    document.body.append(editor, ours, component('al-Kadhimi'));
    const h = scan();
    await h.scanner.idle();
    expect(h.names()).toEqual(['al-Kadhimi']);
    h.scanner.stop();
    expect(h.removed.flat().map((m) => m.range.toString())).toEqual(['al-Kadhimi']);
  });
});
