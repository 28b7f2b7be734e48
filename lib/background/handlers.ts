/**
 * One handler per background request. They take the loaded corpus as an
 * argument, so tests call them without a browser.
 */
import type { LoadedCorpus } from '../engine/bundle';
import { articleRef, closestNames, lookupEntity, searchCorpus } from '../engine/lookup';
import { articleText } from '../engine/corpus';
import { ALL_TYPES, findMentions } from '../engine/matcher';
import { relatedStatements } from '../engine/related';
import { relatedArticles } from '../engine/search';
import type { ArticleWithStatements, BackgroundResponses, TimelinePoint } from '../messages';

export function lookupHandler(corpus: LoadedCorpus, id: string, limit?: number): BackgroundResponses['lookup-entity'] {
  return lookupEntity(corpus, id, limit);
}

export function searchHandler(corpus: LoadedCorpus, query: string): BackgroundResponses['search'] {
  const view = searchCorpus(corpus, query);
  const empty = view.names.length + view.statements.length + view.articles.length === 0;
  return { ...view, closest: empty && query.trim() ? closestNames(corpus, query) : [] };
}

export function relatedArticlesHandler(corpus: LoadedCorpus, text: string): BackgroundResponses['related-articles'] {
  return relatedArticles(corpus, corpus.index, corpus.table, text).map((r) => ({ ...articleRef(r.article), score: r.score, shared: r.shared }));
}

export function articleHandler(corpus: LoadedCorpus, id: string): ArticleWithStatements | null {
  const article = corpus.articles.find((a) => a.id === id);
  if (!article) return null;
  const doc = articleText(article);
  const starts = doc.paragraphStarts;
  const mentions = findMentions(doc.text, corpus.table, { types: ALL_TYPES }).map((m) => {
    let paragraph = starts.length - 1;
    while (paragraph > 0 && starts[paragraph] > m.start) paragraph--;
    return { paragraph, start: m.start - starts[paragraph], end: m.end - starts[paragraph], entity: m.entity, type: m.type };
  });
  return { article, statements: corpus.statements.filter((s) => s.article === id), mentions };
}

export function listArticlesHandler(corpus: LoadedCorpus): BackgroundResponses['list-articles'] {
  return corpus.articles.map(articleRef);
}

/** Statements per article date, oldest first; undated ones in one point of their own at the end. */
export function timelineHandler(corpus: LoadedCorpus, id: string): TimelinePoint[] {
  const related = relatedStatements(corpus, id);
  const dates = new Map(corpus.articles.map((a) => [a.id, a.date?.iso ?? null]));
  const points = new Map<string | null, TimelinePoint>();
  const add = (article: string, kind: 'said' | 'about') => {
    const date = dates.get(article) ?? null;
    const point = points.get(date) ?? { date, said: 0, about: 0 };
    point[kind]++;
    points.set(date, point);
  };
  for (const s of related.said) add(s.article, 'said');
  for (const s of related.about) add(s.article, 'about');
  return [...points.values()].sort((a, b) => (a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1));
}
