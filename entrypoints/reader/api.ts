import type { ArticleRef, EntityView } from '../../lib/engine/lookup';
import type { ArticleWithStatements } from '../../lib/messages';
import { ask } from '../../lib/messaging';

/** What the reader asks the background; tests answer from the real engine instead. */
export interface ReaderApi {
  getArticle(id: string): Promise<ArticleWithStatements | null>;
  listArticles(): Promise<ArticleRef[]>;
  /** The card for a name, as pages show it. */
  lookupEntity(id: string): Promise<EntityView | null>;
}

export const browserReaderApi: ReaderApi = {
  getArticle: (id) => ask({ type: 'get-article', id }),
  listArticles: () => ask({ type: 'list-articles' }),
  // The same number of statements as a card on a page shows.
  lookupEntity: (id) => ask({ type: 'lookup-entity', id, limit: 4 }),
};
