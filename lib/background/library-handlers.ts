/** The library's requests, each one handler, checked against `lib/messages.ts` like the corpus's. */
import type { Library } from '../library/library';
import { exportLibrary, importCounts, readImport } from '../library/transfer';
import { LibraryFullError } from '../library/db';
import type { HandlerTable } from './handler-table';
import { type SaveDeps, saveFromTab } from './save-article';

type LibraryRequest = 'save-article' | 'library-list' | 'library-delete' | 'library-clear' | 'library-export' | 'library-import';

export function libraryHandlers(library: () => Library, save: SaveDeps): Pick<HandlerTable, LibraryRequest> {
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
    'library-import': async (r) => {
      // In line as it arrives, like a save: a delete sent after it is not undone by it.
      const turn = library().turn();
      try {
        const read = await readImport(r.files, save.now());
        if ('problem' in read) return { imported: false, file: read.file, problem: read.problem };
        return importCounts(await library().save(read.articles, turn));
      } catch (error) {
        if (error instanceof LibraryFullError) return { imported: false, file: r.files[0]?.name ?? '', problem: error.message };
        throw error;
      } finally {
        turn.release();
      }
    },
  };
}
