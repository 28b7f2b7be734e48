/**
 * The bundled corpus read from its files (see `layout.ts`), each only when a
 * request needs it, and kept while the background lives: a card reads one
 * entity file, the reader one article file, the popup's first search the
 * names file (its names answer needs no other) and the article-level index.
 * Each file's shape is checked as it is read (`file-shapes.ts`). A file that is missing, corrupt or of the wrong shape
 * fails that request with its name; every other request keeps working.
 */
import MiniSearch from 'minisearch';
import { type ArticleRef, closestAmong, type EntityView, resolveAmong, type StatementView, statementView } from '../lookup';
import type { NameTable } from '../matcher';
import { type Hit, INDEX_OPTIONS, type IndexDoc, indexTextHits, relatedArticles, searchWithSuggestions } from '../search';
import type { ArticleWithStatements, RelatedArticleView, SearchAnswer, TimelinePoint } from '../views';
import { sentencesIn } from './article-index';
import { articleFileShape, corpusMetaShape, entityFileShape, namesFileShape, relatedFileShape, shapeProblem } from './file-shapes';
import {
  type ArticleFile,
  type CorpusMeta,
  type EntityEntry,
  type EntityFile,
  LAYOUT_VERSION,
  type NamesFile,
  paths,
  type RelatedFile,
  SAFE_ID,
  withStatementText,
} from './layout';
import type { CorpusStore } from './store';

/** Reads one packaged file as text (`fetch(runtime.getURL(…))` in the extension, the file system in Node). */
export type ReadFile = (path: string) => Promise<string>;

export class CorpusFileError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`corpus file ${path}: ${reason}`);
    this.name = 'CorpusFileError';
  }
}

const PER_GROUP = 8;
/** Articles whose sentences a search reads: the best ones, enough for a page of statements. */
const ARTICLES_FOR_SENTENCES = 6;

/** What the store keeps of names.json: the entities, where each is among them, and their index loaded. */
interface Names {
  entities: EntityEntry[];
  at: Map<string, number>;
  index: MiniSearch<IndexDoc>;
}

/** A file's layout is this code's, else nothing in it can be trusted to mean what the code reads. */
function ofThisLayout<T extends { version: number }>(path: string, file: T): T {
  if (file.version !== LAYOUT_VERSION) throw new CorpusFileError(path, `layout version ${file.version}, expected ${LAYOUT_VERSION}`);
  return file;
}

/** Resolves with `value` on a later task, once every promise already settling in memory has. */
const nextTask = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 0));

