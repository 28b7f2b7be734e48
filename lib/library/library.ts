/**
 * The reader's library: saving, listing, deleting, and a `CorpusStore` over
 * it. The store answers from a small corpus built in memory with the same
 * engine as the bundled one (`analyse.ts`), rebuilt after each change: the
 * text is what IndexedDB keeps, and analysis of a few hundred articles is
 * fast enough to redo rather than to keep a second index in step.
 */
import type { LoadedCorpus } from '../engine/bundle';
import type { NameTable } from '../engine/matcher';
import { memoryStore, type CorpusStore } from '../engine/store/store';
import { buildLibraryCorpus, deriveFacts, libraryNameTable, type NameContext } from './analyse';
import type { LibraryDb, SaveResult } from './db';
import type { SavedArticle } from './format';

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
  store: CorpusStore;
  /** All or none: a duplicate updates the article already there. */
  save(articles: SavedArticle[]): Promise<SaveResult[]>;
  all(): Promise<SavedArticle[]>;
  list(): Promise<LibraryEntry[]>;
  remove(ids: string[]): Promise<void>;
  clear(): Promise<void>;
  /** The names the content script adds to the bundled table. */
  nameTable(): Promise<NameTable>;
}

export function createLibrary(db: () => Promise<LibraryDb>, context: () => Promise<NameContext>, bundledTable: NameTable, onChange: () => void): Library {
  let corpus: Promise<LoadedCorpus> | null = null;
  const loaded = () => {
    corpus ??= Promise.all([db().then((d) => d.all()), context()]).then(([articles, names]) => buildLibraryCorpus(articles, names));
    corpus.catch(() => {
      corpus = null;
    });
    return corpus;
  };
  const changed = () => {
    corpus = null;
    onChange();
  };
  const inMemory = async () => memoryStore(await loaded());
  const store: CorpusStore = {
    entity: async (id, limit) => (await inMemory()).entity(id, limit),
    article: async (id) => (await inMemory()).article(id),
    articles: async () => (await inMemory()).articles(),
    search: async (query) => (await inMemory()).search(query),
    related: async (text) => ((await loaded()).articles.length ? (await inMemory()).related(text) : []),
    timeline: async (id) => (await inMemory()).timeline(id),
    resolve: async (name) => (await inMemory()).resolve(name),
  };
  return {
    store,
    async save(articles) {
      const names = await context();
      const items = articles.map((article) => {
        const derived = deriveFacts(article, names);
        if (!derived) throw new NotAnArticleError();
        return { article, derived };
      });
      const results = await (await db()).put(items);
      changed();
      return results;
    },
    all: async () => (await db()).all(),
    async list() {
      const d = await db();
      const [articles, facts] = await Promise.all([d.all(), d.facts()]);
      const factOf = new Map(facts.map((f) => [f.id, f]));
      return articles
        .map((a) => {
          const f = factOf.get(a.id);
          return { id: a.id, title: f?.title ?? a.meta.title ?? a.id, outlet: f?.outlet ?? a.meta.outlet ?? null, date: f?.date ?? a.meta.date ?? null, savedAt: a.savedAt, url: a.url, names: f?.names.map((n) => n.name) ?? [] };
        })
        .sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    },
    async remove(ids) {
      await (await db()).remove(ids);
      changed();
    },
    async clear() {
      await (await db()).clear();
      changed();
    },
    nameTable: async () => libraryNameTable(await loaded(), bundledTable),
  };
}
