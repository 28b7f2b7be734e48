/**
 * An import, run where it cannot hold up the background's answers (a worker:
 * `entrypoints/import-worker.ts`): every file is read and checked first, then
 * the articles are analysed and written in batches, with progress after each
 * and a look for "cancel" between them. All or none: a cancel, a full disk or
 * any other failure takes out what the earlier batches added and puts back
 * what they replaced, so the library is as it was.
 */
import type { SaveResult } from './db';
import type { SavedArticle } from './format';
import type { LibraryWrites } from './library';
import { type ImportFile, type ImportOutcome, importCounts, readImport } from './transfer';

/** Articles analysed together: enough that two spellings in one batch meet, few enough that progress moves and a cancel is heard soon. */
export const IMPORT_BATCH = 50;

export type ImportPhase = 'reading' | 'saving' | 'undoing';

/** `browser.storage.session` key under which the background shows the running import's progress (null or absent: none runs). */
export const IMPORT_PROGRESS_KEY = 'libraryImport';

export interface ImportProgress {
  phase: ImportPhase;
  /** Articles written so far (saving), of `total`; 0 of 0 while the files are read. */
  done: number;
  total: number;
}

export interface ImportJobDeps {
  library: LibraryWrites;
  now: Date;
  /** Called after the files were read, after each batch, and when undoing. */
  progress(progress: ImportProgress): void;
  /** Whether the reader asked to stop; looked at between batches. */
  cancelled(): boolean;
  /** Lets other work run between batches (in a worker: the message that says cancel). */
  pause?(): Promise<void>;
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runImport(files: readonly ImportFile[], deps: ImportJobDeps): Promise<ImportOutcome> {
  const { library } = deps;
  const pause = deps.pause ?? nextTask;
  deps.progress({ phase: 'reading', done: 0, total: 0 });
  const read = await readImport(files, deps.now);
  if ('problem' in read) return { imported: false, file: read.file, problem: read.problem };
  const articles = read.articles;
  const results: SaveResult[] = [];
  /** What this import wrote: to take out (added) or put back as it was (replaced), should it not finish. */
  const added = new Set<string>();
  const replaced = new Map<string, SavedArticle>();
  try {
    deps.progress({ phase: 'saving', done: 0, total: articles.length });
    for (let at = 0; at < articles.length; at += IMPORT_BATCH) {
      await pause();
      if (deps.cancelled()) throw new ImportCancelled();
      const batch = articles.slice(at, at + IMPORT_BATCH);
      for (const before of await library.replaced(batch)) if (!added.has(before.id) && !replaced.has(before.id)) replaced.set(before.id, before);
      const saved = await library.save(batch);
      for (const r of saved) if (!r.updated && !r.duplicate) added.add(r.id);
      results.push(...saved);
      deps.progress({ phase: 'saving', done: Math.min(at + IMPORT_BATCH, articles.length), total: articles.length });
    }
    return importCounts(results);
  } catch (error) {
    deps.progress({ phase: 'undoing', done: 0, total: added.size + replaced.size });
    if (added.size > 0) await library.remove([...added]);
    if (replaced.size > 0) await library.save([...replaced.values()]);
    if (error instanceof ImportCancelled) return { imported: false, cancelled: true };
    throw error;
  }
}
