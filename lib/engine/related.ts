/**
 * What the card and popup list for a name: the person's own words first, then
 * what was said about them; newest first within each group, undated last.
 */
import type { Article, Corpus, Statement } from './types';

export interface RelatedStatements {
  /** Statements holding a quote this entity said. */
  said: Statement[];
  /** Statements that name the entity without quoting them. */
  about: Statement[];
}

type Dated = Pick<Corpus, 'articles'>;

/** Newest first; undated articles after every dated one; ties keep corpus order. */
export function byDateDescending(corpus: Dated): (a: Statement, b: Statement) => number {
  const dateOf = new Map(corpus.articles.map((a: Article) => [a.id, a.date ? `${a.date.iso} ${a.date.time ?? ''}` : '']));
  const order = new Map(corpus.articles.map((a, i) => [a.id, i]));
  return (a, b) => {
    const da = dateOf.get(a.article) ?? '';
    const db = dateOf.get(b.article) ?? '';
    if (da !== db) {
      if (!da) return 1;
      if (!db) return -1;
      return da < db ? 1 : -1;
    }
    return (order.get(a.article) ?? 0) - (order.get(b.article) ?? 0) || statementNumber(a) - statementNumber(b);
  };
}

function statementNumber(s: Statement): number {
  return Number(s.id.slice(s.id.lastIndexOf('#') + 1));
}

export function relatedStatements(corpus: Pick<Corpus, 'articles' | 'statements'>, entityId: string): RelatedStatements {
  const said: Statement[] = [];
  const about: Statement[] = [];
  for (const s of corpus.statements) {
    if (s.quotes.some((q) => q.speaker === entityId)) said.push(s);
    else if (s.entities.includes(entityId)) about.push(s);
  }
  const order = byDateDescending(corpus);
  return { said: said.sort(order), about: about.sort(order) };
}

/** `relatedStatements` for every entity at once, in one pass over the statements: what the build needs for thousands of entities. */
export function relatedStatementsByEntity(corpus: Pick<Corpus, 'articles' | 'statements'>): Map<string, RelatedStatements> {
  const all = new Map<string, RelatedStatements>();
  const of = (id: string) => {
    let r = all.get(id);
    if (!r) {
      r = { said: [], about: [] };
      all.set(id, r);
    }
    return r;
  };
  for (const s of corpus.statements) {
    const speakers = new Set(s.quotes.map((q) => q.speaker).filter((x): x is string => x !== null));
    for (const id of speakers) of(id).said.push(s);
    for (const id of s.entities) if (!speakers.has(id)) of(id).about.push(s);
  }
  const order = byDateDescending(corpus);
  for (const r of all.values()) {
    r.said.sort(order);
    r.about.sort(order);
  }
  return all;
}
