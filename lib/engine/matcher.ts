/**
 * The name matcher: the one module that decides what counts as a mention,
 * used by the content script, the reader page, the corpus build and
 * `corpus detect`. Pure string work, linear in the input: one regular
 * expression of literal first words (no nested quantifiers) finds where a name
 * can start, and only there are words tokenized, folded and looked up.
 */
import { foldToken, tokenize, type Token, WORD_CHAR_CLASS } from './normalize';
import { scriptSurnames } from './script-surnames';
import { type EntityType, type Mention, type UnderlineType, underlineTypeOf } from './types';

/** A compiled alias: its folded words, and which entities it may name. */
export interface NamePattern {
  words: string[];
  /** Entity ids; empty for a blocker (a phrase that is not a name, such as "Sadr City"). */
  entities: string[];
  /** Weak patterns count only when the document also names one of their entities strongly. */
  weak: boolean;
  /**
   * A word that is also a common word (Persian ظریف, "delicate") is a name only
   * right after one of these phrases (a first name or a title), given as folded words.
   */
  after?: string[][];
}

/** What the content script ships: everything detection needs and nothing more. */
export interface NameTable {
  /** Patterns keyed by their first folded word. */
  byFirstWord: Record<string, NamePattern[]>;
  entities: Record<string, EntityLabel>;
}

/** How the interface names an entity it found: its canonical name, and its spellings in Arabic script. */
export interface EntityLabel {
  name: string;
  type: EntityType;
  /**
   * Its strong aliases in Arabic script as written (Persian and Arabic
   * spellings), so a Persian or Arabic interface shows the name as its reader
   * writes it (components/script-name.ts picks one); absent when it has none.
   */
  scripts?: string[];
}

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

export interface EntityNames {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  weakAliases: string[];
  /** Aliases that count only right after a first name or title. */
  titledAliases?: { alias: string; after: string[] }[];
}

export const ALL_TYPES: readonly UnderlineType[] = ['person', 'organization', 'place'];
export const DEFAULT_TYPES: readonly UnderlineType[] = ['person', 'organization'];

export interface FindOptions {
  /** Entity types to report; people and organisations by default, as the extension underlines. */
  /** A news outlet counts as an organisation here. */
  types?: readonly UnderlineType[];
  /** Entities already named strongly elsewhere in the same document (earlier parts of a page). */
  confirmed?: ReadonlySet<string>;
  /** Receives every entity this text names strongly, so a later piece of the same page can use it as `confirmed`. */
  strongOut?: Set<string>;
}

const ARTICLE_PREFIX = /^(al|Al|AL|el|El)$/;

/** "al-Kadhimi" is also written "Al-Kadhimi" and "Kadhimi": the automatic part of alias expansion. */
function aliasVariants(words: string[]): string[][] {
  const variants = [words];
  words.forEach((word, i) => {
    if (!ARTICLE_PREFIX.test(word) || i === words.length - 1) return;
    const capitalised = [...words];
    capitalised[i] = word === 'al' ? 'Al' : 'al';
    const without = words.filter((_, j) => j !== i);
    variants.push(capitalised, without);
  });
  return variants;
}

/**
 * Compiles the curated entities into a lookup table. An alias that two
 * entities share strongly becomes weak for both: it no longer decides alone.
 */
