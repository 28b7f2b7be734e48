/**
 * The library as a `CorpusStore`, answering from the records IndexedDB keeps
 * per article (see `db.ts`): a card reads its entity's parts and the few
 * articles its first statements are in; a search reads the library's names,
 * the postings of its words and the articles it shows sentences from. Only
 * related articles and the article list read every article's list row. What
 * stays in memory is small beside the saved text (names, vocabulary, a few
 * files), and is read again only after a change.
 */
import MiniSearch from 'minisearch';
import { type ArticleRef, articleRef, closestAmong, type EntityView, resolveAmong, type StatementView, statementView } from '../engine/lookup';
import type { NameTable } from '../engine/matcher';
import { type Hit, INDEX_OPTIONS, type IndexDoc, relatedArticles, relatedQuery, searchWithSuggestions } from '../engine/search';
import { sentencesIn } from '../engine/store/article-index';
import { type ArticleFile, withStatementText } from '../engine/store/layout';
import { searchPostings } from '../engine/store/postings';
import type { CorpusStore } from '../engine/store/store';
import type { EntityType } from '../engine/types';
import type { SearchAnswer, TimelinePoint } from '../engine/views';
import type { LibraryDb } from './db';
import type { DerivedFacts, EntityInArticle, LibraryEntity, NameContext } from './derive';

const PER_GROUP = 8;
const ARTICLES_FOR_SENTENCES = 6;
/** Article files kept after a read (a card's statements, a search's sentences): enough for a few cards. */
const FILES_KEPT = 48;
const POSTINGS_KEPT = 256;

type LibraryReads = Pick<LibraryDb, 'facts' | 'factsOf' | 'entities' | 'entity' | 'count' | 'card' | 'cardRead' | 'mentionsOf' | 'file' | 'postings' | 'vocabulary'>;

/** Every article's list row, for related articles and the list: read only when one of those is asked for. */
interface Catalog {
  refs: ArticleRef[];
  namedIn: Map<string, Set<string>>;
  /** Name and type of every entity the library names: its own, and the bundled ones it shares. */
  known: Map<string, { name: string; type: EntityType }>;
}

/** The library's own names, for a search's names and "did you mean". */
interface Names {
  entities: LibraryEntity[];
  byId: Map<string, LibraryEntity>;
  index: MiniSearch<IndexDoc>;
}

/** A value read once and kept until cleared; a read that failed is tried again next time. */
export function cached<T>(read: () => Promise<T>) {
  let value: Promise<T> | null = null;
  return {
    get(): Promise<T> {
      if (!value) {
        const pending = read();
        value = pending;
        pending.catch(() => {
          if (value === pending) value = null;
        });
      }
      return value;
    },
    clear() {
      value = null;
    },
  };
}

/** Values read by key and kept, the oldest forgotten past `size`; a read that failed is tried again next time. */
function recent<K, V>(size: number) {
  const map = new Map<K, V>();
  return {
    read(key: K, make: () => V): V {
      const known = map.get(key);
      if (known !== undefined) return known;
      const value = make();
      map.set(key, value);
      if (map.size > size) map.delete(map.keys().next().value as K);
      if (value instanceof Promise) value.catch(() => map.get(key) === value && map.delete(key));
      return value;
    },
    clear: () => map.clear(),
  };
}

export interface LibraryStore extends CorpusStore {
  /** Forgets what it read: the library changed. */
  changed(): void;
  /** The library's own names, as the content script adds them to the bundled table. */
  entities(): Promise<LibraryEntity[]>;
}

