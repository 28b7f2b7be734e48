/**
 * The search index over statements, articles and entities. Its options live
 * here only and serve both to build and to load it, so a bundle built with one
 * tokenizer can never be read with another.
 */
import MiniSearch, { type Options, type Query, type SearchOptions, type SearchResult } from 'minisearch';
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

/** Letters of a typed word per edit a close spelling of it may take (`closeSpelling`). */
const LETTERS_PER_EDIT = 5;

/** How many edits a close spelling of `word` may be from it: one per five letters, so none under five. */
export const maxEditsFor = (word: string): number => Math.floor(word.length / LETTERS_PER_EDIT);

/**
 * Whether `term` can be a mistyped `word` rather than another word: it keeps
 * the first letter (a changed first letter makes a different word far more
 * often than a typo: "sanctions" is not "functions") and is at most one edit
 * away per five letters of the word, so a short word is never widened ("iran"
 * is not "iraq"). Every search path (the MiniSearch indexes, the library's
 * postings, the sentences inside a found article) asks this one rule.
 */
export function closeSpelling(word: string, term: string): boolean {
  return term[0] === word[0] && withinEdits(word, term, maxEditsFor(word));
}

export const SEARCH_OPTIONS: SearchOptions = {
  boost: { names: 3, speaker: 2, title: 1.5, text: 1 },
  // Only the word being typed is a prefix: the words before it are whole, and expanding them
  // ("us" → use, used, usual…) was most of a query's cost on a large corpus.
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 2,
  // Close spellings are not MiniSearch's (it would change a first letter, and take two edits in eight letters): see `closeSpellingsHeld`.
  fuzzy: false,
  combineWith: 'AND',
};

/** Every name of the entities with these ids, as one text: what an index document holds for who it names or quotes. */
export function namesOf(ids: Iterable<string>, entities: ReadonlyMap<string, Entity>): string {
  return [...ids]
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
  /** Found only through a spelling close to a query word that no searched document holds as typed ("pompeo" for "Pompeio", see `closeSpelling`). */
  approximate: boolean;
}

/** Searches; when every word cannot match together, falls back to any word. */
export function search(index: MiniSearch<IndexDoc>, query: string, kinds?: DocKind[]): Hit[] {
  return searchWithSuggestions(index, query, kinds).hits;
}

export function suggest(index: MiniSearch<IndexDoc>, query: string): string[] {
  return searchWithSuggestions(index, query).suggestions;
}

const tokenizeQuery = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** The query's words as the index sees them: folded, stop words dropped, in order. */
export function queryWords(query: string): string[] {
  return tokenizeQuery(query).flatMap((word) => processTerm(word) ?? []);
}

/**
 * The hits, and up to five suggestions (completions or corrections of the query).
 *
 * Typos are forgiven only where they must be. A query word that some searched
 * document holds as typed (the last word also as the start of a word, since it
 * is being typed) is matched as typed; only the other words are matched to
 * their close spellings (`closeSpelling`), and a hit that needed one is
 * approximate and ranks after every exact hit. So "Pompeio", which no document
 * holds, still finds "Pompeo", but marked; "sanctions", which no seed holds,
 * finds nothing rather than "functions"; and "Soleimani", which the index
 * holds, is not widened to "Solaimani" and "Suleimani".
 *
 * Hits hold every word when some document does, else any word. Most queries
 * take one search: when the words as typed are found together, each of them is
 * held somewhere and nothing is widened.
 */
export function searchWithSuggestions(index: MiniSearch<IndexDoc>, query: string, kinds?: DocKind[]): { hits: Hit[]; suggestions: string[] } {
  const words = queryWords(query);
  if (words.length === 0) return { hits: [], suggestions: [] };
  const filter = kinds ? (r: SearchResult) => kinds.includes(r.kind as DocKind) : undefined;
  const asTyped = (combineWith: 'AND' | 'OR') => index.search(query, { ...SEARCH_OPTIONS, combineWith, filter });
  /** Close spellings the searched documents hold, by the query word they stand for. */
  let spellings = new Map<string, string[]>();
  let allWords = asTyped('AND');
  let results = allWords;
  if (allWords.length === 0) {
    const held = new Set(words).size > 1 ? wordsHeld(index, query, filter) : new Set<string>();
    spellings = closeSpellingsHeld(index, words.filter((w) => !held.has(w)), filter);
    const widened = (combineWith: 'AND' | 'OR') => index.search(widenedQuery(words, spellings, combineWith), { ...SEARCH_OPTIONS, filter });
    allWords = spellings.size > 0 ? widened('AND') : [];
    results = allWords.length > 0 ? allWords : spellings.size > 0 ? widened('OR') : asTyped('OR');
  }
  const approximateTerms = new Set([...spellings.values()].flat());
  const hits = results.map((r) => ({
    kind: r.kind as DocKind,
    id: String(r.id).slice(String(r.id).indexOf(':') + 1),
    score: r.score,
    terms: r.terms,
    approximate: r.queryTerms.some((q) => approximateTerms.has(q)),
  }));
  // Stable: by score within each rank, as MiniSearch sorted them.
  if (spellings.size > 0) hits.sort((a, b) => Number(a.approximate) - Number(b.approximate));
  return { hits, suggestions: completions(allWords, words, spellings) };
}

