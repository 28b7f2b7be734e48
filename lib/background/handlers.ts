/**
 * One handler per background request. They take the loaded corpus as an
 * argument, so tests call them without a browser; the views themselves live
 * in the engine (`lib/engine/views.ts`).
 */
import type { LoadedCorpus } from '../engine/bundle';
import { articleRef, lookupEntity } from '../engine/lookup';
import { articleView, relatedArticleViews, searchAnswer, timeline } from '../engine/views';
import type { ArticleWithStatements, BackgroundResponses, TimelinePoint } from '../messages';

export function lookupHandler(corpus: LoadedCorpus, id: string, limit?: number): BackgroundResponses['lookup-entity'] {
  return lookupEntity(corpus, id, limit);
}

export function searchHandler(corpus: LoadedCorpus, query: string): BackgroundResponses['search'] {
  return searchAnswer(corpus, query);
}

export function relatedArticlesHandler(corpus: LoadedCorpus, text: string): BackgroundResponses['related-articles'] {
  return relatedArticleViews(corpus, text);
}

export function articleHandler(corpus: LoadedCorpus, id: string): ArticleWithStatements | null {
  return articleView(corpus, id);
}

export function listArticlesHandler(corpus: LoadedCorpus): BackgroundResponses['list-articles'] {
  return corpus.articles.map(articleRef);
}

export function timelineHandler(corpus: LoadedCorpus, id: string): TimelinePoint[] {
  return timeline(corpus, id);
}
