/**
 * What the card and popup list for a name: the person's own words first, then
 * what was said about them; newest first within each group, undated last.
 */
import type { Article, Corpus, Statement } from './types';

export interface RelatedStatements {
  /** Statements with this entity's own words in full. */
  said: Statement[];
  /** Statements that hold only fragments of its words ("milestone"): partial quotes. */
  partial: Statement[];
  /** Statements that name the entity without quoting it, among them its answers to someone else's quoted words. */
  about: Statement[];
}

/**
 * How a statement relates to an entity it names. A sentence in which Zarif
 * rebuts Pompeo's quoted claim is Zarif's statement (its `voice`), but the
 * words in quotes are Pompeo's: on Zarif's card it is about him, not his quote.
 */
export function relationTo(s: Statement, entityId: string): keyof RelatedStatements {
  const own = s.quotes.filter((q) => q.speaker === entityId);
  if (own.some((q) => !q.partial)) return 'said';
  return own.length > 0 ? 'partial' : 'about';
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
  const related: RelatedStatements = { said: [], partial: [], about: [] };
  for (const s of corpus.statements) {
    if (s.entities.includes(entityId)) related[relationTo(s, entityId)].push(s);
  }
  return sorted(corpus, related);
}

function sorted(corpus: Pick<Corpus, 'articles'>, related: RelatedStatements): RelatedStatements {
  const order = byDateDescending(corpus);
  related.said.sort(order);
  related.partial.sort(order);
  related.about.sort(order);
  return related;
}

/** `relatedStatements` for every entity at once, in one pass over the statements: what the build needs for thousands of entities. */
export function relatedStatementsByEntity(corpus: Pick<Corpus, 'articles' | 'statements'>): Map<string, RelatedStatements> {
  const all = new Map<string, RelatedStatements>();
  for (const s of corpus.statements) {
    for (const id of s.entities) {
      let r = all.get(id);
      if (!r) {
        r = { said: [], partial: [], about: [] };
        all.set(id, r);
      }
      r[relationTo(s, id)].push(s);
    }
  }
  for (const r of all.values()) sorted(corpus, r);
  return all;
}