export function compileNameTable(entities: EntityNames[], blockers: string[] = []): NameTable {
  const patterns = new Map<string, NamePattern>();
  const strongOwners = new Map<string, Set<string>>();
  const add = (alias: string, entity: string, weak: boolean) => {
    const words = tokenize(alias).map((t) => t.folded);
    if (words.length === 0) return;
    for (const variant of aliasVariants(words)) {
      const key = variant.join(' ');
      const pattern = patterns.get(key) ?? { words: variant, entities: [], weak: true };
      if (!pattern.entities.includes(entity)) pattern.entities.push(entity);
      if (!weak) {
        const owners = strongOwners.get(key) ?? new Set();
        owners.add(entity);
        strongOwners.set(key, owners);
      }
      patterns.set(key, pattern);
    }
  };
  for (const entity of entities) {
    for (const alias of [entity.name, ...entity.aliases]) add(alias, entity.id, false);
    for (const alias of entity.weakAliases) add(alias, entity.id, true);
    // Surnames in Persian and Arabic script, from the full names there, by the Latin surname's rules (script-surnames.ts).
    const surnames = scriptSurnames(entity);
    for (const alias of surnames.strong) add(alias, entity.id, false);
    for (const alias of surnames.weak) add(alias, entity.id, true);
  }
  const titled: NamePattern[] = [];
  for (const entity of entities) {
    for (const { alias, after } of entity.titledAliases ?? []) {
      const words = tokenize(alias).map((t) => t.folded);
      // A title makes a weak surname strong (ظریف after "وزیر خارجه"); a name that is strong anyway needs no title.
      if (words.length === 0 || strongOwners.has(words.join(' '))) continue;
      titled.push({ words, entities: [entity.id], weak: false, after: after.map((a) => tokenize(a).map((t) => t.folded)) });
    }
  }
  const blocked = new Set(blockers.map((b) => tokenize(b).map((t) => t.folded).join(' ')));
  const byFirstWord: Record<string, NamePattern[]> = {};
  for (const [key, pattern] of [...patterns].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (blocked.has(key)) {
      pattern.entities = [];
      pattern.weak = false;
    } else {
      pattern.weak = (strongOwners.get(key)?.size ?? 0) !== 1;
    }
    const list = byFirstWord[pattern.words[0]] ?? [];
    list.push(pattern);
    // Longest alias first, so the first match found is the one to keep.
    list.sort((a, b) => b.words.length - a.words.length);
    byFirstWord[pattern.words[0]] = list;
  }
  for (const pattern of titled) {
    const list = byFirstWord[pattern.words[0]] ?? [];
    list.push(pattern);
    // Before the same words without a title, which are weak: after a title they are the stronger reading.
    list.sort((a, b) => b.words.length - a.words.length || Number(Boolean(b.after)) - Number(Boolean(a.after)));
    byFirstWord[pattern.words[0]] = list;
  }
  for (const blocker of blocked) {
    if (patterns.has(blocker)) continue;
    const words = blocker.split(' ');
    const list = byFirstWord[words[0]] ?? [];
    list.push({ words, entities: [], weak: false });
    list.sort((a, b) => b.words.length - a.words.length);
    byFirstWord[words[0]] = list;
  }
  const entityInfo: NameTable['entities'] = {};
  for (const entity of entities) {
    const scripts = [...new Set([entity.name, ...entity.aliases].filter((alias) => ARABIC_SCRIPT.test(alias)))];
    entityInfo[entity.id] = scripts.length > 0 ? { name: entity.name, type: entity.type, scripts } : { name: entity.name, type: entity.type };
  }
  return { byFirstWord, entities: entityInfo };
}

/**
 * Entities no text can underline: every name they go by is weak (it counts only beside a full
 * mention, and they have none), shared with another entity, or blocked. `corpus build` lists them.
 */
export function neverUnderlined(table: NameTable): string[] {
  const reachable = new Set<string>();
  for (const list of Object.values(table.byFirstWord)) {
    for (const pattern of list) if (!pattern.weak && pattern.entities.length === 1) reachable.add(pattern.entities[0]);
  }
  return Object.keys(table.entities).filter((id) => !reachable.has(id));
}

/**
 * Words inside one name are joined by a space or hyphen, never by a line break or punctuation,
 * except the apostrophe that transliteration puts inside a word ("Kata’ib", "Asa'ib") or at its end ("Shia’ Sabbar"),
 * and the mark that writes the letter ʿayn ("al-‘Āmirī").
 */
