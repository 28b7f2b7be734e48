/**
 * The reader's library: saving, listing, deleting, and a `CorpusStore` over
 * it. A save analyses only the articles saved (with the bundled names and the
 * library's own as the known names, `derive.ts`) and writes what it found
 * beside them; nothing is analysed again after a change or a restart, except
 * an article saved by an older version, which is analysed once when the
 * library is next read.
 */
import { compileNameTable, type NameTable } from '../engine/matcher';
import type { LibraryDb, SaveResult } from './db';
import { deriveArticles, type LibraryEntity, type NameContext } from './derive';
import type { SavedArticle } from './format';
import { cached, libraryStore, type LibraryStore } from './library-store';
import { mergeNameTables } from './names-storage';

/** One row of the options page's list. */
export interface LibraryEntry {
  id: string;
  title: string;
  outlet: string | null;
  /** The date the article states, YYYY-MM-DD; null when it states none. */
  date: string | null;
  savedAt: string;
  url: string | null;
  names: string[];
}

export class NotAnArticleError extends Error {
  constructor() {
    super('This page has no article text the engine can read, so nothing was saved.');
    this.name = 'NotAnArticleError';
  }
}

export interface Library {
  store: LibraryStore;
  /** All or none: a duplicate updates the article already there. */
  save(articles: SavedArticle[]): Promise<SaveResult[]>;
  all(): Promise<SavedArticle[]>;
  list(): Promise<LibraryEntry[]>;
  remove(ids: string[]): Promise<void>;
  clear(): Promise<void>;
  /** The names the content script adds to the bundled table. */
  nameTable(): Promise<NameTable>;
}

/** The library's own people and organisations as a name table (data, not code: it travels through `browser.storage.local`). */
export function libraryNameTable(entities: readonly LibraryEntity[], bundled: NameTable): NameTable {
  return compileNameTable(entities.filter((e) => !Object.hasOwn(bundled.entities, e.id)));
}

export function createLibrary(open: () => Promise<LibraryDb>, bundledNames: () => Promise<NameContext>, bundledTable: NameTable, onChange: () => void): Library {
  // One connection for the library's life, and the bundled names read once: neither changes while it runs.
  const db = cached(open).get;
  const context = cached(bundledNames).get;
  /** Writes one after another: each save reads the names the one before it wrote. */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const write = async (articles: SavedArticle[]): Promise<SaveResult[]> => {
    const d = await db();
    // An article already in the library keeps its id, so its statements keep theirs.
    const batch = new Map<string, SavedArticle>();
    const idOf: string[] = [];
    for (const article of articles) {
      const id = (await d.existing(article)) ?? [...batch.values()].find((b) => (b.url !== null && b.url === article.url) || b.textHash === article.textHash)?.id ?? article.id;
      batch.set(id, { ...article, id });
      idOf.push(id);
    }
    const saved = [...batch.values()];
    const derived = new Map(deriveArticles(saved, await context(), await d.entities()).map((x) => [x.facts.id, x]));
    if (saved.some((a) => !derived.has(a.id))) throw new NotAnArticleError();
    const results = new Map((await d.put(saved.map((article) => ({ article, derived: derived.get(article.id) as NonNullable<ReturnType<typeof derived.get>> })))).map((r) => [r.id, r]));
    store.changed();
    onChange();
    return idOf.map((id) => results.get(id) as SaveResult);
  };

  /** Articles saved before their records were kept (an older version) are analysed once, before the library is read. */
  let healed: Promise<LibraryDb> | null = null;
  const reads = () => {
    healed ??= serial(async () => {
      const d = await db();
      // One small record, not every row: this runs on the first request after each restart.
      if (await d.needsAnalysis()) {
        const have = new Set((await d.facts()).map((f) => f.id));
        const missing = (await d.all()).filter((a) => !have.has(a.id));
        if (missing.length > 0) await write(missing);
        await d.reanalysed();
      }
      return d;
    });
    healed.catch(() => {
      healed = null;
    });
    return healed;
  };

  // Compiled once per version of the library's names: for the pages (`nameTable`) and, merged, for related articles.
  const own = new WeakMap<readonly LibraryEntity[], { table: NameTable; merged?: NameTable }>();
  const tablesOf = (entities: LibraryEntity[]) => {
    let tables = own.get(entities);
    if (!tables) {
      tables = { table: libraryNameTable(entities, bundledTable) };
      own.set(entities, tables);
    }
    return tables;
  };
  const tableWith = (entities: LibraryEntity[]) => {
    const tables = tablesOf(entities);
    tables.merged ??= mergeNameTables(bundledTable, tables.table);
    return tables.merged;
  };
  const store = libraryStore(reads, context, tableWith);

  return {
    store,
    save: (articles) => serial(() => write(articles)),
    all: async () => (await db()).all(),
    async list() {
      const facts = await (await reads()).facts();
      return facts
        .map((f) => ({ id: f.id, title: f.ref.title, outlet: f.ref.outlet, date: f.ref.date?.iso ?? null, savedAt: f.savedAt, url: f.ref.url, names: f.names.map((n) => n.name) }))
        .sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    },
    remove: (ids) =>
      serial(async () => {
        await (await db()).remove(ids);
        store.changed();
        onChange();
      }),
    clear: () =>
      serial(async () => {
        await (await db()).clear();
        store.changed();
        onChange();
      }),
    nameTable: async () => tablesOf(await store.entities()).table,
  };
}
