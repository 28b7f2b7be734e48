/** The library's requests, each one handler, checked against `lib/messages.ts` like the corpus's. */
import { LibraryFullError } from '../library/db';
import { type ImportProgress, runImport } from '../library/import-job';
import type { Library } from '../library/library';
import { exportLibrary, type ImportFile, type ImportOutcome } from '../library/transfer';
import type { HandlerTable } from './handler-table';
import { type SaveDeps, saveFromTab } from './save-article';

type LibraryRequest =
  | 'save-article'
  | 'library-list'
  | 'library-delete'
  | 'library-clear'
  | 'library-export'
  | 'library-import'
  | 'library-import-cancel'
  | 'library-import-progress'
  | 'library-import-status';

export interface ImportJob {
  done: Promise<ImportOutcome>;
  cancel(): void;
  /** How far it got, when the job's own channel cannot say it (Chrome's offscreen document relays it as a request). */
  report(progress: ImportProgress, changed: boolean): void;
}

export interface Imports {
  /** Starts an import where it does not hold up the background (the import worker); `onProgress` hears how far it got. */
  start(files: ImportFile[], onProgress: (progress: ImportProgress, changed: boolean) => void): ImportJob;
  /** Shows how far the running import got to the options page (null: none runs). */
  show(progress: ImportProgress | null): Promise<void>;
}

/** The import run right here on the library (tests, and wherever no worker is needed). */
export function importsInPlace(library: () => Library, now: () => Date): Imports {
  return {
    start(files, onProgress) {
      let cancelled = false;
      // The handler holds the library's turn while the import runs: its writes must not wait in line behind it.
      const done = runImport(files, { library: library().held(), now: now(), progress: (p) => onProgress(p, false), cancelled: () => cancelled });
      const cancel = () => {
        cancelled = true;
      };
      return { done, cancel, report: onProgress };
    },
    show: async () => undefined,
  };
}

export function libraryHandlers(library: () => Library, save: SaveDeps, imports: Imports = importsInPlace(library, save.now)): Pick<HandlerTable, LibraryRequest> {
  let running: ImportJob | null = null;
  let cancelAsked = false;
  let lastProgress: ImportProgress | null = null;
  return {
    'save-article': (r) => saveFromTab(r.tab, save, r.anyway === true),
    'library-list': () => library().list(),
    'library-delete': async (r) => {
      await library().remove(r.ids);
      return null;
    },
    'library-clear': async () => {
      await library().clear();
      return null;
    },
    'library-export': async () => exportLibrary(await library().all(), save.now()),
    'library-import': (r) =>
      // In line as it arrives, like a save: a delete sent after it waits for it, and is not undone by it.
      library()
        .turn()
        .run(async () => {
          cancelAsked = false;
          const job = imports.start(r.files, (progress, changed) => {
            lastProgress = progress;
            void imports.show(progress).catch(() => undefined);
            // The worker wrote a batch: what this background keeps of the library is stale. The pages hear of it once, at the end.
            if (changed) library().changedElsewhere(false);
          });
          running = job;
          try {
            return await job.done;
          } catch (error) {
            if (error instanceof LibraryFullError) return { imported: false, file: r.files[0]?.name ?? '', problem: error.message };
            throw error;
          } finally {
            running = null;
            lastProgress = null;
            library().changedElsewhere();
            await imports.show(null).catch(() => undefined);
          }
        }),
    'library-import-cancel': async () => {
      cancelAsked = true;
      running?.cancel();
      return null;
    },
    'library-import-status': async () => (running ? lastProgress : null),
    'library-import-progress': async (r) => {
      running?.report(r.progress, r.changed);
      if (cancelAsked) running?.cancel();
      return null;
    },
  };
}