const NAME_JOINER = /^(?:[ \t\u00a0\u2009\u202f\u200c\-\u2010\u2011]{1,3}|['\u2019\u02bc] ?|[-\u2010\u2011]?[\u2018\u02bb\u02bf])$/;

function isAllCaps(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** Case matters ("hook" is never Brian Hook), but a headline in capitals still names people. */
function sameWord(token: string, word: string): boolean {
  return token === word || (isAllCaps(token) && token === word.toUpperCase());
}

function lookupKeys(token: string): string[] {
  if (!isAllCaps(token)) return [token];
  const titled = token[0] + token.slice(1).toLowerCase();
  return [token, titled];
}

/** Whether one of the phrases stands right before token i, joined to it as words of one name are. */
function precededBy(text: string, tokens: Token[], i: number, phrases: string[][]): boolean {
  return phrases.some((words) => {
    const first = i - words.length;
    if (first < 0) return false;
    for (let k = 0; k < words.length; k++) {
      const token = tokens[first + k];
      const next = tokens[first + k + 1];
      if (!sameWord(token.folded, words[k])) return false;
      if (next.start - token.end > 3 || !NAME_JOINER.test(text.slice(token.end, next.start))) return false;
    }
    return true;
  });
}

export interface Candidate {
  start: number;
  end: number;
  pattern: NamePattern;
}

function matchAt(text: string, tokens: Token[], i: number, table: NameTable): Candidate | null {
  for (const key of lookupKeys(tokens[i].folded)) {
    // Page text is arbitrary: "constructor" or "toString" must not reach Object.prototype.
    if (!Object.hasOwn(table.byFirstWord, key)) continue;
    const list = table.byFirstWord[key];
    for (const pattern of list) {
      const n = pattern.words.length;
      if (i + n > tokens.length) continue;
      if (pattern.after && !precededBy(text, tokens, i, pattern.after)) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const token = tokens[i + k];
        ok = sameWord(token.folded, pattern.words[k]);
        if (ok && k > 0) {
          const gap = token.start - tokens[i + k - 1].end;
          ok = gap <= 3 && NAME_JOINER.test(text.slice(tokens[i + k - 1].end, token.start));
        }
      }
      if (ok) return { start: tokens[i].start, end: tokens[i + n - 1].end, pattern };
    }
  }
  return null;
}

/**
 * The plain scan: every word is tokenized and looked up, longest alias first,
 * without overlaps; blockers consume their words. The fast scan below must
 * agree with it exactly (a property test checks that); it stays as the spec.
 */
export function scanCandidatesByTokens(text: string, table: NameTable): Candidate[] {
  const tokens = tokenize(text);
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; ) {
    const candidate = matchAt(text, tokens, i, table);
    if (!candidate) {
      i++;
      continue;
    }
    if (candidate.pattern.entities.length > 0) found.push(candidate);
    i += candidate.pattern.words.length;
  }
  return found;
}

/**
 * Folding and allocating a token for every word is what made detection cost
 * many times a bare text walk. Most words cannot start a name: an ASCII word
 * is its own folded form, so one regular expression of the table's ASCII
 * first words finds the only ASCII words worth a lookup, and any non-ASCII
 * character is a hit too, so a word with a non-ASCII letter, mark or joiner
 * (Arabic, Persian, "Pérez") takes the full folding path. The expression is
 * not a Unicode one on purpose: with the `u` flag and `\p{…}` lookarounds it
 * ran eight times slower. Tokens are made only around hits.
 */
export function scanCandidates(text: string, table: NameTable): Candidate[] {
  const plan = scanPlanFor(table);
  // Shared and reset per call: compiling it per chunk would cost more than the scan (the scan is synchronous).
  const hits = plan.hits;
  hits.lastIndex = 0;
  const found: Candidate[] = [];
  let consumedUntil = 0;
  for (let m = hits.exec(text); m !== null; m = hits.exec(text)) {
    if (m[0].length === 1 && m[0] > '\x7f' && !isWordCharAt(text, m.index)) continue;
    const wordStart = startOfWord(text, m.index);
    if (wordStart < consumedUntil) continue;
    const seconds = plan.seconds.get(m[0]);
    if (seconds && !followedByOneOf(text, m.index + m[0].length, seconds)) continue;
    const candidate = candidateAt(text, wordStart, plan, table);
    consumedUntil = candidate.end;
    if (candidate.pattern?.entities.length) found.push(candidate as Candidate);
    hits.lastIndex = Math.max(hits.lastIndex, consumedUntil);
  }
  return found;
}

/** What `matchAt` finds at the word starting at `wordStart`, or just that word's end when nothing starts there. */
function candidateAt(text: string, wordStart: number, plan: ScanPlan, table: NameTable): Partial<Candidate> & { end: number } {
  const first = nextWordFrom(text, wordStart) as Token;
  const lists = lookupKeys(first.folded).filter((key) => Object.hasOwn(table.byFirstWord, key)).map((key) => table.byFirstWord[key]);
  if (lists.length === 0) return { end: first.end };
  const tokens = lists.some((list) => list.some((p) => p.after)) ? wordsBefore(text, wordStart, plan.before) : [];
  const at = tokens.length;
  tokens.push(first);
  // As many words as this first word's longest name: a table's longest name elsewhere is no reason to read further here.
  let longest = 1;
  for (const list of lists) for (const p of list) longest = Math.max(longest, p.words.length);
  for (let k = 1, from = first.end; k < longest; k++) {
    const next = nextWordFrom(text, from);
    // Words more than three characters apart are never one name: the window can stop.
    if (!next || next.start - from > 3) break;
    tokens.push(next);
    from = next.end;
  }
  return matchAt(text, tokens, at, table) ?? { end: first.end };
}

const IS_WORD_CHAR = new RegExp(`^${WORD_CHAR_CLASS}$`, 'u');
const STICKY_WORD = new RegExp(`${WORD_CHAR_CLASS}+`, 'uy');

interface ScanPlan {
  hits: RegExp;
  /** For an ASCII first word that only starts names of two words or more, their second words: only before one of them is a lookup worth its cost. */
  seconds: Map<string, Set<string>>;
  /** The most words a titled alias needs before it. */
  before: number;
}

const plans = new WeakMap<NameTable, ScanPlan>();

function scanPlanFor(table: NameTable): ScanPlan {
  const cached = plans.get(table);
  if (cached) return cached;
  const ascii = new Set<string>();
  const seconds = new Map<string, Set<string> | null>();
  let before = 0;
  for (const [key, list] of Object.entries(table.byFirstWord)) {
    if (/^[A-Za-z0-9]+$/.test(key)) {
      // An all-capitals word is looked up as its title-case form too ("KADHIMI").
      ascii.add(key);
      ascii.add(key.toUpperCase());
      const next = secondWordsOf(list);
      // Two keys may meet in capitals ("Kdp", "KDP"): then neither's second words may narrow the other's.
      for (const form of [key, key.toUpperCase()]) seconds.set(form, seconds.has(form) ? null : next);
    }
    for (const pattern of list) for (const phrase of pattern.after ?? []) before = Math.max(before, phrase.length);
  }
  // Longest first, so a key is never cut short by one of its prefixes before the end-of-word check.
  const words = [...ascii].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const asciiWords = words.length > 0 ? `(?<![A-Za-z0-9])(?:${words.join('|')})(?![A-Za-z0-9])|` : '';
  // Non-ASCII, minus the punctuation and spaces of English news (curly quotes, dashes, no-break spaces), which are never in a word.
  const narrowed = new Map([...seconds].filter((e): e is [string, Set<string>] => e[1] !== null));
  const plan = { seconds: narrowed, hits: new RegExp(`${asciiWords}[^\\0-\\x7f\\u00a0\\u00ab\\u00bb\\u2000-\\u200a\\u200e-\\u206f]`, 'g'), before };
  plans.set(table, plan);
  return plan;
}

/**
 * The second words of a first word's names, in the forms the text may show
 * them (as folded, and in capitals); null when that cannot narrow anything: a
 * one-word name, a name that needs words before it, a second word that is not
 * plain ASCII (its text form may differ from its folded one).
 */
function secondWordsOf(list: readonly NamePattern[]): Set<string> | null {
  const words = new Set<string>();
  for (const p of list) {
    if (p.words.length < 2 || p.after || !/^[A-Za-z0-9]+$/.test(p.words[1])) return null;
    words.add(p.words[1]);
    words.add(p.words[1].toUpperCase());
  }
  return words;
}

/**
 * Whether the word after `end` is joined to it as the words of a name are and
 * may be one of `words`. A next word with a non-ASCII character may fold to
 * one of them, so it passes; the full lookup decides.
 */
function followedByOneOf(text: string, end: number, words: ReadonlySet<string>): boolean {
  let start = end;
  while (start < text.length && start - end <= 3 && !isWordCharAt(text, start)) start++;
  if (start >= text.length || start === end || !NAME_JOINER.test(text.slice(end, start))) return false;
  let stop = start;
  while (stop < text.length) {
    const code = text.charCodeAt(stop);
    if (code >= 0x80) return true;
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122))) break;
    stop++;
  }
  return words.has(text.slice(start, stop));
}

