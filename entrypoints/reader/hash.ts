/**
 * The reader's address, as the background writes it: `#article=ID&statement=STATEMENT_ID`
 * for an article, `#entity=ID` for every statement about one entity.
 */
export interface ReaderTarget {
  article: string | null;
  statement: string | null;
  entity: string | null;
}

export function parseHash(hash: string): ReaderTarget {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return { article: params.get('article') || null, statement: params.get('statement') || null, entity: params.get('entity') || null };
}

/** The entity page's hash, without the `#`. */
export function entityHash(id: string): string {
  return `${new URLSearchParams({ entity: id })}`;
}

export function articleHref(article: string, statement?: string): string {
  return `#${new URLSearchParams({ article, ...(statement ? { statement } : {}) })}`;
}
