/**
 * The library's imports run here, in a worker, so that the background keeps
 * answering cards and searches while a large file is read and analysed
 * (Firefox's background page starts it; in Chrome the offscreen document
 * does, since a service worker cannot). It opens the library's IndexedDB
 * itself and writes batch by batch (`lib/library/import-job.ts`); the
 * background holds every other write of the library until it is done.
 */
import table from 'virtual:name-table';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LibraryFullError, openLibraryDb } from '../lib/library/db';
import { runImport } from '../lib/library/import-job';
import type { FromImportWorker, ToImportWorker } from '../lib/library/import-worker-messages';
import { createLibrary } from '../lib/library/library';

export default defineUnlistedScript(() => {
  const scope = self as unknown as { onmessage: ((event: MessageEvent<ToImportWorker>) => void) | null; postMessage(message: FromImportWorker): void };
  let cancelled = false;
  let started = false;
  scope.onmessage = (event) => {
    const message = event.data;
    if (message.type === 'cancel') {
      cancelled = true;
      return;
    }
    if (message.type !== 'start' || started) return;
    started = true;
    let changed = false;
    const library = createLibrary(
      () => openLibraryDb(),
      async () => message.context,
      table,
      () => {
        changed = true;
      },
    );
    runImport(message.files, {
      library,
      now: new Date(message.now),
      progress(progress) {
        scope.postMessage({ type: 'progress', progress, changed });
        changed = false;
      },
      cancelled: () => cancelled,
    }).then(
      (outcome) => scope.postMessage({ type: 'done', outcome }),
      (error: unknown) => {
        // A full disk is an answer, as for a save: the library is as it was, and the reader is told why.
        if (error instanceof LibraryFullError) scope.postMessage({ type: 'done', outcome: { imported: false, file: message.files[0]?.name ?? '', problem: error.message } });
        else scope.postMessage({ type: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      },
    );
  };
});
