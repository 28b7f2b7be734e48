/**
 * When two saved articles are one. The library's rule, the same for a save,
 * an import and two articles inside one import file:
 *
 * - the **same** article: the same address; or, neither having an address,
 *   the same text (whitespace aside). The newer one replaces the older.
 * - a **duplicate**: the same text under another address (or with an address
 *   against none). Nothing is overwritten: the article already there stays as
 *   it is, and the newcomer is merged into it (counted, not stored).
 * - otherwise two articles.
 *
 * An id never decides: it is the library's (made from the address or the
 * text), not the file's, so an import cannot name an article to replace.
 */
import type { SavedArticle } from './format';

export type Relation = 'same' | 'duplicate' | 'other';

type Identity = Pick<SavedArticle, 'url' | 'textHash'>;

export function relation(existing: Identity, incoming: Identity): Relation {
  if (existing.url !== null && incoming.url !== null) return existing.url === incoming.url ? 'same' : existing.textHash === incoming.textHash ? 'duplicate' : 'other';
  if (existing.textHash !== incoming.textHash) return 'other';
  return existing.url === incoming.url ? 'same' : 'duplicate';
}