function isWordCharAt(text: string, i: number): boolean {
  const code = text.codePointAt(i) ?? 0;
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return IS_WORD_CHAR.test(String.fromCodePoint(code));
}

/** Index of the code point that ends just before `end` (a surrogate pair counts as one). */
function codePointStartBefore(text: string, end: number): number {
  const low = text.charCodeAt(end - 1);
  const high = text.charCodeAt(end - 2);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? end - 2 : end - 1;
}

function startOfWord(text: string, i: number): number {
  let start = i;
  while (start > 0) {
    const previous = codePointStartBefore(text, start);
    if (!isWordCharAt(text, previous)) break;
    start = previous;
  }
  return start;
}

/** Up to `count` words right before `wordStart`, each joined to the next by at most three characters. */
function wordsBefore(text: string, wordStart: number, count: number): Token[] {
  const tokens: Token[] = [];
  let start = wordStart;
  while (tokens.length < count) {
    let end = start;
    while (end > 0 && start - end <= 3) {
      const previous = codePointStartBefore(text, end);
      if (isWordCharAt(text, previous)) break;
      end = previous;
    }
    if (end === 0 || start - end > 3) break;
    start = startOfWord(text, end);
    tokens.unshift(makeToken(text, start, end));
  }
  return tokens;
}

/** The next word starting within three characters of `from`. */
function nextWordFrom(text: string, from: number): Token | null {
  for (let i = from; i < text.length && i <= from + 3; i++) {
    STICKY_WORD.lastIndex = i;
    const m = STICKY_WORD.exec(text);
    if (m) return makeToken(text, i, i + m[0].length);
  }
  return null;
}

