/** @vitest-environment happy-dom */
/**
 * Switching a page off must leave nothing of ours running: every listener the
 * page context adds hangs on its AbortSignal, and no timer or frame outlives
 * `stop()`. (The browser tests check the DOM is restored exactly.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ask } from '../../lib/messaging';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { seedCorpus } from '../../tests/seeds';
import { startPageContext } from './page-context';

vi.mock('../../lib/messaging', () => ({ ask: vi.fn(() => Promise.resolve(null)) }));

class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

/** Timeouts and frames asked for through `win` and not yet run or cancelled. */
function trackPending(win: Window): Set<number> {
  const pending = new Set<number>();
  const setTimeout = win.setTimeout.bind(win);
  const clearTimeout = win.clearTimeout.bind(win);
  vi.spyOn(win, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
    const id = setTimeout(() => {
      pending.delete(id);
      fn();
    }, ms);
    pending.add(id);
    return id;
  }) as typeof win.setTimeout);
  vi.spyOn(win, 'clearTimeout').mockImplementation((id?: number) => {
    if (id !== undefined) pending.delete(id);
    clearTimeout(id);
  });
  return pending;
}

/** The options of every listener added to the document or the window. */
function trackListeners(targets: EventTarget[]): { type: string; options: unknown }[] {
  const added: { type: string; options: unknown }[] = [];
  for (const target of targets) {
    const add = target.addEventListener.bind(target);
    vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
      added.push({ type, options });
      add(type, listener, options);
    });
  }
  return added;
}

describe('the page context', () => {
  const win = document.defaultView as unknown as Window & { Highlight?: unknown; CSS: { highlights?: unknown } };
  beforeEach(() => {
    win.Highlight = FakeHighlight;
    win.CSS = { ...(win.CSS ?? {}), highlights: new Map() };
    const p = document.createElement('p');
    p.textContent = 'Mike Pompeo met Mohammad Javad Zarif in Baghdad.';
    document.body.append(p);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('hangs every listener on one signal and leaves no timer running once stopped', async () => {
    const pending = trackPending(win);
    const listeners = trackListeners([document, win]);
    const page = startPageContext(document, seedCorpus().table, DEFAULT_SETTINGS, { shortcuts: () => null });
    await vi.waitFor(() => expect(page.names().map((n) => n.id)).toContain('mike-pompeo'));
    expect(page.reveal('mike-pompeo')).toBe(true);
    // The badge report and the flash are both waiting now.
    expect(pending.size).toBeGreaterThan(0);
    expect(listeners.map((l) => l.type)).toEqual(expect.arrayContaining(['pointermove', 'keydown', 'scroll']));
    page.stop();
    expect(pending.size).toBe(0);
    for (const { type, options } of listeners) expect((options as { signal?: AbortSignal })?.signal?.aborted, type).toBe(true);
    expect(vi.mocked(ask)).toHaveBeenLastCalledWith({ type: 'page-mentions', distinct: 0 });
    expect(page.names()).toEqual([]);
  });
});
