/**
 * The search index over statements, articles and entities. Its options live
 * here only and serve both to build and to load it, so a bundle built with one
 * tokenizer can never be read with another.
 */
import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import { ALL_TYPES, findMentions, type NameTable } from './matcher';
import { foldForSearch } from './normalize';
import type { Article, Corpus, Entity, Statement } from './types';

export type DocKind = 'statement' | 'article' | 'entity';

interface IndexDoc {
  id: string;
  kind: DocKind;
  title: string;
  text: string;
  speaker: string;
  names: string;
}

const STOP_WORDS = new Set(
  'a an and are as at be by for from has have he her his in is it its of on or that the their this to was were will with which who'.split(' '),
);

/** Folds case, diacritics, Arabic letter variants and apostrophes; drops possessive 's and stop words. */
export function processTerm(term: string): string | null {
  const folded = foldForSearch(term).replace(/'s$/, '').replace(/'/g, '');
  if (folded === '' || STOP_WORDS.has(folded)) return null;
  return folded;
}

export const INDEX_OPTIONS: Options<IndexDoc> = {
  fields: ['names', 'speaker', 'title', 'text'],
  storeFields: ['kind'],
  processTerm,
};

export const SEARCH_OPTIONS: SearchOptions = {
  boost: { names: 3, speaker: 2, title: 1.5, text: 1 },
  // Only the word being typed is a prefix: the words before it are whole, and expanding them
  // ("us" → use, used, usual…) was most of a query's cost on a large corpus.
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 2,
  fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
  combineWith: 'AND',
};

function namesOf(ids: string[], entities: Map<string, Entity>): string {
  return ids
    .map((id) => entities.get(id))
    .filter((e): e is Entity => !!e)
    .map((e) => [e.name, ...e.aliases, ...e.weakAliases].join(' '))
    .join(' ');
}

function documents(corpus: Corpus): IndexDoc[] {
  const entities = new Map(corpus.entities.map((e) => [e.id, e]));
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  const docs: IndexDoc[] = [];
  for (const e of corpus.entities) {
    docs.push({ id: `entity:${e.id}`, kind: 'entity', title: e.name, text: e.roles.map((r) => r.text).join(' '), speaker: '', names: namesOf([e.id], entities) });
  }
  for (const a of corpus.articles) {
    const ids = [...new Set(corpus.statements.filter((s) => s.article === a.id).flatMap((s) => s.entities))];
    docs.push({ id: `article:${a.id}`, kind: 'article', title: a.title, text: a.paragraphs.join('\n'), speaker: '', names: namesOf(ids, entities) });
  }
  for (const s of corpus.statements) {
    const speakers = [...new Set(s.quotes.map((q) => q.speaker).filter((x): x is string => x !== null))];
    docs.push({
      id: `statement:${s.id}`,
      kind: 'statement',
      title: articles.get(s.article)?.title ?? '',
      text: s.text,
      speaker: namesOf(speakers, entities),
      names: namesOf(s.entities, entities),
    });
  }
  return docs;
}

export function buildIndex(corpus: Corpus): MiniSearch<IndexDoc> {
  const index = new MiniSearch<IndexDoc>(INDEX_OPTIONS);
  index.addAll(documents(corpus));
  return index;
}

export function loadIndex(json: string): MiniSearch<IndexDoc> {
  return MiniSearch.loadJSON<IndexDoc>(json, INDEX_OPTIONS);
}

export interface Hit {
  kind: DocKind;
  /** Entity, article or statement id. */
  id: string;
  score: number;
  /** Folded query terms that matched, to mark in the result. */
  terms: string[];
}

/** Searches; when every word cannot match together, falls back to any word. */
export function search(index: MiniSearch<IndexDoc>, query: string, kinds?: DocKind[]): Hit[] {
  return searchWithSuggestions(index, query, kinds).hits;
}

export function suggest(index: MiniSearch<IndexDoc>, query: string): string[] {
  return searchWithSuggestions(index, query).suggestions;
}

/**
 * The hits, and up to five completions of the query. The completions are what
 * MiniSearch's autoSuggest would give (the matched terms of the all-words
 * results, grouped, by mean score), taken from the same results instead of a
 * second search, which doubled the cost of every keystroke.
 */
