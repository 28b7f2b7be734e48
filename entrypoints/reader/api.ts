import type { ArticleRef, EntityView } from '../../lib/engine/lookup';
import type { EntityScripts } from '../../lib/entity-scripts';
import type { ArticleWithStatements, TimelinePoint } from '../../lib/messages';
import { ask } from '../../lib/messaging';

/** What the reader asks the background; tests answer from the real engine instead. */
export interface ReaderApi {
  getArticle(id: string): Promise<ArticleWithStatements | null>;
  listArticles(): Promise<ArticleRef[]>;
  /** The entity with its first `limit` statements (every one without a limit): a name's card, or its page. */
  lookupEntity(id: string, limit?: number): Promise<EntityView | null>;
  timeline(id: string): Promise<TimelinePoint[]>;
  /** The names known in Arabic script, for a Persian or Arabic interface. */
  entityScripts(): Promise<EntityScripts>;
}

export const browserReaderApi: ReaderApi = {
  getArticle: (id) => ask({ type: 'get-article', id }),
  listArticles: () => ask({ type: 'list-articles' }),
  lookupEntity: (id, limit) => ask({ type: 'lookup-entity', id, ...(limit ? { limit } : {}) }),
  timeline: (id) => ask({ type: 'timeline', id }),
  entityScripts: () => ask({ type: 'entity-scripts' }),
};
