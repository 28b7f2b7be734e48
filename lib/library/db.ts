/**
 * The reader's library in IndexedDB (through `idb`): one store of saved
 * articles, one of what the engine derived from each, always written together
 * in one transaction, so an article and its facts are there whole or not at
 * all. A save that finds the same canonical address, or the same text, updates
 * that article instead of adding a second.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { DerivedFacts } from './analyse';
import type { SavedArticle } from './format';

interface LibrarySchema extends DBSchema {
  articles: { key: string; value: SavedArticle; indexes: { url: string; textHash: string } };
  derived: { key: string; value: DerivedFacts };
}

export const LIBRARY_DB = 'iic-library';

/** The disk, or the browser's share of it for this extension, is full. Nothing was written; what was saved before is intact. */
export class LibraryFullError extends Error {
  constructor() {
    super('There is no room left to save (the disk or the browser’s storage is full). Nothing was saved, and your library is unchanged.');
    this.name = 'LibraryFullError';
  }
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

export interface SaveResult {
  id: string;
  /** true when an article already in the library (same address or same text) was updated rather than added. */
  updated: boolean;
}

export interface LibraryDb {
  /** Saves all of them or none (one transaction); each one's id is the one already in the library when it is a duplicate. */
  put(items: { article: SavedArticle; derived: DerivedFacts }[]): Promise<SaveResult[]>;
  all(): Promise<SavedArticle[]>;
  facts(): Promise<DerivedFacts[]>;
  remove(ids: string[]): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

export async function openLibraryDb(name = LIBRARY_DB): Promise<LibraryDb> {
  const db: IDBPDatabase<LibrarySchema> = await openDB<LibrarySchema>(name, 1, {
    upgrade(db) {
      const articles = db.createObjectStore('articles', { keyPath: 'id' });
      // Not unique: an article without an address has none, and a changed text may meet another's.
      articles.createIndex('url', 'url');
      articles.createIndex('textHash', 'textHash');
      db.createObjectStore('derived', { keyPath: 'id' });
    },
  });
  return {
    async put(items) {
      const tx = db.transaction(['articles', 'derived'], 'readwrite');
      const articles = tx.objectStore('articles');
      const results: SaveResult[] = [];
      try {
        for (const { article, derived } of items) {
          const same =
            (article.url ? await articles.index('url').get(article.url) : undefined) ??
            (await articles.get(article.id)) ??
            (await articles.index('textHash').get(article.textHash));
          const id = same?.id ?? article.id;
          await articles.put({ ...article, id });
          await tx.objectStore('derived').put({ ...derived, id });
          results.push({ id, updated: same !== undefined });
        }
        await tx.done;
        return results;
      } catch (error) {
        // A put that throws at once (a value it cannot clone, a full disk) would otherwise let the
        // transaction commit what came before it: abort, so nothing of this batch stays.
        try {
          tx.abort();
        } catch {
          // Already aborted by IndexedDB itself: it has rolled everything back.
        }
        tx.done.catch(() => undefined);
        if (isQuotaError(error)) throw new LibraryFullError();
        throw error;
      }
    },
    all: () => db.getAll('articles'),
    facts: () => db.getAll('derived'),
    async remove(ids) {
      const tx = db.transaction(['articles', 'derived'], 'readwrite');
      for (const id of ids) {
        await tx.objectStore('articles').delete(id);
        await tx.objectStore('derived').delete(id);
      }
      await tx.done;
    },
    async clear() {
      const tx = db.transaction(['articles', 'derived'], 'readwrite');
      await Promise.all([tx.objectStore('articles').clear(), tx.objectStore('derived').clear(), tx.done]);
    },
    close: () => db.close(),
  };
}