export function searchWithSuggestions(index: MiniSearch<IndexDoc>, query: string, kinds?: DocKind[]): { hits: Hit[]; suggestions: string[] } {
  const filter = kinds ? (r: SearchResult) => kinds.includes(r.kind as DocKind) : undefined;
  const all = index.search(query, { ...SEARCH_OPTIONS, filter });
  const results = all.length > 0 ? all : index.search(query, { ...SEARCH_OPTIONS, combineWith: 'OR', filter });
  const hits = results.map((r) => ({
    kind: r.kind as DocKind,
    id: String(r.id).slice(String(r.id).indexOf(':') + 1),
    score: r.score,
    terms: r.terms,
  }));
  return { hits, suggestions: completions(all) };
}

function completions(results: SearchResult[]): string[] {
  const phrases = new Map<string, { score: number; count: number }>();
  for (const { score, terms } of results) {
    const phrase = terms.join(' ');
    const seen = phrases.get(phrase);
    if (seen) {
      seen.score += score;
      seen.count += 1;
    } else phrases.set(phrase, { score, count: 1 });
  }
  return [...phrases]
    .map(([phrase, { score, count }]) => ({ phrase, score: score / count }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
    .map((s) => s.phrase);
}

export interface RelatedArticle {
  article: Article;
  score: number;
  /** Entities the page and the article share, most telling first. */
  shared: { id: string; name: string }[];
}

/**
 * Corpus articles most related to a page: the names they share, weighted by
 * how rare each name is in the corpus, plus how well the page's own frequent
 * words search against the article text.
 */
export function relatedArticles(
  corpus: Pick<Corpus, 'articles' | 'statements' | 'entities'>,
  index: MiniSearch<IndexDoc>,
  table: NameTable,
  pageText: string,
  limit = 5,
): RelatedArticle[] {
  const pageEntities = new Map<string, number>();
  for (const m of findMentions(pageText, table, { types: ALL_TYPES })) {
    pageEntities.set(m.entity, (pageEntities.get(m.entity) ?? 0) + 1);
  }
  const byArticle = new Map<string, Set<string>>();
  for (const s of corpus.statements) {
    const set = byArticle.get(s.article) ?? new Set();
    for (const e of s.entities) set.add(e);
    byArticle.set(s.article, set);
  }
  const df = new Map<string, number>();
  for (const set of byArticle.values()) for (const e of set) df.set(e, (df.get(e) ?? 0) + 1);
  const entities = new Map(corpus.entities.map((e) => [e.id, e]));
  const n = corpus.articles.length;
  const textScores = new Map<string, number>();
  const words = topWords(pageText, 12);
  if (words.length > 0) {
    const hits = index.search(words.join(' '), { combineWith: 'OR', filter: (r) => r.kind === 'article' });
    const max = hits[0]?.score ?? 1;
    // One shared common word ("after", "time") is no relation; several of the page's topic words are.
    for (const h of hits) if (h.terms.length >= 3) textScores.set(String(h.id).slice('article:'.length), h.score / max);
  }
  const ranked: RelatedArticle[] = [];
  for (const article of corpus.articles) {
    const inArticle = byArticle.get(article.id) ?? new Set<string>();
    const shared = [...pageEntities.keys()].filter((id) => inArticle.has(id));
    const weight = (id: string) => {
      const typeWeight = entities.get(id)?.type === 'place' ? 0.25 : 1;
      return typeWeight * Math.log(1 + n / (df.get(id) ?? n)) * Math.sqrt(Math.min(pageEntities.get(id) ?? 1, 9));
    };
    const nameScore = shared.reduce((sum, id) => sum + weight(id), 0);
    const score = nameScore + 0.5 * (textScores.get(article.id) ?? 0);
    const namesPeople = shared.some((id) => entities.get(id)?.type !== 'place');
    if (!namesPeople && !textScores.has(article.id)) continue;
    shared.sort((a, b) => weight(b) - weight(a));
    ranked.push({ article, score, shared: shared.map((id) => ({ id, name: entities.get(id)?.name ?? id })) });
  }
  return ranked.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** The page's most frequent content words, the query that stands for its topic. */
function topWords(text: string, count: number): string[] {
  const freq = new Map<string, number>();
  for (const raw of text.slice(0, 200_000).split(/[^\p{L}\p{N}'’]+/u)) {
    if (raw.length < 4) continue;
    const term = processTerm(raw);
    if (term) freq.set(term, (freq.get(term) ?? 0) + 1);
  }
  return [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count).map(([t]) => t);
}

export type { IndexDoc, Statement };
