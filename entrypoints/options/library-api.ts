/** What the options page's library section asks the background; tests give a fake over the real library code. */
import { browser } from 'wxt/browser';
import type { LibraryEntry } from '../../lib/library/library';
import { IMPORT_PROGRESS_KEY, type ImportProgress } from '../../lib/library/import-job';
import { LIBRARY_CHANGED_KEY, LIBRARY_NAMES_KEY } from '../../lib/library/names-storage';
import type { ImportFile, ImportOutcome, LibraryExport } from '../../lib/library/transfer';
import { ask } from '../../lib/messaging';

export interface LibraryApi {
  list(): Promise<LibraryEntry[]>;
  remove(ids: string[]): Promise<void>;
  clear(): Promise<void>;
  exportLibrary(): Promise<LibraryExport>;
  importFiles(files: ImportFile[]): Promise<ImportOutcome>;
  openReader(id: string): Promise<void>;
  /** Calls back when the library changes elsewhere (saved from a page); returns the way to stop. */
  onChange(listener: () => void): () => void;
  /** Stops the running import (what it wrote is taken out again). */
  cancelImport(): Promise<void>;
  /** How far the running import got; asked every second while it runs, which also keeps Firefox's event page awake. */
  importStatus(): Promise<ImportProgress | null>;
  /** Calls back with the running import's progress, now and as it moves (null: none runs); returns the way to stop. */
  onImportProgress(listener: (progress: ImportProgress | null) => void): () => void;
}

export const browserLibraryApi: LibraryApi = {
  list: () => ask({ type: 'library-list' }),
  remove: async (ids) => {
    await ask({ type: 'library-delete', ids });
  },
  clear: async () => {
    await ask({ type: 'library-clear' });
  },
  exportLibrary: () => ask({ type: 'library-export' }),
  importFiles: (files) => ask({ type: 'library-import', files }),
  openReader: async (id) => {
    await ask({ type: 'open-reader', article: id });
  },
  onChange(listener) {
    // The background rewrites the library's names after every change: the one signal every context sees.
    const handler = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (LIBRARY_NAMES_KEY in changes || LIBRARY_CHANGED_KEY in changes)) listener();
    };
    browser.storage.onChanged.addListener(handler);
    return () => browser.storage.onChanged.removeListener(handler);
  },
  cancelImport: async () => {
    await ask({ type: 'library-import-cancel' });
  },
  importStatus: () => ask({ type: 'library-import-status' }),
  onImportProgress(listener) {
    const read = (value: unknown) => (value && typeof value === 'object' ? (value as ImportProgress) : null);
    void browser.storage.session
      .get(IMPORT_PROGRESS_KEY)
      .then((stored) => listener(read(stored[IMPORT_PROGRESS_KEY])))
      .catch(() => undefined);
    const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && IMPORT_PROGRESS_KEY in changes) listener(read(changes[IMPORT_PROGRESS_KEY].newValue));
    };
    browser.storage.onChanged.addListener(handler);
    return () => browser.storage.onChanged.removeListener(handler);
  },
};