/** The query words some searched document holds as typed (the last also as a word's start). */
function wordsHeld(index: MiniSearch<IndexDoc>, query: string, filter: ((r: SearchResult) => boolean) | undefined): Set<string> {
  const held = new Set<string>();
  // The filter only records: no result list is kept or sorted, which on a large corpus is most of an OR search's cost.
  index.search(query, {
    ...SEARCH_OPTIONS,
    combineWith: 'OR',
    filter: (r) => {
      if (!filter || filter(r)) for (const term of r.queryTerms) held.add(term);
      return false;
    },
  });
  return held;
}

/**
 * For each word, the index's terms that are close spellings of it
 * (`closeSpelling`) and that some searched document holds, sorted; a word
 * with none is left out. MiniSearch's fuzzy search finds the candidates within
 * the edits allowed; the first letter is then held to the rule.
 */
function closeSpellingsHeld(index: MiniSearch<IndexDoc>, words: readonly string[], filter: ((r: SearchResult) => boolean) | undefined): Map<string, string[]> {
  const widen = [...new Set(words)].filter((w) => maxEditsFor(w) > 0);
  if (widen.length === 0) return new Map();
  const found = new Map(widen.map((w) => [w, new Set<string>()]));
  const candidates: Query = { combineWith: 'OR', queries: widen.map((w) => ({ queries: [w], fuzzy: maxEditsFor(w), prefix: false })) };
  // As in `wordsHeld`, the filter only records.
  index.search(candidates, {
    ...SEARCH_OPTIONS,
    filter: (r) => {
      if (filter && !filter(r)) return false;
      for (const term of r.terms) for (const w of widen) if (term !== w && closeSpelling(w, term)) found.get(w)?.add(term);
      return false;
    },
  });
  return new Map([...found].filter(([, terms]) => terms.size > 0).map(([w, terms]) => [w, [...terms].sort()]));
}

/** MiniSearch's weight for a term one or more edits from the typed word (its `weights.fuzzy`, scaled by distance as it does). */
const CLOSE_SPELLING_WEIGHT = 0.45;

/** The query as a MiniSearch expression: each word as typed (the last also as a prefix), or the close spellings standing for it. */
function widenedQuery(words: readonly string[], spellings: ReadonlyMap<string, string[]>, combineWith: 'AND' | 'OR'): Query {
  const last = words.length - 1;
  return {
    combineWith,
    queries: words.map((word, i): Query => {
      const close = spellings.get(word);
      if (!close) return { queries: [word], prefix: i === last && word.length >= 2 };
      const weight = new Map(close.map((term) => [term, (CLOSE_SPELLING_WEIGHT * term.length) / (term.length + editDistance(word, term))]));
      return { combineWith: 'OR', queries: close, prefix: false, boostTerm: (term) => weight.get(term) ?? CLOSE_SPELLING_WEIGHT };
    }),
  };
}

/**
 * Up to five phrases that complete or correct the query, best first: each
 * query word replaced by the one indexed word it matched in a result (the
 * typed word's completion, or its close spelling), grouped over the results by
 * mean score. Never the query itself, and never one word's variants side by
 * side ("soleimani solaimani suleimani").
 */
function completions(results: SearchResult[], words: string[], spellings: ReadonlyMap<string, string[]>): string[] {
  const asTyped = words.join(' ');
  const last = words.length - 1;
  const phrases = new Map<string, { score: number; count: number }>();
  // Thousands of results share a handful of matched terms: measure each word–term pair once.
  const distances = new Map<string, number>();
  const distance = (word: string, term: string) => {
    const key = `${word} ${term}`;
    const known = distances.get(key);
    if (known !== undefined) return known;
    const measured = editDistance(word, term);
    distances.set(key, measured);
    return measured;
  };
  for (const { score, terms } of results) {
    const phrase = words.map((word, i) => matchedTermFor(word, terms, i === last, spellings.get(word) ?? [], distance)).join(' ');
    if (phrase === asTyped) continue;
    const seen = phrases.get(phrase);
    if (seen) {
      seen.score += score;
      seen.count += 1;
    } else phrases.set(phrase, { score, count: 1 });
  }
  return [...phrases]
    .map(([phrase, { score, count }]) => ({ phrase, score: score / count }))
    .sort((a, b) => b.score - a.score || (a.phrase < b.phrase ? -1 : 1))
    .slice(0, 5)
    .map((s) => s.phrase);
}

