/**
 * How a statement is cited: where its original lives, and (for copying) the
 * citation as plain text and as HTML built only from escaped strings.
 */
import type { ArticleRef } from './engine/lookup';

/** The article's original address when it is a plain http(s) one; anything else (javascript:, data:) is never linked. */
export function originalUrl(article: Pick<ArticleRef, 'url'>): string | null {
  const url = article.url?.trim();
  return url && /^https?:\/\/[^\s<>"]+$/i.test(url) ? url : null;
}
