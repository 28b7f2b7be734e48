/**
 * Hostile input: arbitrary Unicode (combining marks, lone surrogates, RTL
 * controls), huge single lines and deep quote nesting must never throw, and
 * the work must grow linearly with the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedCorpus, sampleTexts } from '../../tests/seeds';
import { findMentions, scanCandidates, scanCandidatesByTokens } from './matcher';
import { foldToken, tokenize } from './normalize';
import { attributeQuotes } from './attribution';
import { findQuoteSpans, splitSentences } from './sentences';
import { parseArticle } from './article';
import { articleNames } from './discovery/article-names';

const table = seedCorpus().table;
const hostileChar = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 3 }),
  fc.constantFrom('"', '“', '”', '.', ' ', '\n', 'U.S.', '\u0301', '\u064e', '\u200c', '\u202e', '\ud800', '\udfff', 'ي', 'ی', 'Zarif', 'al-', 'Hakim', 'he said', '’s'),
);
const hostileText = fc.array(hostileChar, { maxLength: 200 }).map((parts) => parts.join(''));

function pipeline(text: string) {
  const mentions = findMentions(text, table, { types: ['person', 'organization', 'place'] });
  const quotes = findQuoteSpans(text);
  const sentences = splitSentences(text, quotes);
  attributeQuotes({
    text,
    sentences,
    paragraphOf: sentences.map(() => 0),
    quotes,
    people: mentions.filter((m) => m.type !== 'place'),
    roles: new Map([['bahram-qassemi', ['iranian foreign ministry spokesman']]]),
    names: table.entities,
  });
  articleNames([text], [[]]);
  return { mentions, sentences };
}

describe('never throws on arbitrary input', () => {
  it('normaliser, matcher, splitter and attributor', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        for (const t of tokenize(text)) expect(typeof foldToken(text.slice(t.start, t.end))).toBe('string');
        const { mentions, sentences } = pipeline(text);
        for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
        for (const s of sentences) expect(s.start).toBeLessThan(s.end);
        parseArticle('fuzz', text);
      }),
      { numRuns: 3000 },
    );
  });
  it('mentions never overlap and stay in order', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const found = findMentions(text, table);
        for (let i = 1; i < found.length; i++) expect(found[i].start).toBeGreaterThanOrEqual(found[i - 1].end);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the fast scan agrees with the plain token-by-token scan', () => {
  // Every first word, alias word and titled-alias phrase of the real table, in the forms a page may write them.
  const words = new Set<string>();
  for (const list of Object.values(table.byFirstWord)) {
    for (const pattern of list) {
      for (const word of pattern.words) words.add(word).add(word.toUpperCase()).add(word.toLowerCase());
      for (const phrase of pattern.after ?? []) for (const word of phrase) words.add(word);
    }
  }
  const phrases: string[][] = [];
  for (const list of Object.values(table.byFirstWord)) {
    for (const pattern of list) {
      phrases.push(pattern.words);
      for (const before of pattern.after ?? []) phrases.push([...before, ...pattern.words]);
    }
  }
  const tableWord = fc.constantFrom(...words);
  // Joiners of every width around the three-character limit, and characters that are not joiners.
  const joiner = fc.constantFrom(' ', '  ', ' - ', '-', ' \u00a0 ', '    ', '\u00a0', '\u200c', '\u00ad', '\u200b', '’s ', ', ', '\n', 'é', 'ی', '\u064e', '\u0640', '😀', '\ud800', 'x', '3');
  const phrase = fc
    .tuple(fc.constantFrom(...phrases), fc.array(joiner, { minLength: 4, maxLength: 4 }))
    .map(([parts, joins]) => parts.map((w, i) => (i === 0 ? w : joins[i % 4] + w)).join(''));
  const dense = fc
    .array(fc.tuple(fc.oneof(phrase, tableWord, joiner, hostileChar), fc.constantFrom('', ' ', ' ', '  ')), { maxLength: 40 })
    .map((parts) => parts.flat().join(''));
  it('on alias-dense hostile text, Latin, Arabic and Persian', () => {
    fc.assert(
      fc.property(fc.oneof(dense, hostileText), (text) => {
        expect(scanCandidates(text, table)).toEqual(scanCandidatesByTokens(text, table));
      }),
      { numRuns: 5000 },
    );
  });
  it('on every seed article and the real texts and pages in ../shared', () => {
    for (const text of sampleTexts()) expect(scanCandidates(text, table)).toEqual(scanCandidatesByTokens(text, table));
  });
});

describe('linear time on pathological input', () => {
  const shapes: [string, (n: number) => string][] = [
    ['one long line of names', (n) => 'Mohammad Javad Zarif said “Hakim al-Sadr U.S.” '.repeat(n / 48)],
    ['deeply nested quotes', (n) => '“'.repeat(n / 2) + '”'.repeat(n / 2)],
    ['dots and abbreviations', (n) => 'U.S. '.repeat(n / 5)],
    ['combining marks', (n) => 'a\u0301\u0302\u0303'.repeat(n / 4)],
    ['unclosed quotes and speech verbs', (n) => '"he said, the spokesman added '.repeat(n / 30)],
    ['one endless chain of capitalised names and titles', (n) => 'Deputy Minister Abu Ali Al-Askari Regional Government of Kurdistan '.repeat(n / 66)],
    ['name particles without a name', (n) => 'al bin al-Haq '.repeat(n / 14)],
    ['appositions and curly single quotes', (n) => 'Nazar Khairallah, a senior commander of the ‘Council, said it ’s '.repeat(n / 64)],
  ];
  const timed = (text: string) => {
    const start = performance.now();
    pipeline(text);
    return performance.now() - start;
  };
  it.each(shapes)('%s: 1 MB costs about 4× 256 KB, not 16×', (_, make) => {
    timed(make(64_000));
    const small = Math.min(timed(make(256_000)), timed(make(256_000)));
    const large = timed(make(1_024_000));
    expect(large).toBeLessThan(small * 10 + 100);
  });
});
