/**
 * The library's names travel to every page as data in `browser.storage.local`
 * (the background writes them after each change, the content script reads them
 * at start and follows changes), never as code and never through the page.
 */
import type { NameTable } from '../engine/matcher';

export const LIBRARY_NAMES_KEY = 'libraryNames';
/**
 * Bumped with every change of the library, beside the names: a change that
 * leaves the names as they were (an article off the topic, a duplicate) still
 * reaches the extension's own pages, while the pages' content scripts, which
 * follow the names only, are not woken for it.
 */
export const LIBRARY_CHANGED_KEY = 'libraryChanged';

export interface StoredLibraryNames {
  version: 1;
  table: NameTable;
}

/** The stored table, or null for anything else (nothing saved yet, an older shape). */
export function readLibraryNames(value: unknown): NameTable | null {
  const stored = value as Partial<StoredLibraryNames> | null | undefined;
  const table = stored?.table as Partial<NameTable> | undefined;
  if (stored?.version !== 1 || typeof table?.byFirstWord !== 'object' || typeof table.entities !== 'object' || !table.byFirstWord || !table.entities) return null;
  return table as NameTable;
}

/** The bundled table with the library's names added; the bundled patterns come first, so its blockers still apply. */
export function mergeNameTables(base: NameTable, extra: NameTable | null): NameTable {
  if (!extra || Object.keys(extra.entities).length === 0) return base;
  const byFirstWord: NameTable['byFirstWord'] = { ...base.byFirstWord };
  for (const [word, patterns] of Object.entries(extra.byFirstWord)) byFirstWord[word] = [...(byFirstWord[word] ?? []), ...patterns];
  return { byFirstWord, entities: { ...extra.entities, ...base.entities } };
}
