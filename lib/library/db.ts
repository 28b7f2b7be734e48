/**
 * The reader's library in IndexedDB (through `idb`). Beside each saved article
 * the store keeps what the engine derived from it (see `derive.ts`): the list
 * row, the article as the reader shows it, one record per entity it names, and
 * its search postings. A request reads only the records it needs, so a card or
 * a search does not grow with the library. An article and everything derived
 * from it are written, replaced or deleted in one transaction: whole or not at
 * all. Which saved article a new one is (the same address, or the same text) is
 * `identity.ts`'s rule.
 */
import { type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { ArticleFile } from '../engine/store/layout';
import { type DerivedArticle, type DerivedFacts, type EntityInArticle, type EntitySummary, type LibraryEntity, withPart } from './derive';
import type { SavedArticle } from './format';
import { type Relation, relation } from './identity';

interface LibrarySchema extends DBSchema {
  articles: { key: string; value: SavedArticle; indexes: { url: string; textHash: string } };
  /** The list row of each article: all of them are read at once, so it stays small. */
  derived: { key: string; value: DerivedFacts };
  /** The article as the reader page shows it, by article id. */
  files: { key: string; value: ArticleFile };
  /** Each article's search terms, by article id: what a delete takes out of `postings`. */
  terms: { key: string; value: string[] };
  /** [term, article id] → the term's weight in that article. */
  postings: { key: [string, string]; value: number };
  /** Under one key, every term some article has held, sorted: the words a search can complete or correct to, read in one piece. */
  vocabulary: { key: string; value: string[] };
  /** The people and organisations only the library knows. */
  entities: { key: string; value: LibraryEntity };
  /** One entity's part in one article, keyed [entity, article]; `byDate` reads an entity's newest first. */
  mentions: { key: [string, string]; value: EntityInArticle; indexes: { byDate: [string, string] } };
  /** Per entity, the counts and roles its card shows: one read, however many articles name it. */
  cards: { key: string; value: EntitySummary };
  /** Under one key: how many articles are saved (IndexedDB's own count walks every record), and whether some await analysis. */
  state: { key: string; value: LibraryState };
}

interface LibraryState {
  articles: number;
  /** An older layout's records were dropped: the articles are analysed again on the next read. */
  reanalyse: boolean;
}

const STATE_KEY = 'state';
/** Search postings written in one transaction while an import runs (`postingsApart`). */
const POSTINGS_PER_TRANSACTION = 64;

export const LIBRARY_DB = 'iic-library';
const VERSION = 4;
/** Everything derived from the articles: dropped and made again (the articles analysed again) when its layout changes. */
const DERIVED: StoreNames<LibrarySchema>[] = ['derived', 'files', 'terms', 'postings', 'vocabulary', 'entities', 'mentions', 'cards', 'state'];
const ALL: StoreNames<LibrarySchema>[] = ['articles', ...DERIVED];
/** Every store but the search postings (and the term lists that say which postings are whose): what a card reads from. */
const RECORDS: StoreNames<LibrarySchema>[] = ALL.filter((s) => s !== 'postings' && s !== 'terms' && s !== 'vocabulary');

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
  /** true when an article already in the library (the same address, see `identity.ts`) was updated rather than added. */
  updated: boolean;
  /** true when nothing of this one was written: its text is already saved under another address, or it was merged into another article of the same batch. `id` is that article's. */
  duplicate: boolean;
}

/** The saved article an incoming one is (`identity.ts`), if any. */
export type Known = { relation: Exclude<Relation, 'other'>; id: string } | null;

