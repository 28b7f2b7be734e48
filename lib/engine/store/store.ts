/**
 * The one seam every view reads through. The bundled corpus is one store; the
 * reader's own library will be another beside it, and a view asks them all.
 * Every answer is async: a store may have to read a file first.
 */
import type { LoadedCorpus } from '../bundle';
import { type ArticleRef, articleRef, type EntityView, lookupEntity, resolveName } from '../lookup';
import { type ArticleWithStatements, articleView, type RelatedArticleView, relatedArticleViews, type SearchAnswer, searchAnswer, timeline, type TimelinePoint } from '../views';

export interface CorpusStore {
  /** What a hover card shows: the name, roles, counts and the first `limit` statements (quotes first, newest first). */
  entity(id: string, limit?: number): Promise<EntityView | null>;
  article(id: string): Promise<ArticleWithStatements | null>;
  articles(): Promise<ArticleRef[]>;
  search(query: string): Promise<SearchAnswer>;
  related(pageText: string): Promise<RelatedArticleView[]>;
  timeline(id: string): Promise<TimelinePoint[]>;
  /** The entity a typed name means exactly, if one. */
  resolve(name: string): Promise<string | null>;
}

/** A corpus held whole in memory: the single-bundle design, kept for tests, the CLI and as the bench's baseline. */
export function memoryStore(corpus: LoadedCorpus): CorpusStore {
  return {
    entity: async (id, limit) => lookupEntity(corpus, id, limit),
    article: async (id) => articleView(corpus, id),
    articles: async () => corpus.articles.map(articleRef),
    search: async (query) => searchAnswer(corpus, query),
    related: async (text) => relatedArticleViews(corpus, text),
    timeline: async (id) => timeline(corpus, id),
    resolve: async (name) => resolveName(corpus, name),
  };
}
