/**
 * Search without every sentence in memory: MiniSearch indexes one document per
 * article (and one per name) instead of one per sentence, so the index a
 * query loads is a fraction of the statement-level one. The sentences shown
 * are found afterwards inside the best articles only, matched against the
 * terms MiniSearch found in each (so prefixes and close spellings carry over),
 * and marked with them.
 */
import type MiniSearch from 'minisearch';
import type { Corpus, Entity, Statement } from '../types';
import { closeSpelling, type Hit, INDEX_OPTIONS, type IndexDoc, namesOf, processTerm, queryWords } from '../search';
import MiniSearchClass from 'minisearch';

const tokenizeText = MiniSearchClass.getDefault('tokenize') as (text: string) => string[];

const entityDoc = (e: Entity, entities: Map<string, Entity>): IndexDoc => ({
  id: `entity:${e.id}`,
  kind: 'entity',
  title: e.name,
  text: e.roles.map((r) => r.text).join(' '),
  speaker: '',
  names: namesOf([e.id], entities),
});

/** The entities alone: a small index the first search of a cold worker can answer names from. */
export function buildNamesIndex(corpus: Corpus): MiniSearch<IndexDoc> {
  const entities = new Map(corpus.entities.map((e) => [e.id, e]));
  const index = new MiniSearchClass<IndexDoc>(INDEX_OPTIONS);
  index.addAll(corpus.entities.map((e) => entityDoc(e, entities)));
  return index;
}

export function buildArticleIndex(corpus: Corpus): MiniSearch<IndexDoc> {
  const entities = new Map(corpus.entities.map((e) => [e.id, e]));
  const named = new Map<string, Set<string>>();
  const speakers = new Map<string, Set<string>>();
  for (const s of corpus.statements) {
    const n = named.get(s.article) ?? new Set();
    for (const e of s.entities) n.add(e);
    named.set(s.article, n);
    const sp = speakers.get(s.article) ?? new Set();
    for (const q of s.quotes) if (q.speaker) sp.add(q.speaker);
    speakers.set(s.article, sp);
  }
  const index = new MiniSearchClass<IndexDoc>(INDEX_OPTIONS);
  index.addAll([
    ...corpus.entities.map((e) => entityDoc(e, entities)),
    ...corpus.articles.map((a) => ({
      id: `article:${a.id}`,
      kind: 'article' as const,
      title: a.title,
      text: a.paragraphs.join('\n'),
      speaker: namesOf(speakers.get(a.id) ?? [], entities),
      names: namesOf(named.get(a.id) ?? [], entities),
    })),
  ]);
  return index;
}

/** A statement with the query words it holds, for ranking inside the best articles. */
export interface SentenceHit {
  statement: Statement;
  /** Matched terms, to mark. */
  terms: string[];
  /** Query words the statement holds (exactly, as a prefix while typing, or by a close spelling its article matched). */
  covered: number;
  articleScore: number;
  approximate: boolean;
}

/**
 * The statements of the given articles that hold the query, best first: every
 * query word when some statement holds them all, else the most of them.
 * `entityNames` gives the names of a statement's entities, which count as its words.
 */
export function sentencesIn(
  query: string,
  articles: { hit: Hit; statements: Statement[] }[],
  entityNames: (id: string) => string,
): SentenceHit[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const last = words.length - 1;
  const found: SentenceHit[] = [];
  for (const { hit, statements } of articles) {
    const matched = new Set(hit.terms);
    for (const statement of statements) {
      const terms = new Set<string>();
      for (const term of termsOf(statement, entityNames)) if (matched.has(term)) terms.add(term);
      if (terms.size === 0) continue;
      const covered = words.filter((w, i) => [...terms].some((t) => t === w || (i === last && t.startsWith(w)) || closeSpelling(w, t))).length;
      found.push({ statement, terms: [...terms], covered, articleScore: hit.score, approximate: hit.approximate });
    }
  }
  const best = Math.max(0, ...found.map((f) => f.covered));
  return found
    .filter((f) => f.covered === best || best < words.length)
    .sort((a, b) => Number(a.approximate) - Number(b.approximate) || b.covered - a.covered || b.articleScore - a.articleScore);
}

const statementTerms = new WeakMap<Statement, string[]>();

/** A statement's index terms, its entities' names included: worked out once per statement, not on every keystroke. */
function termsOf(statement: Statement, entityNames: (id: string) => string): string[] {
  let terms = statementTerms.get(statement);
  if (!terms) {
    const bag = [statement.text, ...statement.entities.map(entityNames)].join(' ');
    terms = [...new Set(tokenizeText(bag).flatMap((token) => processTerm(token) ?? []))];
    statementTerms.set(statement, terms);
  }
  return terms;
}
