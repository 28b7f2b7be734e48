import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyCitation } from './clipboard';

const citation = { text: 'plain', html: '<p>rich</p>' };

class FakeItem {
  constructor(readonly items: Record<string, Blob>) {}
}

describe('copyCitation', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('writes plain text and HTML together where the clipboard takes items', async () => {
    vi.stubGlobal('ClipboardItem', FakeItem);
    const write = vi.fn(async (_items: FakeItem[]) => {});
    const writeText = vi.fn(async () => {});
    expect(await copyCitation(citation, { write, writeText } as unknown as Clipboard)).toBe(true);
    expect(writeText).not.toHaveBeenCalled();
    const item = write.mock.calls[0][0][0];
    expect(await item.items['text/plain'].text()).toBe('plain');
    expect(await item.items['text/html'].text()).toBe('<p>rich</p>');
    expect(item.items['text/html'].type).toBe('text/html');
  });

  it('falls back to plain text where items are missing or refused', async () => {
    vi.stubGlobal('ClipboardItem', undefined);
    const writeText = vi.fn(async () => {});
    expect(await copyCitation(citation, { writeText } as unknown as Clipboard)).toBe(true);
    expect(writeText).toHaveBeenCalledWith('plain');

    vi.stubGlobal('ClipboardItem', FakeItem);
    const refused = { write: vi.fn(async () => Promise.reject(new Error('NotAllowedError'))), writeText: vi.fn(async () => {}) };
    expect(await copyCitation(citation, refused as unknown as Clipboard)).toBe(true);
    expect(refused.writeText).toHaveBeenCalledWith('plain');
  });

  it('reports failure when the browser refuses both', async () => {
    vi.stubGlobal('ClipboardItem', undefined);
    expect(await copyCitation(citation, { writeText: async () => Promise.reject(new Error('no')) } as unknown as Clipboard)).toBe(false);
    expect(await copyCitation(citation, null)).toBe(false);
  });
});
