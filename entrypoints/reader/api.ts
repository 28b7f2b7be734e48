import type { ArticleRef, EntityView } from '../../lib/engine/lookup';
import type { ArticleWithStatements, TimelinePoint } from '../../lib/messages';
import { ask } from '../../lib/messaging';

/** What the reader asks the background; tests answer from the real engine instead. */
export interface ReaderApi {
  getArticle(id: string): Promise<ArticleWithStatements | null>;
  listArticles(): Promise<ArticleRef[]>;
  /** The entity with every statement about it, for its page. */
  lookupEntity(id: string): Promise<EntityView | null>;
  timeline(id: string): Promise<TimelinePoint[]>;
}

export const browserReaderApi: ReaderApi = {
  getArticle: (id) => ask({ type: 'get-article', id }),
  listArticles: () => ask({ type: 'list-articles' }),
  lookupEntity: (id) => ask({ type: 'lookup-entity', id }),
  timeline: (id) => ask({ type: 'timeline', id }),
};