/** The document term a query word matched: itself, else its shortest completion, else its closest spelling (one of `close`). */
function matchedTermFor(word: string, terms: readonly string[], completing: boolean, close: readonly string[], distance: (word: string, term: string) => number): string {
  if (terms.includes(word)) return word;
  let best: { term: string; rank: number } | null = null;
  for (const term of terms) {
    const rank = completing && term.startsWith(word) ? term.length : close.includes(term) ? 1000 + distance(word, term) * 100 + term.length : null;
    if (rank !== null && (!best || rank < best.rank || (rank === best.rank && term < best.term))) best = { term, rank };
  }
  return best?.term ?? word;
}

/** Levenshtein distance; long strings are not compared (a name is never that long) but scored as far apart. */
export function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.abs(a.length - b.length) + 64;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/**
 * Whether two words are at most `k` edits apart: the edit distance's rows,
 * given up as soon as every cell of one exceeds `k`. Most of a vocabulary is
 * far from a typed word, and is dropped after a letter or two.
 */
export function withinEdits(a: string, b: string, k: number): boolean {
  if (Math.abs(a.length - b.length) > k) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (row[j] < best) best = row[j];
    }
    if (best > k) return false;
    prev = row;
  }
  return prev[b.length] <= k;
}

export interface RelatedArticle<A extends { id: string } = Article> {
  article: A;
  score: number;
  /** Entities the page and the article share, most telling first. */
  shared: { id: string; name: string }[];
}

/** What related-article ranking needs to know of a corpus: its articles, who each names, and each name's kind. */
export interface RelatedInput<A extends { id: string }> {
  articles: readonly A[];
  /** Entity ids each article names, by article id. */
  namedIn: ReadonlyMap<string, ReadonlySet<string>>;
  entities: ReadonlyMap<string, { name: string; type: Entity['type'] }>;
}

/** Who each article names, from its statements. */
export function namedInArticles(statements: readonly Statement[]): Map<string, Set<string>> {
  const byArticle = new Map<string, Set<string>>();
  for (const s of statements) {
    const set = byArticle.get(s.article) ?? new Set();
    for (const e of s.entities) set.add(e);
    byArticle.set(s.article, set);
  }
  return byArticle;
}

/** An article the page's topic words found, with its score and the words it matched. */
export interface TextHit {
  id: string;
  score: number;
  terms: string[];
}

/** The page's topic as a query: its most frequent content words. */
export function relatedQuery(pageText: string): string {
  return topWords(pageText, 12).join(' ');
}

/** The article-level index's answer to `relatedQuery`, each article holding one word of it or more. */
export function indexTextHits(index: MiniSearch<IndexDoc>, pageText: string): TextHit[] {
  const query = relatedQuery(pageText);
  if (!query) return [];
  return index
    .search(query, { combineWith: 'OR', filter: (r) => r.kind === 'article' })
    .map((h) => ({ id: String(h.id).slice('article:'.length), score: h.score, terms: h.terms }));
}

/**
 * Corpus articles most related to a page: those naming a person or an
 * organisation the page names, ranked by the names they share (weighted by how
 * rare each is in the corpus; a place counts a quarter) plus how well the
 * page's own frequent words search against the article text (`textHits`, best
 * first, from the store's own index). A shared place or shared common words
 * only rank: nearly every article of this corpus names Iran and Iraq and says
 * "relations", so neither makes one related.
 */
export function relatedArticles<A extends { id: string }>(
  corpus: RelatedInput<A>,
  textHits: readonly TextHit[],
  table: NameTable,
  pageText: string,
  limit = 5,
): RelatedArticle<A>[] {
  const pageEntities = new Map<string, number>();
  for (const m of findMentions(pageText, table, { types: ALL_TYPES })) {
    pageEntities.set(m.entity, (pageEntities.get(m.entity) ?? 0) + 1);
  }
  const df = new Map<string, number>();
  for (const set of corpus.namedIn.values()) for (const e of set) df.set(e, (df.get(e) ?? 0) + 1);
  const entities = corpus.entities;
  const n = corpus.articles.length;
  const textScores = new Map<string, number>();
  const max = textHits[0]?.score ?? 1;
  for (const h of textHits) textScores.set(h.id, h.score / max);
  const ranked: RelatedArticle<A>[] = [];
  for (const article of corpus.articles) {
    const inArticle = corpus.namedIn.get(article.id) ?? new Set<string>();
    const shared = [...pageEntities.keys()].filter((id) => inArticle.has(id));
    const weight = (id: string) => {
      const typeWeight = entities.get(id)?.type === 'place' ? 0.25 : 1;
      return typeWeight * Math.log(1 + n / (df.get(id) ?? n)) * Math.sqrt(Math.min(pageEntities.get(id) ?? 1, 9));
    };
    const nameScore = shared.reduce((sum, id) => sum + weight(id), 0);
    const score = nameScore + 0.5 * (textScores.get(article.id) ?? 0);
    if (!shared.some((id) => entities.get(id)?.type !== 'place')) continue;
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
