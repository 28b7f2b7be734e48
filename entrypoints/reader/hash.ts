/** The reader's address: `#article=ID&statement=STATEMENT_ID`, as the background writes it. */
export interface ReaderTarget {
  article: string | null;
  statement: string | null;
}

export function parseHash(hash: string): ReaderTarget {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return { article: params.get('article') || null, statement: params.get('statement') || null };
}

export function articleHref(article: string, statement?: string): string {
  return `#${new URLSearchParams({ article, ...(statement ? { statement } : {}) })}`;
}
