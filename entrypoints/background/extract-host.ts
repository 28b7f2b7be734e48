/**
 * Where Readability runs: an extension document with a DOM. Firefox's
 * background is such a page; Chrome's service worker is not, so there an
 * offscreen document (`offscreen.html`, reason DOM_PARSER) is opened for the
 * extraction and closed after it. Either way the extraction module is loaded
 * only here, never in the content script that runs on every page.
 */
import { browser } from 'wxt/browser';
import type { Extraction } from '../../lib/library/format';
import type { OffscreenRequest, OffscreenResponse } from '../../lib/messages';

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

const offscreenApi = (): OffscreenApi | undefined => (globalThis as unknown as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;

let open: Promise<void> | null = null;
let users = 0;

async function inOffscreen(request: OffscreenRequest): Promise<OffscreenResponse> {
  const api = offscreenApi();
  if (!api) throw new Error('no DOM to extract the article in');
  users++;
  try {
    open ??= api.createDocument({ url: 'offscreen.html', reasons: ['DOM_PARSER'], justification: 'Read the article the reader asked to save (Readability needs a DOM).' });
    await open;
    return (await browser.runtime.sendMessage(request)) as OffscreenResponse;
  } finally {
    users--;
    if (users === 0 && open) {
      open = null;
      await api.closeDocument().catch(() => undefined);
    }
  }
}

export async function extractInExtensionDocument(html: string, url: string): Promise<Extraction> {
  if (typeof DOMParser === 'function') {
    const { extractArticle } = await import('../../lib/library/extract');
    return extractArticle(html, url);
  }
  return inOffscreen({ type: 'extract-article', html, url });
}
