/** @vitest-environment happy-dom */
/**
 * Where a browser refuses adopted stylesheets from a content script (Firefox's
 * Xray wrappers did, and `installStyles` falls back to a `<style>`), the page
 * gets at most ONE element of ours while on, and none once off. The Highlight
 * API is stubbed, as Firefox has it; the real page context runs on real names.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPageContext } from '../entrypoints/content/page-context';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { seedCorpus } from './seeds';

// The badge messages go nowhere in a unit test.
vi.mock('../lib/messaging', () => ({ ask: vi.fn(() => Promise.resolve(null)) }));

class FakeHighlight extends Set<AbstractRange> {}
type Stubbed = { Highlight?: unknown; CSS?: { highlights?: unknown } };

describe('the <style> fallback', () => {
  let registry: Map<string, FakeHighlight>;
  beforeEach(() => {
    registry = new Map();
    const win = document.defaultView as unknown as Stubbed;
    win.Highlight = FakeHighlight;
    win.CSS = { ...(win.CSS ?? {}), highlights: registry };
    // What Firefox content scripts did: reading works, assigning throws.
    Object.defineProperty(document, 'adoptedStyleSheets', {
      configurable: true,
      get: () => [],
      set: () => {
        throw new Error('Xray: cannot assign adoptedStyleSheets');
      },
    });
    const p = document.createElement('p');
    p.textContent = 'Mike Pompeo met Mohammad Javad Zarif in Baghdad.';
    document.body.append(p);
  });
  afterEach(() => {
    Reflect.deleteProperty(document, 'adoptedStyleSheets');
    document.body.replaceChildren();
  });

  const ours = () => [...document.querySelectorAll('style')].filter((s) => s.textContent?.includes('::highlight(')).length;

  it('adds at most one style element while on, and removes it when off', async () => {
    const page = startPageContext(document, seedCorpus().table, DEFAULT_SETTINGS, { shortcuts: () => null });
    await vi.waitFor(() => expect(page.names().map((n) => n.id)).toEqual(expect.arrayContaining(['mike-pompeo', 'mohammad-javad-zarif'])));
    expect([...registry.values()].reduce((n, h) => n + h.size, 0)).toBe(2);
    expect(ours()).toBeLessThanOrEqual(1);
    page.stop();
    expect(ours()).toBe(0);
    expect(registry.size).toBe(0);
  });
});
