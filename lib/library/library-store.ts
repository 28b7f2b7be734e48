/**
 * The library as a `CorpusStore`, answering from the records IndexedDB keeps
 * per article (see `db.ts`): a card reads its entity's parts and the few
 * articles its first statements are in; a search reads the postings of its
 * words and the articles it shows sentences from. What stays in memory is the
 * list rows, the library's own names and the vocabulary: small beside the
 * saved text, and read again only after a change.
 */
import MiniSearch from 'minisearch';
import { type ArticleRef, closestAmong, type EntityView, resolveAmong, type StatementView, statementView } from '../engine/lookup';
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

type LibraryReads = Pick<LibraryDb, 'facts' | 'entities' | 'mentionsOf' | 'file' | 'postings' | 'vocabulary'>;

interface Catalog {
  refs: ArticleRef[];
  refOf: Map<string, ArticleRef>;
  namedIn: Map<string, Set<string>>;
  entities: LibraryEntity[];
  /** Name, type and aliases of every entity the library names: its own, and the bundled ones it shares. */
  known: Map<string, { name: string; type: EntityType; aliases: string[] }>;
  names: MiniSearch<IndexDoc>;
}

/** A map that forgets its oldest entry past `size`. */
function recent<K, V>(size: number) {
  const map = new Map<K, V>();
  return {
    get: (key: K) => map.get(key),
    set(key: K, value: V) {
      map.delete(key);
      map.set(key, value);
      if (map.size > size) map.delete(map.keys().next().value as K);
    },
    clear: () => map.clear(),
  };
}

/** Newest first, undated last; ties in a fixed order. */
function byDate(a: EntityInArticle, b: EntityInArticle): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.article < b.article ? -1 : 1;
}

export interface LibraryStore extends CorpusStore {
  /** Forgets what it read: the library changed. */
  changed(): void;
  /** The library's own names, as the content script adds them to the bundled table. */
  entities(): Promise<LibraryEntity[]>;
}

