/**
 * Where work the service worker cannot do runs: Readability needs a DOM, an
 * import needs a worker. Firefox's background is a page with both; Chrome's
 * service worker has neither, so there an offscreen document (`offscreen.html`,
 * reasons DOM_PARSER and WORKERS) is opened for the work and closed after it.
 * Either way the extraction module is loaded only here, never in the content
 * script that runs on every page, and an import runs in the import worker
 * (`entrypoints/import-worker.ts`), never on the background's message loop.
 */
import { browser } from 'wxt/browser';
import type { NameContext } from '../../lib/library/derive';
import type { Extraction } from '../../lib/library/format';
import type { ImportProgress } from '../../lib/library/import-job';
import { type FromImportWorker, IMPORT_WORKER_PATH, type ToImportWorker } from '../../lib/library/import-worker-messages';
import type { ImportFile, ImportOutcome } from '../../lib/library/transfer';
import type { ImportJob } from '../../lib/background/library-handlers';
import type { OffscreenRequest, OffscreenResponses } from '../../lib/messages';

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

const offscreenApi = (): OffscreenApi | undefined => (globalThis as unknown as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;

let open: Promise<void> | null = null;
let users = 0;

/** Asks Chrome's offscreen document, opened for as long as some request needs it. */
async function inOffscreen<R extends OffscreenRequest>(request: R): Promise<OffscreenResponses[R['type']]> {
  const api = offscreenApi();
  if (!api) throw new Error('no extension document to work in');
  users++;
  try {
    open ??= api.createDocument({
      url: 'offscreen.html',
      reasons: ['DOM_PARSER', 'WORKERS'],
      justification: 'Read the article the reader asked to save (Readability needs a DOM); import the files the reader chose in a worker.',
    });
    await open;
    return (await browser.runtime.sendMessage(request)) as OffscreenResponses[R['type']];
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

/** Runs an import in the import worker; `onProgress` hears how far it got (`changed`: a batch was written). */
export function startImport(files: ImportFile[], context: Promise<NameContext>, now: Date, onProgress: (progress: ImportProgress, changed: boolean) => void): ImportJob {
  if (typeof Worker === 'function') {
    // Firefox's background page starts the worker itself.
    const worker = new Worker(browser.runtime.getURL(IMPORT_WORKER_PATH as '/import-worker.js'));
    const post = (message: ToImportWorker) => worker.postMessage(message);
    const done = new Promise<ImportOutcome>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromImportWorker>) => {
        const message = event.data;
        if (message.type === 'progress') onProgress(message.progress, message.changed);
        else if (message.type === 'done') resolve(message.outcome);
        else reject(new Error(message.message));
      };
      worker.onerror = (event) => reject(new Error(event.message || 'the import worker failed'));
      context.then((names) => post({ type: 'start', files, context: names, now: now.toISOString() }), reject);
    }).finally(() => worker.terminate());
    return { done, cancel: () => post({ type: 'cancel' }), report: onProgress };
  }
  // Chrome: the offscreen document starts the worker and relays its progress as `library-import-progress`.
  const done = context.then((names) => inOffscreen({ type: 'import-start', files, context: names, now: now.toISOString() }));
  return { done, cancel: () => void inOffscreen({ type: 'import-cancel' }).catch(() => undefined), report: onProgress };
}
