import type { ArticleRef } from '../../lib/engine/lookup';
import type { ArticleWithStatements } from '../../lib/messages';
import { ask } from '../../lib/messaging';

/** What the reader asks the background; tests answer from the real engine instead. */
export interface ReaderApi {
  getArticle(id: string): Promise<ArticleWithStatements | null>;
  listArticles(): Promise<ArticleRef[]>;
}

export const browserReaderApi: ReaderApi = {
  getArticle: (id) => ask({ type: 'get-article', id }),
  listArticles: () => ask({ type: 'list-articles' }),
};
