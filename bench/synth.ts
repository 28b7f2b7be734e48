/**
 * Deterministic text built from the real articles — the seeds and, when it is
 * there, the 24 articles of ../shared/corpus, with the names discovery finds
 * in them — their sentences (with names
 * swapped among entities of the same type and numbers varied), their own
 * vocabulary, and filler sentences drawn from a Zipf-distributed lexicon. The
 * lexicon continues past the seeds' ~1k words with pseudo-words, so a large
 * synthetic corpus grows its vocabulary roughly as real news does (Heaps' law)
 * instead of repeating the same thousand terms, which would flatter the index.
 */
import type { BuiltCorpus, SeedFile } from '../lib/engine/corpus';
import { findMentions } from '../lib/engine/matcher';
import type { EntityType, Mention, UnderlineType } from '../lib/engine/types';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus } from '../lib/engine/corpus';
import { buildCorpusFromFolder, readSeedFolder } from '../tools/seed-folder';
import { SEEDS_DIR, SHARED_CORPUS } from './env';

export type Rng = () => number;

/** mulberry32: tiny, fast, and the same sequence on every machine. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
export const between = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

const ALL_TYPES: UnderlineType[] = ['person', 'organization', 'place'];
const LATIN = /^[\p{Script=Latin}\s.'’-]+$/u;
const LEXICON_SIZE = 60_000;

export interface SeedMaterial {
  /** The real seeds, built by the real engine. */
  corpus: BuiltCorpus;
  files: SeedFile[];
  sentences: { text: string; mentions: Mention[] }[];
  /** Per type, per entity: the Latin-script strong names an English article would use. */
  names: Record<EntityType, string[][]>;
  /** Words by rank: the seeds' own lower-case words by frequency, then pseudo-words. */
  lexicon: string[];
  /** Cumulative Zipf weights over `lexicon`, for sampling by binary search. */
  cumulative: Float64Array;
}

let cached: SeedMaterial | null = null;

export function seedMaterial(): SeedMaterial {
  if (cached) return cached;
  const files = readSeedFolder(SEEDS_DIR);
  const corpus = buildCorpusFromFolder(SEEDS_DIR);
  // Sentences and names from every real article at hand; the seeds alone when ../shared is absent.
  const real = existsSync(SHARED_CORPUS)
    ? buildCorpus([
        ...files,
        ...readdirSync(SHARED_CORPUS)
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SHARED_CORPUS, name))) })),
      ])
    : corpus;
  const sentences = real.statements
    .map((s) => s.text)
    .filter((text) => text.length >= 40)
    .map((text) => ({ text, mentions: findMentions(text, real.table, { types: ALL_TYPES }) }));
  const names: Record<EntityType, string[][]> = { person: [], organization: [], media: [], place: [] };
  for (const e of real.entities) {
    const latin = [e.name, ...e.aliases].filter((a) => LATIN.test(a));
    if (latin.length > 0) names[e.type].push(latin);
  }
  const lexicon = buildLexicon(real.articles.flatMap((a) => a.paragraphs).join(' '));
  const cumulative = new Float64Array(lexicon.length);
  let total = 0;
  for (let r = 0; r < lexicon.length; r++) {
    total += 1 / (r + 1);
    cumulative[r] = total;
  }
  cached = { corpus, files, sentences, names, lexicon, cumulative };
  return cached;
}

function buildLexicon(text: string): string[] {
  const freq = new Map<string, number>();
  for (const word of text.match(/\b[a-z]{2,}\b/g) ?? []) freq.set(word, (freq.get(word) ?? 0) + 1);
  const words = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const seen = new Set(words);
  const rng = createRng(7);
  const onsets = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'st', 'tr', 'pl', 'gr'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
  const endings = ['', '', '', 's', 'ed', 'ing', 'ion', 'al', 'er', 'ly'];
  while (words.length < LEXICON_SIZE) {
    let word = '';
    for (let s = between(rng, 2, 4); s > 0; s--) word += pick(rng, onsets) + pick(rng, vowels);
    word += pick(rng, endings);
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

export function zipfWord(m: SeedMaterial, rng: Rng): string {
  const target = rng() * m.cumulative[m.cumulative.length - 1];
  let lo = 0;
  let hi = m.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (m.cumulative[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return m.lexicon[lo];
}

export function randomName(m: SeedMaterial, rng: Rng, type: EntityType): string {
  return pick(rng, pick(rng, m.names[type]));
}

/** A seed sentence, each name swapped (half the time) for another entity of the same type, numbers varied. */
export function seedSentence(m: SeedMaterial, rng: Rng): string {
  const { text, mentions } = pick(rng, m.sentences);
  let out = '';
  let at = 0;
  for (const mention of mentions) {
    out += text.slice(at, mention.start);
    out += rng() < 0.5 && m.names[mention.type].length > 1 ? randomName(m, rng, mention.type) : mention.text;
    at = mention.end;
  }
  out += text.slice(at);
  return out.replace(/\d+/g, (digits) => String(between(rng, 10 ** (digits.length - 1), 10 ** digits.length - 1)));
}

/** A sentence of lexicon words; `nameRate` is the chance it names a person or organisation. */
export function fillerSentence(m: SeedMaterial, rng: Rng, nameRate: number): string {
  const words: string[] = [];
  for (let n = between(rng, 10, 28); n > 0; n--) words.push(zipfWord(m, rng) + (rng() < 0.06 ? ',' : ''));
  if (rng() < nameRate) words.splice(between(rng, 1, words.length - 1), 0, randomName(m, rng, rng() < 0.7 ? 'person' : 'organization'));
  if (rng() < 0.3) words.splice(between(rng, 1, words.length - 1), 0, `in ${randomName(m, rng, 'place')}`);
  const sentence = words.join(' ').replace(/,$/, '');
  return `${sentence[0].toUpperCase()}${sentence.slice(1)}.`;
}

export interface Mix {
  /** Share of sentences taken from the seeds (the rest is filler). */
  seedShare: number;
  /** Chance that a filler sentence names someone. */
  nameRate: number;
}

export function sentence(m: SeedMaterial, rng: Rng, mix: Mix): string {
  return rng() < mix.seedShare ? seedSentence(m, rng) : fillerSentence(m, rng, mix.nameRate);
}

export function paragraph(m: SeedMaterial, rng: Rng, mix: Mix, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(m, rng, mix));
  return out.join(' ');
}

export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

const DATELINES = ['TEHRAN', 'BAGHDAD', 'ERBIL', 'BASRA', 'WASHINGTON', 'MOSCOW', 'DUBAI', 'NAJAF'];
const NEWS_MIX: Mix = { seedShare: 0.5, nameRate: 0.4 };
const encoder = new TextEncoder();

/** One synthetic seed file of 400–800 words, dated between 2015 and 2024, in the seeds' own format. */
export function syntheticArticle(m: SeedMaterial, rng: Rng, index: number): SeedFile {
  const target = between(rng, 400, 800);
  const day = new Date(Date.UTC(2015, 0, 1) + between(rng, 0, 3650) * 86_400_000).toISOString().slice(0, 10);
  const paragraphs: string[] = [];
  let words = 0;
  while (words < target) {
    const p = paragraph(m, rng, NEWS_MIX, between(rng, 1, 3));
    paragraphs.push(p);
    words += wordCount(p);
  }
  const text = ` date ${day} ${pick(rng, DATELINES)} — ${paragraphs.join('\n\n')}\n`;
  return { name: `syn_${String(index).padStart(5, '0')}.txt`, bytes: encoder.encode(text) };
}