function makeToken(text: string, start: number, end: number): Token {
  return { start, end, folded: foldToken(text.slice(start, end)) };
}

/**
 * Finds the mentions of corpus entities in a text. A weak alias ("Hakim",
 * "Kazemi") counts only when the document names one of its entities by a strong
 * alias; when it names several, the nearest strong mention (preceding first) decides.
 */
export function findMentions(text: string, table: NameTable, options: FindOptions = {}): Mention[] {
  const types = options.types ?? DEFAULT_TYPES;
  const candidates = scanCandidates(text, table);
  const strongAt = new Map<string, number[]>();
  for (const c of candidates) {
    if (c.pattern.weak) continue;
    options.strongOut?.add(c.pattern.entities[0]);
    const positions = strongAt.get(c.pattern.entities[0]) ?? [];
    positions.push(c.start);
    strongAt.set(c.pattern.entities[0], positions);
  }
  const mentions: Mention[] = [];
  for (const c of candidates) {
    const entity = c.pattern.weak ? resolveWeak(c, strongAt, options.confirmed) : c.pattern.entities[0];
    if (!entity) continue;
    const info = table.entities[entity];
    if (!info || !types.includes(underlineTypeOf(info.type))) continue;
    mentions.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end), entity, type: underlineTypeOf(info.type) });
  }
  return withFamilies(mentions);
}

/**
 * "Masoud Barzani … Nechirvan Barzani … Barzani added": when a document names two people of
 * one family in full, a bare surname means the one named in full most recently before it
 * (or, before any, the first named after it), whichever alias table said otherwise.
 */
function withFamilies(mentions: Mention[]): Mention[] {
  const full = new Map<string, Mention[]>();
  for (const m of mentions) {
    if (m.type !== 'person' || !/\s/.test(m.text)) continue;
    const key = familyKey(m.text.split(/\s+/).pop() as string);
    const named = full.get(key);
    if (named) named.push(m);
    else full.set(key, [m]);
  }
  if (full.size === 0) return mentions;
  // Only a family the document names two members of in full can take a bare surname from its alias.
  const families = new Set([...full].filter(([, named]) => named.some((f) => f.entity !== named[0].entity)).map(([key]) => key));
  if (families.size === 0) return mentions;
  return mentions.map((m) => {
    if (m.type !== 'person' || /\s/.test(m.text)) return m;
    const key = familyKey(m.text);
    if (!families.has(key)) return m;
    const named = full.get(key) as Mention[];
    // The last full mention before it (they are in text order), or the first after it.
    let lo = 0;
    let hi = named.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (named[mid].end <= m.start) lo = mid + 1;
      else hi = mid;
    }
    const nearest = lo > 0 ? named[lo - 1] : named[lo];
    return nearest ? { ...m, entity: nearest.entity } : m;
  });
}

/** A surname as families share it: no "al-", case and marks folded ("Al-Muhandis" and "al-Muhandis" meet). */
function familyKey(word: string): string {
  return foldToken(word.replace(/^(?:al|Al|AL|el|El)[-\s]/, ''));
}

function resolveWeak(c: Candidate, strongAt: Map<string, number[]>, confirmed?: ReadonlySet<string>): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const entity of c.pattern.entities) {
    const positions = strongAt.get(entity);
    if (!positions) {
      // Named earlier on the page, outside this piece of text: it counts, but as far away.
      if (confirmed?.has(entity) && best === null) best = entity;
      continue;
    }
    for (const p of positions) {
      // A preceding strong mention is the natural antecedent; a following one counts a little less.
      const distance = p <= c.start ? c.start - p : (p - c.start) * 1.5;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = entity;
      }
    }
  }
  return best;
}