export function libraryStore(reads: () => Promise<LibraryReads>, context: () => Promise<NameContext>, table: (own: LibraryEntity[]) => NameTable): LibraryStore {
  let catalog: Promise<Catalog> | null = null;
  let vocabulary: Promise<string[]> | null = null;
  const files = recent<string, Promise<ArticleFile | null>>(FILES_KEPT);
  const postings = recent<string, Promise<Map<string, number>>>(POSTINGS_KEPT);

  const load = async (): Promise<Catalog> => {
    const db = await reads();
    const [facts, entities, bundled] = await Promise.all([db.facts(), db.entities(), context()]);
    facts.sort((a: DerivedFacts, b: DerivedFacts) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.id < b.id ? -1 : 1));
    const known = new Map<string, { name: string; type: EntityType; aliases: string[] }>(bundled.map((e) => [e.id, e]));
    for (const e of entities) known.set(e.id, e);
    const names = new MiniSearch<IndexDoc>(INDEX_OPTIONS);
    names.addAll(entities.map((e) => ({ id: `entity:${e.id}`, kind: 'entity', title: e.name, text: '', speaker: '', names: [e.name, ...e.aliases, ...e.weakAliases].join(' ') })));
    return {
      refs: facts.map((f) => f.ref),
      refOf: new Map(facts.map((f) => [f.id, f.ref])),
      namedIn: new Map(facts.map((f) => [f.id, new Set(f.named)])),
      entities,
      known,
      names,
    };
  };
  const cat = () => {
    catalog ??= load();
    catalog.catch(() => {
      catalog = null;
    });
    return catalog;
  };
  const fileOf = (id: string) => {
    let file = files.get(id);
    if (!file) {
      file = reads()
        .then((db) => db.file(id))
        .then((f) => (f ? withStatementText(f) : null));
      files.set(id, file);
    }
    return file;
  };
  const source = {
    vocabulary: () => {
      vocabulary ??= reads().then((db) => db.vocabulary());
      vocabulary.catch(() => {
        vocabulary = null;
      });
      return vocabulary;
    },
    postings: (term: string) => {
      let list = postings.get(term);
      if (!list) {
        list = reads().then((db) => db.postings(term));
        postings.set(term, list);
      }
      return list;
    },
    articleCount: async () => (await cat()).refs.length,
  };
  const nameOf = (c: Catalog) => (id: string) => {
    const e = c.known.get(id);
    return e ? [e.name, ...e.aliases].join(' ') : '';
  };

  /** The statements with these ids, each read from its article's file. */
  const statementViews = async (c: Catalog, wanted: { id: string; article: string; group: 'said' | 'partial' | 'about' }[], entity: string): Promise<StatementView[]> => {
    const read = new Map(await Promise.all([...new Set(wanted.map((w) => w.article))].map(async (a) => [a, await fileOf(a)] as const)));
    return wanted.flatMap(({ id, article, group }) => {
      const file = read.get(article);
      const ref = c.refOf.get(article);
      const s = file?.statements.find((x) => x.id === id);
      return s && file && ref ? [statementView(s, ref, group, (x) => file.names[x], entity)] : [];
    });
  };

  return {
    changed() {
      catalog = null;
      vocabulary = null;
      files.clear();
      postings.clear();
    },
    entities: async () => (await cat()).entities,
    async entity(id, limit = Number.POSITIVE_INFINITY): Promise<EntityView | null> {
      const [c, parts] = await Promise.all([cat(), reads().then((db) => db.mentionsOf(id))]);
      const info = c.known.get(id);
      if (!info || parts.length === 0) return null;
      parts.sort(byDate);
      const ids = (group: 'said' | 'partial' | 'about') => parts.flatMap((p) => p[group].map((s) => ({ id: s, article: p.article, group })));
      const all = [...ids('said'), ...ids('partial'), ...ids('about')];
      const withStatements = parts.filter((p) => p.said.length + p.partial.length + p.about.length > 0);
      return {
        id,
        name: info.name,
        type: info.type,
        aliases: info.aliases,
        roles: parts.flatMap((p) => {
          const article = c.refOf.get(p.article);
          return article ? p.roles.map((r) => ({ ...r, article })) : [];
        }),
        counts: { said: ids('said').length, partial: ids('partial').length, about: ids('about').length },
        // Counted apart from the corpus's: the card says how much rests on the reader's own articles.
        basis: { articles: 0, corpusArticles: 0, first: null, last: null, undated: 0, library: { articles: withStatements.length, saved: c.refs.length } },
        statements: await statementViews(c, all.slice(0, Math.min(limit, all.length)), id),
      };
    },
    async article(id) {
      const file = await fileOf(id);
      return file ? { article: file.article, statements: file.statements, mentions: file.mentions } : null;
    },
    articles: async () => (await cat()).refs,
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
      if (!query.trim()) return empty;
      const c = await cat();
      if (c.refs.length === 0) return empty;
      const [{ hits, suggestions }, articleHits] = await Promise.all([searchWithSuggestions(c.names, query), searchPostings(query, source)]);
      const names = hits.slice(0, PER_GROUP).flatMap((h: Hit) => {
        const e = c.known.get(h.id);
        return e ? [{ id: h.id, name: e.name, type: e.type, role: null, terms: h.terms, approximate: h.approximate }] : [];
      });
      const shown = articleHits.filter((h) => c.refOf.has(h.id));
      const read = (await Promise.all(shown.slice(0, ARTICLES_FOR_SENTENCES).map(async (hit) => ({ hit, file: await fileOf(hit.id) })))).filter(
        (r): r is { hit: Hit; file: ArticleFile } => r.file !== null,
      );
      const fileOfArticle = new Map(read.map((r) => [r.hit.id, r.file]));
      const statements = sentencesIn(
        query,
        read.map((r) => ({ hit: r.hit, statements: r.file.statements })),
        nameOf(c),
      )
        .slice(0, PER_GROUP)
        .map((s) => {
          const file = fileOfArticle.get(s.statement.article) as ArticleFile;
          const ref = c.refOf.get(s.statement.article) as ArticleRef;
          return { ...statementView(s.statement, ref, 'match', (x) => file.names[x]), terms: s.terms, approximate: s.approximate };
        });
      const articles = shown.slice(0, PER_GROUP).map((h) => ({ ...(c.refOf.get(h.id) as ArticleRef), terms: h.terms, approximate: h.approximate }));
      const nothing = names.length + statements.length + articles.length === 0;
      return { query, names, statements, articles, suggestions, closest: nothing ? closestAmong(c.entities, query) : [] };
    },
    async related(text) {
      const c = await cat();
      if (c.refs.length === 0) return [];
      const hits = await searchPostings(relatedQuery(text), source, { any: true, prefix: false });
      return relatedArticles({ articles: c.refs, namedIn: c.namedIn, entities: c.known }, hits, table(c.entities), text).map((r) => ({
        ...r.article,
        score: r.score,
        shared: r.shared,
      }));
    },
    resolve: async (name) => resolveAmong((await cat()).entities, name),
  };
}