export function libraryStore(reads: () => Promise<LibraryReads>, context: () => Promise<NameContext>, table: (own: LibraryEntity[]) => NameTable): LibraryStore {
  const libraryNames = cached(async (): Promise<Names> => {
    const entities = await (await reads()).entities();
    const index = new MiniSearch<IndexDoc>(INDEX_OPTIONS);
    index.addAll(entities.map((e) => ({ id: `entity:${e.id}`, kind: 'entity', title: e.name, text: '', speaker: '', names: [e.name, ...e.aliases, ...e.weakAliases].join(' ') })));
    return { entities, byId: new Map(entities.map((e) => [e.id, e])), index };
  });
  const savedCount = cached(async () => (await reads()).count());
  const vocabulary = cached(async () => (await reads()).vocabulary());
  const catalog = cached(async (): Promise<Catalog> => {
    const db = await reads();
    const [facts, own, bundled] = await Promise.all([db.facts(), libraryNames.get(), context()]);
    facts.sort((a: DerivedFacts, b: DerivedFacts) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.id < b.id ? -1 : 1));
    const known = new Map<string, { name: string; type: EntityType }>(bundled.map((e) => [e.id, e]));
    for (const e of own.entities) known.set(e.id, e);
    return { refs: facts.map((f) => f.ref), namedIn: new Map(facts.map((f) => [f.id, new Set(f.named)])), known };
  });
  const files = recent<string, Promise<ArticleFile | null>>(FILES_KEPT);
  const postings = recent<string, Promise<Map<string, number>>>(POSTINGS_KEPT);
  const fileOf = (id: string) =>
    files.read(id, async () => {
      const file = await (await reads()).file(id);
      return file ? withStatementText(file) : null;
    });
  const source = {
    vocabulary: vocabulary.get,
    postings: (term: string) => postings.read(term, async () => (await reads()).postings(term)),
    articleCount: savedCount.get,
  };

  /** The statements with these ids, each read from its article's file. */
  const statementViews = async (wanted: { id: string; article: string; group: 'said' | 'partial' | 'about' }[], entity: string): Promise<StatementView[]> => {
    const read = new Map(await Promise.all([...new Set(wanted.map((w) => w.article))].map(async (a) => [a, await fileOf(a)] as const)));
    return wanted.flatMap(({ id, article, group }) => {
      const file = read.get(article);
      const s = file?.statements.find((x) => x.id === id);
      return s && file ? [statementView(s, articleRef(file.article), group, (x) => file.names[x], entity)] : [];
    });
  };

  return {
    changed() {
      for (const kept of [catalog, libraryNames, savedCount, vocabulary, files, postings]) kept.clear();
    },
    entities: async () => (await libraryNames.get()).entities,
    async entity(id, limit = Number.POSITIVE_INFINITY): Promise<EntityView | null> {
      const db = await reads();
      const groups = ['said', 'partial', 'about'] as const;
      const count = (parts: readonly EntityInArticle[], group: (typeof groups)[number]) => parts.reduce((n, p) => n + p[group].length, 0);
      let take = { said: 0, partial: 0, about: 0 };
      const wantedIn = (parts: readonly EntityInArticle[]) => groups.flatMap((group) => parts.flatMap((p) => p[group].map((s) => ({ id: s, article: p.article, group }))).slice(0, take[group]));
      // One read of everything the card needs (see `cardRead`): an import's writes make each read wait.
      const read = await db.cardRead(id, (summary) => {
        // Its own words first, then fragments of them, then mentions: how many of each the first `limit` take.
        const said = Math.min(limit, summary.said);
        const partial = Math.min(limit - said, summary.partial);
        take = { said, partial, about: Math.min(limit - said - partial, summary.about) };
        return {
          enough: (parts) => limit <= 0 || groups.every((g) => count(parts, g) >= take[g]),
          articles: (parts) => [...new Set(wantedIn(parts).map((w) => w.article))],
        };
      });
      if (!read) return null;
      const { summary, own, count: saved } = read;
      const parts = limit > 0 ? read.parts : [];
      for (const [article, file] of read.files) files.read(article, async () => withStatementText(file));
      const wanted = wantedIn(parts);
      // A bundled entity's name and aliases are the bundled card's; the library adds its statements to that card.
      const info = own ?? { name: summary.name, type: summary.type, aliases: [] };
      return {
        id,
        name: info.name,
        type: info.type,
        aliases: info.aliases,
        roles: summary.roles.map(({ text, statement, article }) => ({ text, statement, article })),
        counts: { said: summary.said, partial: summary.partial, about: summary.about },
        // Counted apart from the corpus's: the card says how much rests on the reader's own articles.
        basis: { articles: 0, corpusArticles: 0, first: null, last: null, undated: 0, library: { articles: summary.articles, saved } },
        statements: await statementViews(wanted, id),
      };
    },
    async article(id) {
      const file = await fileOf(id);
      return file ? { article: file.article, statements: file.statements, mentions: file.mentions } : null;
    },
    articles: async () => (await catalog.get()).refs,
    async timeline(id): Promise<TimelinePoint[]> {
      const points = new Map<string | null, TimelinePoint>();
      for (const p of await (await reads()).mentionsOf(id)) {
        const date = p.date?.slice(0, 10) ?? null;
        const point = points.get(date) ?? { date, said: 0, about: 0 };
        // A partial quote is the entity's words too: the timeline counts it as said, as the corpus's does.
        point.said += p.said.length + p.partial.length;
        point.about += p.about.length;
        if (point.said + point.about > 0) points.set(date, point);
      }
      return [...points.values()].sort((a, b) => (a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1));
    },
    async search(query): Promise<SearchAnswer> {
      const empty: SearchAnswer = { query, names: [], statements: [], articles: [], suggestions: [], closest: [] };
      if (!query.trim() || (await savedCount.get()) === 0) return empty;
      const [own, articleHits] = await Promise.all([libraryNames.get(), searchPostings(query, source)]);
      const { hits, suggestions } = searchWithSuggestions(own.index, query);
      const names = hits.slice(0, PER_GROUP).flatMap((h: Hit) => {
        const e = own.byId.get(h.id);
        return e ? [{ id: h.id, name: e.name, type: e.type, role: null, terms: h.terms, approximate: h.approximate }] : [];
      });
      const db = await reads();
      const [read, rows, bundled] = await Promise.all([
        Promise.all(articleHits.slice(0, ARTICLES_FOR_SENTENCES).map(async (hit) => ({ hit, file: await fileOf(hit.id) }))),
        db.factsOf(articleHits.slice(0, PER_GROUP).map((h) => h.id)),
        context(),
      ]);
      const files = read.filter((r): r is { hit: Hit; file: ArticleFile } => r.file !== null);
      // An entity's names count as words of the statements that name it: the library's own names, and the bundled corpus's.
      const namesOf = new Map<string, string>([...bundled, ...own.entities].map((e) => [e.id, [e.name, ...e.aliases].join(' ')]));
      const fileOfArticle = new Map(files.map((r) => [r.hit.id, r.file]));
      const statements = sentencesIn(
        query,
        files.map((r) => ({ hit: r.hit, statements: r.file.statements })),
        (id) => namesOf.get(id) ?? '',
      )
        .slice(0, PER_GROUP)
        .map((s) => {
          const file = fileOfArticle.get(s.statement.article) as ArticleFile;
          return { ...statementView(s.statement, articleRef(file.article), 'match', (x) => file.names[x]), terms: s.terms, approximate: s.approximate };
        });
      const refOf = new Map(rows.map((f) => [f.id, f.ref]));
      const articles = articleHits.flatMap((h) => {
        const ref = refOf.get(h.id);
        return ref ? [{ ...ref, terms: h.terms, approximate: h.approximate }] : [];
      });
      const nothing = names.length + statements.length + articles.length === 0;
      return { query, names, statements, articles, suggestions, closest: nothing ? closestAmong(own.entities, query) : [] };
    },
    async related(text) {
      const c = await catalog.get();
      if (c.refs.length === 0) return [];
      const [hits, own] = await Promise.all([searchPostings(relatedQuery(text), source, { any: true, prefix: false }), libraryNames.get()]);
      return relatedArticles({ articles: c.refs, namedIn: c.namedIn, entities: c.known }, hits, table(own.entities), text).map((r) => ({
        ...r.article,
        score: r.score,
        shared: r.shared,
      }));
    },
    resolve: async (name) => resolveAmong((await libraryNames.get()).entities, name),
  };
}
