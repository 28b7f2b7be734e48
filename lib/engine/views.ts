/**
 * The views every surface shows, computed from a loaded corpus: an article
 * with its statements and the names to underline, the article list, a name's
 * timeline, the search answer with its "did you mean", related articles.
 * The background's stores answer with these shapes.
 */
import type { LoadedCorpus } from './bundle';
import { articleText } from './corpus';
import { type ArticleRef, articleRef, closestNames, searchCorpus, type SearchView } from './lookup';
import { ALL_TYPES, findMentions } from './matcher';
import { type RelatedStatements, relatedStatements } from './related';
import { indexTextHits, namedInArticles, relatedArticles } from './search';
import type { Article, EntityType, Statement } from './types';

export interface ArticleWithStatements {
  article: Article;
  statements: Statement[];
  /** Mentions per paragraph, as the matcher finds them, to underline in the reader. */
  mentions: { paragraph: number; start: number; end: number; entity: string; type: EntityType }[];
}

export interface RelatedArticleView extends ArticleRef {
  score: number;
  shared: { id: string; name: string }[];
}

export interface TimelinePoint {
  date: string | null;
  said: number;
  about: number;
}

export type SearchAnswer = SearchView & {
  closest: string[];
  /** Only names so far: the full index is still loading, and asking again soon gives statements and articles too. */
  pending?: boolean;
};

export function searchAnswer(corpus: LoadedCorpus, query: string): SearchAnswer {
  const view = searchCorpus(corpus, query);
  const empty = view.names.length + view.statements.length + view.articles.length === 0;
  return { ...view, closest: empty && query.trim() ? closestNames(corpus, query) : [] };
}

export function relatedArticleViews(corpus: LoadedCorpus, text: string): RelatedArticleView[] {
  const input = { articles: corpus.articles, namedIn: namedInArticles(corpus.statements), entities: new Map(corpus.entities.map((e) => [e.id, e])) };
  return relatedArticles(input, indexTextHits(corpus.index, text), corpus.table, text).map((r) => ({ ...articleRef(r.article), score: r.score, shared: r.shared }));
}

/** The names the matcher finds in an article, paragraph by paragraph. */
export function articleMentions(article: Article, table: LoadedCorpus['table']): ArticleWithStatements['mentions'] {
  const doc = articleText(article);
  const starts = doc.paragraphStarts;
  return findMentions(doc.text, table, { types: ALL_TYPES }).map((m) => {
    let paragraph = starts.length - 1;
    while (paragraph > 0 && starts[paragraph] > m.start) paragraph--;
    return { paragraph, start: m.start - starts[paragraph], end: m.end - starts[paragraph], entity: m.entity, type: m.type };
  });
}

export function articleView(corpus: LoadedCorpus, id: string): ArticleWithStatements | null {
  const article = corpus.articles.find((a) => a.id === id);
  if (!article) return null;
  return { article, statements: corpus.statements.filter((s) => s.article === id), mentions: articleMentions(article, corpus.table) };
}

/** Statements per article date, oldest first; undated ones in one point of their own at the end. */
export function timeline(corpus: Pick<LoadedCorpus, 'articles' | 'statements'>, id: string): TimelinePoint[] {
  return timelineOf(relatedStatements(corpus, id), new Map(corpus.articles.map((a) => [a.id, a.date?.iso ?? null])));
}

export function timelineOf(related: RelatedStatements, dates: ReadonlyMap<string, string | null>): TimelinePoint[] {
  const points = new Map<string | null, TimelinePoint>();
  const add = (article: string, kind: 'said' | 'about') => {
    const date = dates.get(article) ?? null;
    const point = points.get(date) ?? { date, said: 0, about: 0 };
    point[kind]++;
    points.set(date, point);
  };
  // A partial quote is the entity's words too: the timeline counts it as said.
  for (const s of [...related.said, ...related.partial]) add(s.article, 'said');
  for (const s of related.about) add(s.article, 'about');
  return [...points.values()].sort((a, b) => (a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1));
}