export function packagedStore(read: ReadFile, table: NameTable): CorpusStore {
  const cache = new Map<string, Promise<unknown>>();
  /**
   * The file as JSON of `shape`'s shape (checked before anything reads it), turned by `keep` into what
   * the store holds of it: only that is cached, not the parsed file (the names index's plain form is not kept beside the index).
   */
  const load = <T, K = T>(path: string, shape: Parameters<typeof shapeProblem>[0], keep: (value: T) => K = (value) => value as unknown as K): Promise<K> => {
    let pending = cache.get(path) as Promise<K> | undefined;
    if (!pending) {
      pending = read(path).then(
        (text) => {
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch (error) {
            throw new CorpusFileError(path, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
          }
          const problem = shapeProblem(shape, value);
          if (problem) throw new CorpusFileError(path, `not a corpus file of this version (${problem})`);
          try {
            return keep(value as T);
          } catch (error) {
            throw error instanceof CorpusFileError ? error : new CorpusFileError(path, error instanceof Error ? error.message : String(error));
          }
        },
        (error: unknown) => {
          throw error instanceof CorpusFileError ? error : new CorpusFileError(path, `cannot be read (${error instanceof Error ? error.message : String(error)})`);
        },
      );
      // A failed read is not cached: the next request tries again.
      pending.catch(() => cache.delete(path));
      cache.set(path, pending);
    }
    return pending;
  };
  const meta = async () => ofThisLayout(paths.meta, await load<CorpusMeta>(paths.meta, corpusMetaShape));
  /** names.json, all a names answer needs: never meta.json, which lists every article (1.35 MB at 5,000). */
  const names = () =>
    load<NamesFile, Names>(paths.names, namesFileShape, (file) => {
      ofThisLayout(paths.names, file);
      return { entities: file.entities, at: new Map(file.entities.map((e, i) => [e.id, i])), index: MiniSearch.loadJS<IndexDoc>(file.index, INDEX_OPTIONS) };
    });
  let positions: Promise<{ articles: Map<string, number> }> | null = null;
  const position = () => {
    positions ??= meta().then((m) => ({ articles: new Map(m.articles.map((a, i) => [a.id, i])) }));
    return positions;
  };
  const loadIndex = (path: string) =>
    read(path)
      .then((json) => MiniSearch.loadJSON<IndexDoc>(json, INDEX_OPTIONS))
      .catch((error: unknown) => {
        throw error instanceof CorpusFileError ? error : new CorpusFileError(path, error instanceof Error ? error.message : String(error));
      });
  let index: Promise<MiniSearch<IndexDoc>> | null = null;
  /** The index once it has loaded; until then a search answers names from the small names index. */
  let loaded: MiniSearch<IndexDoc> | null = null;
  /** The last load failed: the next search waits for a new attempt and reports its failure, rather than answer names forever. */
  let failed = false;
  const searchIndex = () => {
    index ??= loadIndex(paths.search).then(
      (ready) => {
        loaded = ready;
        return ready;
      },
      (error: unknown) => {
        index = null;
        failed = true;
        throw error;
      },
    );
    return index;
  };
  const articleAt = async (n: number) => withStatementText(await load<ArticleFile>(paths.article(n), articleFileShape));
  const articleFile = async (id: string): Promise<ArticleFile | null> => {
    const n = (await position()).articles.get(id);
    return n === undefined ? null : articleAt(n);
  };
  /** Statement views for ids, reading each article's file once. */
  const statementViews = async (ids: string[], group: (id: string) => 'said' | 'partial' | 'about', entity: string): Promise<StatementView[]> => {
    const m = await meta();
    const at = (await position()).articles;
    const out: StatementView[] = [];
    for (const id of ids) {
      const article = id.slice(0, id.lastIndexOf('#'));
      const n = at.get(article);
      if (n === undefined) continue;
      const file = await articleAt(n);
      const s = file.statements.find((x) => x.id === id);
      if (s) out.push(statementView(s, m.articles[n], group(id), (x) => file.names[x], entity));
    }
    return out;
  };
  const entityFile = async (id: string): Promise<EntityFile | null> => {
    // Read by id, without meta.json: a card from a stopped worker reads one small file.
    if (!SAFE_ID.test(id)) return null;
    try {
      return await load<EntityFile>(paths.entity(id), entityFileShape);
    } catch (error) {
      // No file for an id nobody has: no such entity. A file that is there but damaged, or unreadable for another reason, is an error.
      if (error instanceof CorpusFileError && !(await names()).at.has(id)) return null;
      throw error;
    }
  };

  return {
    async entity(id, limit = Number.POSITIVE_INFINITY): Promise<EntityView | null> {
      const file = await entityFile(id);
      if (!file) return null;
      if (limit <= file.view.statements.length) return { ...file.view, statements: file.view.statements.slice(0, limit) };
      const total = file.said.length + file.partial.length + file.about.length;
      if (file.view.statements.length >= total) return file.view;
      const said = new Set(file.said);
      const partial = new Set(file.partial);
      const ids = [...file.said, ...file.partial, ...file.about].slice(0, Math.min(limit, total));
      const group = (s: string) => (said.has(s) ? 'said' : partial.has(s) ? 'partial' : 'about');
      return { ...file.view, statements: await statementViews(ids, group, id) };
    },
    async article(id): Promise<ArticleWithStatements | null> {
      const file = await articleFile(id);
      return file ? { article: file.article, statements: file.statements, mentions: file.mentions } : null;
    },
    async articles(): Promise<ArticleRef[]> {
      return (await meta()).articles;
    },
    async timeline(id): Promise<TimelinePoint[]> {
      return (await entityFile(id))?.timeline ?? [];
    },
    async search(query): Promise<SearchAnswer> {
      if (!query.trim()) return { query, names: [], statements: [], articles: [], suggestions: [], closest: [] };
      const full = loaded;
      const loading = full || failed ? null : searchIndex();
      if (loading) {
        // A cold worker: the names answer at once from names.json alone; statements and articles follow.
        // Names alone only when the full index has not come a task later: files read from memory (the CLI,
        // tests) are all there by then, so their answer is never names only.
        const settled = await Promise.race([loading.then(() => true), names().then(() => nextTask(false), () => true)]);
        if (!settled) {
          const people = await names();
          const { hits, suggestions } = searchWithSuggestions(people.index, query);
          // Statements and articles are still to come: not "nothing found", so no "did you mean" (the popup shows none while pending).
          return { query, names: nameHits(hits, people), statements: [], articles: [], suggestions, closest: [], pending: true };
        }
      }
      const [index, people, m, { articles: articleAt }] = await Promise.all([full ?? searchIndex(), names(), meta(), position()]);
      const { hits, suggestions } = searchWithSuggestions(index, query);
      const found = nameHits(hits, people);
      const articleHits = hits.filter((h) => h.kind === 'article' && articleAt.has(h.id));
      const read = await Promise.all(
        articleHits.slice(0, ARTICLES_FOR_SENTENCES).map(async (hit) => ({ hit, file: (await articleFile(hit.id)) as ArticleFile })),
      );
      const nameOf = (id: string) => {
        const e = people.entities[people.at.get(id) ?? -1];
        return e ? [e.name, ...e.aliases].join(' ') : '';
      };
      const sentences = sentencesIn(
        query,
        read.map((r) => ({ hit: r.hit, statements: r.file.statements })),
        nameOf,
      ).slice(0, PER_GROUP);
      const fileOf = new Map(read.map((r) => [r.hit.id, r.file]));
      const statements = sentences.map((s) => {
        const file = fileOf.get(s.statement.article) as ArticleFile;
        const ref = m.articles[articleAt.get(s.statement.article) as number];
        return { ...statementView(s.statement, ref, 'match', (x) => file.names[x]), terms: s.terms, approximate: s.approximate };
      });
      const articles = articleHits.slice(0, PER_GROUP).map((h) => ({ ...m.articles[articleAt.get(h.id) as number], terms: h.terms, approximate: h.approximate }));
      const nothing = found.length + statements.length + articles.length === 0;
      return { query, names: found, statements, articles, suggestions, closest: nothing ? closestAmong(people.entities, query) : [] };
    },
    async related(text): Promise<RelatedArticleView[]> {
      const [m, people, file] = await Promise.all([meta(), names(), load<RelatedFile>(paths.related, relatedFileShape)]);
      const namedIn = new Map(m.articles.map((a, i) => [a.id, new Set((file.named[i] ?? []).map((n) => people.entities[n]?.id))]));
      const entities = new Map(people.entities.map((e) => [e.id, e]));
      return relatedArticles({ articles: m.articles, namedIn, entities }, indexTextHits(await searchIndex(), text), table, text).map((r) => ({
        ...r.article,
        score: r.score,
        shared: r.shared,
      }));
    },
    async resolve(name): Promise<string | null> {
      return resolveAmong((await names()).entities, name);
    },
  };
}

/**
 * The names among the hits, as the search answer lists them. Without "did you
 * mean": that is for an answer that found nothing at all, which only the
 * caller knows, and measuring every name against the query cost 5–15 ms a
 * query on a large corpus (issue 21).
 */
function nameHits(hits: readonly Hit[], people: Names): SearchAnswer['names'] {
  return hits
    .filter((h) => h.kind === 'entity')
    .slice(0, PER_GROUP)
    .flatMap((h) => {
      const e = people.entities[people.at.get(h.id) ?? -1];
      return e ? [{ id: e.id, name: e.name, type: e.type, role: e.role, terms: h.terms, approximate: h.approximate }] : [];
    });
}
