/**
 * Chrome's offscreen document: a DOM for Readability, which the service worker
 * lacks. It answers one request, from the background, on a copy of the page the
 * content script handed over; it never sees the page itself.
 */
import { browser } from 'wxt/browser';
import { extractArticle } from '../../lib/library/extract';
import { type OffscreenResponse, parseOffscreenRequest } from '../../lib/messages';

browser.runtime.onMessage.addListener((message: unknown, sender): Promise<OffscreenResponse> | undefined => {
  // Only the background asks (no tab, our own id); other messages are for the background to answer.
  if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
  const request = parseOffscreenRequest(message);
  if (!request) return undefined;
  return Promise.resolve(extractArticle(request.html, request.url));
});
