/**
 * Writes a citation to the clipboard: plain text and HTML together where the
 * browser takes both (`ClipboardItem`), plain text alone where it does not or
 * refuses the richer write.
 */
import type { Citation } from './citation';

export async function copyCitation(citation: Citation, clipboard: Clipboard | null = globalThis.navigator?.clipboard ?? null): Promise<boolean> {
  if (!clipboard) return false;
  if (typeof ClipboardItem === 'function' && typeof clipboard.write === 'function') {
    try {
      const item = new ClipboardItem({
        'text/plain': new Blob([citation.text], { type: 'text/plain' }),
        'text/html': new Blob([citation.html], { type: 'text/html' }),
      });
      await clipboard.write([item]);
      return true;
    } catch {
      // Some pages' permissions policies and older engines refuse rich writes: plain text still cites.
    }
  }
  try {
    await clipboard.writeText(citation.text);
    return true;
  } catch {
    return false;
  }
}
