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
import { libraryIdOf, type SavedArticle } from './format';
import { relation } from './identity';
import { aboutIranIraq } from './relevance';
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

/**
 * A place in the library's one line of writes, taken when a request arrives:
 * its write runs after every write that arrived before it, whatever it does
 * first (a save reads and analyses the page), so the last request wins.
 * `release` gives the place up without writing (a save that was refused).
 */
export interface Turn {
  run<T>(work: () => Promise<T>): Promise<T>;
  release(): void;
}

/** Turns in order of arrival. */
export function arrivalOrder(): () => Turn {
  let last: Promise<void> = Promise.resolve();
  return () => {
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const before = last;
    last = before.then(() => done);
    return {
      async run(work) {
        await before;
        try {
          return await work();
        } finally {
          release();
        }
      },
      release,
    };
  };
}

/** What an import writes with (`import-job.ts`). */
export interface LibraryWrites {
  save(articles: SavedArticle[]): Promise<SaveResult[]>;
  remove(ids: string[]): Promise<void>;
  /** The saved articles these would replace (the same article, `identity.ts`), as they are now. */
  replaced(articles: readonly SavedArticle[]): Promise<SavedArticle[]>;
}

export interface Library extends LibraryWrites {
  store: LibraryStore;
  /** A place in line for a write, taken as a request arrives (see `Turn`). */
  turn(): Turn;
  /**
   * All or none, in `turn` (a new one if none is given). The same article
   * (`identity.ts`) updates the one already there; a duplicate is merged into it.
   */
  save(articles: SavedArticle[], turn?: Turn): Promise<SaveResult[]>;
  all(): Promise<SavedArticle[]>;
  /** The writes for a caller that already holds its turn (inside `Turn.run`): they run at once instead of waiting in line behind it. */
  held(): LibraryWrites;
  list(): Promise<LibraryEntry[]>;
  remove(ids: string[]): Promise<void>;
  clear(): Promise<void>;
  /** The names the content script adds to the bundled table. */
  nameTable(): Promise<NameTable>;
  /** Another context (the import worker) wrote the library: forget what was read of it, and (`tell`) tell the pages. */
  changedElsewhere(tell?: boolean): void;
  /** Whether the article names nobody of Iran–Iraq affairs (`relevance.ts`): a save asks first, and its names stay off the pages. */
  offTopic(article: Pick<SavedArticle, 'text' | 'meta'>): boolean;
}

/**
 * The library's own people and organisations as a name table (data, not code:
 * it travels through `browser.storage.local`), without those only articles
 * off the topic name: those stay on their article's card.
 */
export function libraryNameTable(entities: readonly LibraryEntity[], bundled: NameTable): NameTable {
  return compileNameTable(entities.filter((e) => !Object.hasOwn(bundled.entities, e.id) && !e.offPages));
}