export interface LibraryDb {
  /** The saved article this one is the same as, or a duplicate of; null when it is new. */
  identify(article: SavedArticle): Promise<Known>;
  /** Whether some saved article has this id (a new article's id must be free). */
  hasId(id: string): Promise<boolean>;
  /**
   * Saves all of them or none (one transaction). Each article's id is the one `identify` gave ('same'), or a free one.
   * `vocabulary: false`: their terms were added beforehand (`addTerms`), so the transaction does not rewrite it.
   * `postingsApart`: the search postings are written first, in a transaction of their own, and both with relaxed
   * durability (an import): should the second fail, the caller takes the article out (`remove`) or saves it again.
   */
  put(items: { article: SavedArticle; derived: DerivedArticle }[], options?: { vocabulary: boolean; postingsApart?: boolean }): Promise<SaveResult[]>;
  /** Adds terms to the vocabulary (a term no article holds is harmless there: a search finds no postings for it). */
  addTerms(terms: Iterable<string>): Promise<void>;
  /** The saved articles with these ids, as they are now (missing ones left out). */
  articles(ids: string[]): Promise<SavedArticle[]>;
  all(): Promise<SavedArticle[]>;
  facts(): Promise<DerivedFacts[]>;
  entities(): Promise<LibraryEntity[]>;
  entity(id: string): Promise<LibraryEntity | null>;
  /** How many articles are saved. */
  count(): Promise<number>;
  /** Whether an older layout's articles still await analysis (`reanalysed` says they no longer do). */
  needsAnalysis(): Promise<boolean>;
  reanalysed(): Promise<void>;
  /** The list rows of these articles (missing ones left out). */
  factsOf(ids: string[]): Promise<DerivedFacts[]>;
  /** Every article's part in one entity. */
  mentionsOf(entity: string): Promise<EntityInArticle[]>;
  card(entity: string): Promise<EntitySummary | null>;
  /**
   * What a card needs, in one transaction: its summary, the entity (if the
   * library's own), the saved-article count, its newest parts until `plan`'s
   * `enough`, and the files of the articles `plan` names. One transaction
   * waits once behind a write (an import's), where five would wait five times.
   */
  cardRead(entity: string, plan: (summary: EntitySummary) => CardPlan): Promise<CardRead | null>;
  file(article: string): Promise<ArticleFile | null>;
  postings(term: string): Promise<Map<string, number>>;
  vocabulary(): Promise<string[]>;
  remove(ids: string[]): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

type WriteTx = IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'readwrite'>;
type PostingsTx = Pick<WriteTx, 'objectStore'>;

export interface CardPlan {
  enough(parts: readonly EntityInArticle[]): boolean;
  /** The articles whose files the card's statements are in. */
  articles(parts: readonly EntityInArticle[]): string[];
}

export interface CardRead {
  summary: EntitySummary;
  own: LibraryEntity | null;
  count: number;
  parts: EntityInArticle[];
  files: Map<string, ArticleFile>;
}

/** Newest first (undated last); one date's parts in article order, as the corpus orders them. */
const newestFirst = (parts: EntityInArticle[]) => parts.sort((a, b) => (a.sortDate !== b.sortDate ? (a.sortDate > b.sortDate ? -1 : 1) : a.article < b.article ? -1 : 1));

/**
 * Issues the requests together and waits for them all. A request that throws
 * as it is made (a value IndexedDB cannot store, a full disk) aborts the
 * transaction: the ones made before it then fail too, and are waited on here
 * rather than left to reject unseen.
 */
async function together(requests: (() => Promise<unknown>)[]): Promise<void> {
  const made: Promise<unknown>[] = [];
  try {
    for (const request of requests) made.push(request());
  } catch (error) {
    await Promise.allSettled(made);
    throw error;
  }
  await Promise.all(made);
}

/** Everything derived from one article, taken out; the entities it named, for `settle`. */
async function removeDerived(tx: WriteTx, id: string, withPostings = true): Promise<string[]> {
  const facts = await tx.objectStore('derived').get(id);
  const mentions = tx.objectStore('mentions');
  await together([
    ...(withPostings ? await postingsRemoval(tx, id) : []),
    ...(facts?.named ?? []).map((e) => () => mentions.delete([e, id])),
    () => tx.objectStore('files').delete(id),
    () => tx.objectStore('derived').delete(id),
  ]);
  return facts?.named ?? [];
}

/** The requests that take an article's search postings and its term list out. */
async function postingsRemoval(tx: PostingsTx, id: string): Promise<(() => Promise<unknown>)[]> {
  const terms = (await tx.objectStore('terms').get(id)) ?? [];
  const postings = tx.objectStore('postings');
  return [...terms.map((t) => () => postings.delete([t, id])), () => tx.objectStore('terms').delete(id)];
}

/** An article's search postings and term list, in place of the ones it had. */
async function writePostings(tx: PostingsTx, id: string, derived: DerivedArticle): Promise<void> {
  const postings = tx.objectStore('postings');
  await together(await postingsRemoval(tx, id));
  await together([
    () =>
      tx.objectStore('terms').put(
        derived.terms.map(([t]) => t),
        id,
      ),
    ...derived.terms.map(([term, weight]) => () => postings.put(weight, [term, id])),
  ]);
}

/**
 * The entities an article named, after it went or changed: each card summed
 * again from what is left, kept off the pages if only articles off the topic
 * name it now, and one nobody names forgotten.
 */
async function settle(tx: WriteTx, ids: Iterable<string>): Promise<void> {
  for (const id of new Set(ids)) {
    const parts = await tx.objectStore('mentions').getAll(IDBKeyRange.bound([id], [id, []]));
    if (parts.length === 0) {
      await Promise.all([tx.objectStore('entities').delete(id), tx.objectStore('cards').delete(id)]);
      continue;
    }
    await tx.objectStore('cards').put(parts.reduce<EntitySummary | undefined>(withPart, undefined) as EntitySummary);
    const entity = await tx.objectStore('entities').get(id);
    if (!entity) continue;
    const { offPages: _offPages, ...onPages } = entity;
    await tx.objectStore('entities').put(parts.every((p) => p.offTopic) ? { ...onPages, offPages: true } : onPages);
  }
}

/** The saved-article count moved by `change`, in the transaction that saves or deletes them. */
async function counted(tx: WriteTx, change: number): Promise<void> {
  const state = tx.objectStore('state');
  const now = (await state.get(STATE_KEY)) ?? { articles: 0, reanalyse: false };
  await state.put({ ...now, articles: now.articles + change }, STATE_KEY);
}

const VOCABULARY_KEY = 'terms';

/** Sorted `known` with `added` merged in, once each. */
function mergeSorted(known: readonly string[], added: Iterable<string>): string[] {
  const extra = [...new Set(added)].sort();
  const out: string[] = [];
  let i = 0;
  for (const term of extra) {
    while (i < known.length && known[i] < term) out.push(known[i++]);
    if (known[i] !== term) out.push(term);
  }
  while (i < known.length) out.push(known[i++]);
  return out;
}

/** The vocabulary with these terms in it. A term no article holds any more stays: a search finds no postings for it, which costs nothing. */
async function mergeTerms(tx: WriteTx, terms: Iterable<string>): Promise<void> {
  const vocabulary = tx.objectStore('vocabulary');
  await vocabulary.put(mergeSorted((await vocabulary.get(VOCABULARY_KEY)) ?? [], terms), VOCABULARY_KEY);
}

async function writeDerived(tx: WriteTx, article: SavedArticle, derived: DerivedArticle, withPostings = true): Promise<void> {
  const id = article.id;
  if (withPostings) await writePostings(tx, id, derived);
  const mentions = tx.objectStore('mentions');
  const entities = tx.objectStore('entities');
  const known = await Promise.all(derived.discovered.map((e) => entities.get(e.id)));
  const cards = tx.objectStore('cards');
  const summaries = await Promise.all(derived.entities.map((part) => cards.get(part.entity)));
  await together([
    () => tx.objectStore('articles').put(article),
    () => tx.objectStore('derived').put(derived.facts),
    () => tx.objectStore('files').put(derived.file, id),
    ...derived.entities.map((part) => () => mentions.put(part)),
    ...derived.entities.map((part, i) => () => cards.put(withPart(summaries[i], part))),
    ...derived.discovered.map((e, i) => () => {
      const before = known[i];
      const union = (a: string[] = [], b: string[] = []) => [...new Set([...a, ...b])];
      // The first name it was saved under stays its name; later spellings become aliases. An article on topic puts it on the pages.
      if (!before) return entities.put(e);
      const { offPages: _offPages, ...kept } = before;
      const merged = { ...kept, aliases: union(before.aliases, e.aliases), weakAliases: union(before.weakAliases, e.weakAliases), roles: union(before.roles, e.roles) };
      return entities.put(before.offPages && e.offPages ? { ...merged, offPages: true } : merged);
    }),
  ]);
}

export async function openLibraryDb(name = LIBRARY_DB): Promise<LibraryDb> {
  const db: IDBPDatabase<LibrarySchema> = await openDB<LibrarySchema>(name, VERSION, {
    async upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const articles = db.createObjectStore('articles', { keyPath: 'id' });
        // Not unique: an article without an address has none, and a changed text may meet another's.
        articles.createIndex('url', 'url');
        articles.createIndex('textHash', 'textHash');
      }
      // An older layout's derived records go; its articles are analysed again when the library is next read (see library.ts).
      for (const name of DERIVED) if (db.objectStoreNames.contains(name)) db.deleteObjectStore(name);
      db.createObjectStore('derived', { keyPath: 'id' });
      db.createObjectStore('files');
      db.createObjectStore('terms');
      db.createObjectStore('postings');
      db.createObjectStore('vocabulary');
      db.createObjectStore('entities', { keyPath: 'id' });
      db.createObjectStore('mentions', { keyPath: ['entity', 'article'] }).createIndex('byDate', ['entity', 'sortDate']);
      db.createObjectStore('cards', { keyPath: 'entity' });
      const state = db.createObjectStore('state');
      const articles = await transaction.objectStore('articles').count();
      await state.put({ articles, reanalyse: articles > 0 }, STATE_KEY);
    },
  });
  const write = async <T>(work: (tx: WriteTx) => Promise<T>, scope: StoreNames<LibrarySchema>[] = ALL, durability: 'default' | 'relaxed' = 'default'): Promise<T> => {
    const tx = db.transaction(scope, 'readwrite', { durability }) as unknown as WriteTx;
    try {
      const value = await work(tx);
      await tx.done;
      return value;
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
  };
  type ArticleStore = Pick<IDBPObjectStore<LibrarySchema, StoreNames<LibrarySchema>[], 'articles', IDBTransactionMode>, 'index' | 'get'>;
  const identify = async (article: SavedArticle, store: ArticleStore = db.transaction('articles').store): Promise<Known> => {
    const byUrl = article.url ? await store.index('url').get(article.url) : undefined;
    if (byUrl) return { relation: 'same', id: byUrl.id };
    // Several saved articles can share a text (saved before this rule, or edited to match): one with no address is the same, any other a duplicate.
    const byText = await store.index('textHash').getAll(article.textHash);
    if (byText.length === 0) return null;
    const same = byText.find((a) => relation(a, article) === 'same');
    return same ? { relation: 'same', id: same.id } : { relation: 'duplicate', id: byText[0].id };
  };
  return {
    identify: (article) => identify(article),
    hasId: async (id) => (await db.getKey('articles', id)) !== undefined,
    async put(items, { vocabulary: withTerms, postingsApart } = { vocabulary: true }) {
      if (postingsApart) {
        // Transactions of their own, most of an article's records, and short ones: the database serves its
        // transactions in turn, so a card asked meanwhile waits behind one small part, not an article's ~400 postings.
        for (const { article, derived } of items) {
          // The term list first: should a later part fail, taking the article out finds every posting it has.
          await write(
            async (tx) => {
              await together(await postingsRemoval(tx, article.id));
              await tx.objectStore('terms').put(
                derived.terms.map(([t]) => t),
                article.id,
              );
            },
            ['postings', 'terms'],
            'relaxed',
          );
          for (let from = 0; from < derived.terms.length; from += POSTINGS_PER_TRANSACTION) {
            const part = derived.terms.slice(from, from + POSTINGS_PER_TRANSACTION);
            await write((tx) => together(part.map(([term, weight]) => () => tx.objectStore('postings').put(weight, [term, article.id]))), ['postings'], 'relaxed');
          }
        }
      }
      return write(
        async (tx) => {
          const results: SaveResult[] = [];
          const named: string[] = [];
          for (const { article, derived } of items) {
            const known = await identify(article, tx.objectStore('articles'));
            const taken = known === null && (await tx.objectStore('articles').getKey(article.id)) !== undefined;
            if (known?.relation === 'duplicate' || (known && known.id !== article.id) || taken) {
              throw new Error(`${article.id} is not new and not the saved ${known?.id ?? article.id}: identify it first`);
            }
            if (known) named.push(...(await removeDerived(tx, known.id, !postingsApart)));
            await writeDerived(tx, article, derived, !postingsApart);
            results.push({ id: article.id, updated: known !== null, duplicate: false });
          }
          await settle(tx, named);
          await counted(tx, results.filter((r) => !r.updated).length);
          if (withTerms) await mergeTerms(tx, items.flatMap(({ derived }) => derived.terms.map(([t]) => t)));
          return results;
        },
        postingsApart ? RECORDS : ALL,
        postingsApart ? 'relaxed' : 'default',
      );
    },
    addTerms: (terms) => write((tx) => mergeTerms(tx, terms)),
    all: () => db.getAll('articles'),
    async articles(ids) {
      const tx = db.transaction('articles');
      const found = await Promise.all(ids.map((id) => tx.store.get(id)));
      return found.filter((a): a is SavedArticle => a !== undefined);
    },
    facts: () => db.getAll('derived'),
    entities: () => db.getAll('entities'),
    mentionsOf: (entity) => db.getAll('mentions', IDBKeyRange.bound([entity], [entity, []])),
    card: async (entity) => (await db.get('cards', entity)) ?? null,
    async cardRead(entity, plan) {
      const tx = db.transaction(['cards', 'entities', 'state', 'mentions', 'files']);
      const [summary, own, state] = await Promise.all([tx.objectStore('cards').get(entity), tx.objectStore('entities').get(entity), tx.objectStore('state').get(STATE_KEY)]);
      if (!summary) return null;
      const { enough, articles } = plan(summary);
      const parts: EntityInArticle[] = [];
      let cursor = await tx.objectStore('mentions').index('byDate').openCursor(IDBKeyRange.bound([entity, ''], [entity, '\uffff']), 'prev');
      while (cursor) {
        const part = cursor.value;
        if (parts.length > 0 && part.sortDate !== parts[parts.length - 1].sortDate && enough(parts)) break;
        parts.push(part);
        cursor = await cursor.continue();
      }
      newestFirst(parts);
      const wanted = articles(parts);
      const files = await Promise.all(wanted.map((id) => tx.objectStore('files').get(id)));
      return { summary, own: own ?? null, count: state?.articles ?? 0, parts, files: new Map(wanted.flatMap((id, i) => (files[i] ? [[id, files[i]] as const] : []))) };
    },
    file: async (article) => (await db.get('files', article)) ?? null,
    async postings(term) {
      const range = IDBKeyRange.bound([term], [term, []]);
      const tx = db.transaction('postings');
      const [keys, weights] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range)]);
      return new Map(keys.map((k, i) => [k[1], weights[i]]));
    },
    vocabulary: async () => (await db.get('vocabulary', VOCABULARY_KEY)) ?? [],
    entity: async (id) => (await db.get('entities', id)) ?? null,
    count: async () => (await db.get('state', STATE_KEY))?.articles ?? 0,
    needsAnalysis: async () => (await db.get('state', STATE_KEY))?.reanalyse ?? false,
    async reanalysed() {
      const tx = db.transaction('state', 'readwrite');
      const now = await tx.store.get(STATE_KEY);
      await tx.store.put({ articles: now?.articles ?? 0, reanalyse: false }, STATE_KEY);
      await tx.done;
    },
    async factsOf(ids) {
      const tx = db.transaction('derived');
      const found = await Promise.all(ids.map((id) => tx.store.get(id)));
      return found.filter((f): f is DerivedFacts => f !== undefined);
    },
    remove: (ids) =>
      write(async (tx) => {
        const named: string[] = [];
        let removed = 0;
        for (const id of ids) {
          // An article whose postings were written apart but whose records were not has only those to take out.
          named.push(...(await removeDerived(tx, id)));
          if ((await tx.objectStore('articles').getKey(id)) === undefined) continue;
          await tx.objectStore('articles').delete(id);
          removed++;
        }
        await settle(tx, named);
        await counted(tx, -removed);
      }),
    clear: () =>
      write(async (tx) => {
        await together(ALL.map((s) => () => tx.objectStore(s).clear()));
        await tx.objectStore('state').put({ articles: 0, reanalyse: false }, STATE_KEY);
      }),
    close: () => db.close(),
  };
}
