/**
 * Article search over an inverted index kept outside memory (the reader's
 * library keeps it in IndexedDB): each article's terms with one weight each,
 * read term by term when a query needs them, so a search holds the postings
 * of its own words and the vocabulary, never the whole index. The rules
 * follow the packaged index's (`searchWithSuggestions`): the words the
 * documents hold as typed, the last word also as a prefix, a close spelling
 * (`closeSpelling`) only for a word nothing holds (and then marked
 * approximate); every word when some article holds them all, else any.
 */
import MiniSearch from 'minisearch';
import { closeSpelling, type Hit, maxEditsFor, processTerm, queryWords, SEARCH_OPTIONS } from '../search';

const tokenizeText = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** The fields of an article document, as the packaged index has them. */
export interface ArticleFields {
  title: string;
  text: string;
  /** Names of who is quoted in it. */
  speaker: string;
  /** Names of who it names. */
  names: string;
}

const BOOST = SEARCH_OPTIONS.boost as Record<keyof ArticleFields, number>;
/** BM25's saturation and length normalisation, against a typical news article's length in terms. */
const K1 = 1.2;
const B = 0.75;
const TYPICAL_LENGTH = 600;
/** Completions of the word being typed that a query reads postings for: the shortest first, as MiniSearch ranks them near the exact word. */
const MAX_COMPLETIONS = 40;

/** Each term of an article with its weight: field-boosted counts, saturated and normalised by length. */
export function articleTermWeights(fields: ArticleFields): Map<string, number> {
  const raw = new Map<string, number>();
  let length = 0;
  for (const field of Object.keys(BOOST) as (keyof ArticleFields)[]) {
    for (const token of tokenizeText(fields[field])) {
      const term = processTerm(token);
      if (!term) continue;
      if (field === 'text') length++;
      raw.set(term, (raw.get(term) ?? 0) + BOOST[field]);
    }
  }
  const norm = K1 * (1 - B + (B * Math.max(length, 1)) / TYPICAL_LENGTH);
  const weights = new Map<string, number>();
  for (const [term, count] of raw) weights.set(term, Math.round((1000 * (count * (K1 + 1))) / (count + norm)) / 1000);
  return weights;
}

/** Where the postings live: a sorted vocabulary, each term's postings (article id → weight), and how many articles there are. */
export interface PostingSource {
  vocabulary(): Promise<readonly string[]>;
  postings(term: string): Promise<ReadonlyMap<string, number>>;
  articleCount(): Promise<number>;
}

interface WordTerms {
  terms: string[];
  approximate: boolean;
}

/** The first index in a sorted list whose item is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function termsFor(word: string, last: boolean, vocabulary: readonly string[]): WordTerms {
  const at = lowerBound(vocabulary, word);
  const terms: string[] = vocabulary[at] === word ? [word] : [];
  if (last && word.length >= 2) {
    const completions: string[] = [];
    for (let i = at; i < vocabulary.length && vocabulary[i].startsWith(word); i++) if (vocabulary[i] !== word) completions.push(vocabulary[i]);
    terms.push(...completions.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_COMPLETIONS));
  }
  if (terms.length > 0 || maxEditsFor(word) === 0) return { terms, approximate: false };
  // A close spelling keeps the first letter: only that stretch of the sorted vocabulary is read.
  const close: string[] = [];
  for (let i = lowerBound(vocabulary, word[0]); i < vocabulary.length && vocabulary[i][0] === word[0]; i++) {
    if (closeSpelling(word, vocabulary[i])) close.push(vocabulary[i]);
  }
  return { terms: close, approximate: close.length > 0 };
}

/**
 * The articles a query finds, best first (exact before approximate). With
 * `any`, a hit needs one word, not all (what related articles ask).
 */
export async function searchPostings(query: string, source: PostingSource, options: { any?: boolean; prefix?: boolean } = {}): Promise<Hit[]> {
  const words = [...new Set(queryWords(query))];
  if (words.length === 0) return [];
  const [vocabulary, count] = await Promise.all([source.vocabulary(), source.articleCount()]);
  const wanted = words.map((w, i) => termsFor(w, options.prefix !== false && i === words.length - 1, vocabulary));
  const lists = new Map<string, ReadonlyMap<string, number>>();
  await Promise.all(
    [...new Set(wanted.flatMap((w) => w.terms))].map(async (term) => {
      lists.set(term, await source.postings(term));
    }),
  );
  const idf = (df: number) => Math.log(1 + (count - df + 0.5) / (df + 0.5));
  /** Per article: its score for each word, and the terms it matched. */
  const found = new Map<string, { perWord: number[]; terms: Set<string>; approximate: boolean }>();
  wanted.forEach(({ terms, approximate }, i) => {
    for (const term of terms) {
      const postings = lists.get(term);
      if (!postings) continue;
      // A completion or a close spelling counts less than the word itself.
      const factor = term === words[i] ? 1 : approximate ? 0.3 : 0.6;
      const weight = idf(postings.size) * factor;
      for (const [article, w] of postings) {
        let hit = found.get(article);
        if (!hit) {
          hit = { perWord: words.map(() => 0), terms: new Set(), approximate: false };
          found.set(article, hit);
        }
        hit.perWord[i] = Math.max(hit.perWord[i], weight * w);
        hit.terms.add(term);
        if (approximate) hit.approximate = true;
      }
    }
  });
  const all = [...found].filter(([, h]) => h.perWord.every((s) => s > 0));
  const chosen = options.any || all.length === 0 ? [...found] : all;
  return chosen
    .map(([id, h]) => ({ kind: 'article' as const, id, score: h.perWord.reduce((a, b) => a + b, 0), terms: [...h.terms], approximate: h.approximate }))
    .sort((a, b) => Number(a.approximate) - Number(b.approximate) || b.score - a.score || (a.id < b.id ? -1 : 1));
}