export function createLibrary(open: () => Promise<LibraryDb>, bundledNames: () => Promise<NameContext>, bundledTable: NameTable, onChange: () => void): Library {
  // One connection for the library's life, and the bundled names read once: neither changes while it runs.
  const db = cached(open).get;
  const context = cached(bundledNames).get;
  const offTopic = (article: Pick<SavedArticle, 'text' | 'meta'>) => !aboutIranIraq(`${article.meta.title ?? ''}\n${article.text}`, bundledTable);
  /** Writes one after another, in order of arrival: each save reads the names the one before it wrote. */
  const turn = arrivalOrder();
  const serial = <T>(work: () => Promise<T>): Promise<T> => turn().run(work);

  /** A new article's id: from its address or text, or, should that be taken (a library saved under the earlier rule), the next free one. */
  const freeId = async (d: LibraryDb, article: SavedArticle, batch: ReadonlyMap<string, SavedArticle>): Promise<string> => {
    let id = article.id;
    for (let n = 1; batch.has(id) || (await d.hasId(id)); n++) id = await libraryIdOf(`${article.url ?? ''}#${article.textHash}#${n}`, '');
    return id;
  };

  /**
   * One transaction per article, not one for the batch: a transaction locks
   * every store it writes until it commits, and a card asked meanwhile waits
   * for it (a batch of 50 held a card for seconds during an import). Still all
   * or none: should one fail, the ones written before it are undone.
   */
  const writeInTurns = async (d: LibraryDb, items: Parameters<LibraryDb['put']>[0]): Promise<SaveResult[]> => {
    if (items.length === 1) return d.put(items);
    const before = await d.articles(items.map((x) => x.article.id));
    // The vocabulary (one sorted list of every term) once for the batch, not rewritten with each article.
    await d.addTerms(items.flatMap((x) => x.derived.terms.map(([t]) => t)));
    const written: SaveResult[] = [];
    try {
      for (const item of items) written.push(...(await d.put([item], { vocabulary: false, postingsApart: true })));
      return written;
    } catch (error) {
      // The article that failed may have its postings written (`postingsApart`): it is taken out, or put back as it was, with the others.
      const failed = items[written.length]?.article.id;
      const wasSaved = (id: string | undefined) => before.some((a) => a.id === id);
      await d.remove([...written.filter((r) => !r.updated).map((r) => r.id), ...(failed && !wasSaved(failed) ? [failed] : [])]);
      const replaced = before.filter((a) => a.id === failed || written.some((r) => r.updated && r.id === a.id));
      if (replaced.length > 0) {
        const again = deriveArticles(replaced, await context(), await d.entities(), offTopic);
        for (const x of again) await d.put([{ article: replaced.find((a) => a.id === x.facts.id) as SavedArticle, derived: x }]);
      }
      throw error;
    }
  };

  const write = async (articles: SavedArticle[]): Promise<SaveResult[]> => {
    const d = await db();
    /** What is written, by id; where each article of the batch went. */
    const batch = new Map<string, SavedArticle>();
    const placed: { id: string; duplicate: boolean }[] = [];
    for (const article of articles) {
      // Inside the batch first: two copies in one import file are one article (the later replaces the earlier), or a duplicate of the first.
      const mate = [...batch.values()].find((b) => relation(b, article) !== 'other');
      if (mate) {
        const same = relation(mate, article) === 'same';
        if (same) {
          batch.set(mate.id, { ...article, id: mate.id });
          for (const p of placed) if (p.id === mate.id) p.duplicate = true;
        }
        placed.push({ id: mate.id, duplicate: !same });
        continue;
      }
      const known = await d.identify(article);
      if (known?.relation === 'duplicate') {
        placed.push({ id: known.id, duplicate: true });
        continue;
      }
      // An article already in the library keeps its id, so its statements keep theirs.
      const id = known ? known.id : await freeId(d, article, batch);
      batch.set(id, { ...article, id });
      placed.push({ id, duplicate: false });
    }
    const saved = [...batch.values()];
    if (saved.length === 0) return placed.map((p) => ({ id: p.id, updated: false, duplicate: true }));
    const derived = new Map(deriveArticles(saved, await context(), await d.entities(), offTopic).map((x) => [x.facts.id, x]));
    if (saved.some((a) => !derived.has(a.id))) throw new NotAnArticleError();
    const items = saved.map((article) => ({ article, derived: derived.get(article.id) as NonNullable<ReturnType<typeof derived.get>> }));
    const results = new Map((await writeInTurns(d, items)).map((r) => [r.id, r]));
    store.changed();
    onChange();
    return placed.map((p) => (p.duplicate ? { id: p.id, updated: false, duplicate: true } : (results.get(p.id) as SaveResult)));
  };

  const removeNow = async (ids: string[]) => {
    await (await db()).remove(ids);
    store.changed();
    onChange();
  };
  const replaced = async (articles: readonly SavedArticle[]) => {
    const d = await db();
    const known = await Promise.all(articles.map((a) => d.identify(a)));
    return d.articles([...new Set(known.flatMap((k) => (k?.relation === 'same' ? [k.id] : [])))]);
  };

  /** Articles saved before their records were kept (an older version) are analysed once, before the library is read. */
  let healed: Promise<LibraryDb> | null = null;
  const reads = () => {
    // Most starts find nothing to analyse: they do not wait in line behind a write (an import's, which can be long).
    healed ??= (async () => ((await (await db()).needsAnalysis()) ? analyseMissing() : db()))();
    healed.catch(() => {
      healed = null;
    });
    return healed;
  };
  const analyseMissing = () =>
    serial(async () => {
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
    turn,
    save: (articles, place = turn()) => place.run(() => write(articles)),
    all: async () => (await db()).all(),
    replaced,
    async list() {
      const facts = await (await reads()).facts();
      return facts
        .map((f) => ({ id: f.id, title: f.ref.title, outlet: f.ref.outlet, date: f.ref.date?.iso ?? null, savedAt: f.savedAt, url: f.ref.url, names: f.names.map((n) => n.name) }))
        .sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    },
    remove: (ids) => serial(() => removeNow(ids)),
    held: () => ({ save: write, remove: removeNow, replaced }),
    clear: () =>
      serial(async () => {
        await (await db()).clear();
        store.changed();
        onChange();
      }),
    nameTable: async () => tablesOf(await store.entities()).table,
    changedElsewhere(tell = true) {
      store.changed();
      if (tell) onChange();
    },
    offTopic,
  };
}
