/**
 * Chrome's offscreen document: a DOM for Readability and a place to start
 * workers, both of which the service worker lacks. It answers the background
 * only: an article read from a copy of the page the content script handed
 * over (it never sees the page itself), and an import run in the import
 * worker, whose progress it relays to the background as it comes.
 */
import { browser } from 'wxt/browser';
import { extractArticle } from '../../lib/library/extract';
import { type FromImportWorker, IMPORT_WORKER_PATH, type ToImportWorker } from '../../lib/library/import-worker-messages';
import type { ImportOutcome } from '../../lib/library/transfer';
import { type OffscreenRequest, parseOffscreenRequest } from '../../lib/messages';
import { ask } from '../../lib/messaging';

let importing: Worker | null = null;

function runImport(request: Extract<OffscreenRequest, { type: 'import-start' }>): Promise<ImportOutcome> {
  importing?.terminate();
  const worker = new Worker(browser.runtime.getURL(IMPORT_WORKER_PATH as '/import-worker.js'));
  importing = worker;
  return new Promise<ImportOutcome>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromImportWorker>) => {
      const message = event.data;
      if (message.type === 'progress') void ask({ type: 'library-import-progress', progress: message.progress, changed: message.changed }).catch(() => undefined);
      else if (message.type === 'done') resolve(message.outcome);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'the import worker failed'));
    const start: ToImportWorker = { type: 'start', files: request.files, context: request.context, now: request.now };
    worker.postMessage(start);
  }).finally(() => {
    worker.terminate();
    if (importing === worker) importing = null;
  });
}

browser.runtime.onMessage.addListener((message: unknown, sender): Promise<unknown> | undefined => {
  // Only the background asks (no tab, our own id); other messages are for the background to answer.
  if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
  const request = parseOffscreenRequest(message);
  if (!request) return undefined;
  if (request.type === 'extract-article') return Promise.resolve(extractArticle(request.html, request.url));
  if (request.type === 'import-start') return runImport(request);
  importing?.postMessage({ type: 'cancel' } satisfies ToImportWorker);
  return Promise.resolve(null);
});
