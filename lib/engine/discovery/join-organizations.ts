/**
 * One real-world organisation, one entity: the corpus names the Revolutionary
 * Guards as "Islamic Revolutionary Guard Corps", "Islamic Revolution Guards
 * Corps", "Iranian Revolutionary Guards" and "IRGC". Two names meet when one is
 * the other's acronym, or when one's words, without a country adjective and
 * the endings that vary ("Guard/Guards", "Revolution/Revolutionary"), are the
 * other's words in order. A short name whose last word is a generic head
 * ("Security Council", "Foreign Ministry") is too common to join anything
 * across articles, and a name that fits two others joins neither.
 */
import { DEMONYMS, PLACE_WORDS } from './lexicon';

export interface OrganizationForms {
  /** Every form the corpus writes the organisation's name in. */
  forms: string[];
  /** Acronyms an article defines for it ("Kurdistan Regional Government (KRG)"). */
  acronyms: string[];
}

const GENERIC_HEADS = new Set(
  'council ministry committee office department government forces force party front movement court parliament assembly commission agency bank union army police group organization organisation authority service services'.split(' '),
);
const FILLER = new Set(['the', 'of', 'for', 'and', 'in', 'on', 'al']);
const DEMONYM_WORDS = new Set([...Object.values(DEMONYMS), ...PLACE_WORDS].map((w) => w.toLowerCase()));

/** A word as names vary it: case, "al-", a plural "s", "-ary" and "-ian" endings folded. */
function stem(word: string): string {
  return word
    .toLowerCase()
    .replace(/^(?:al|el)-/, '')
    .replace(/['\u2019]s$/, '')
    .replace(/(?:ary|ian)$/, '')
    .replace(/(?<=[^s])s$/, '');
}

/** The words that name it, in order: no filler, no leading country or nationality. */
function coreWords(name: string): string[] {
  const words = name.split(/\s+/).filter((w) => !FILLER.has(w.toLowerCase()));
  let from = 0;
  while (from < words.length - 1 && DEMONYM_WORDS.has(words[from].toLowerCase())) from++;
  return words.slice(from).map(stem);
}

/** "IRGC" of "Islamic Revolutionary Guard Corps": the first letters of its words, filler aside. */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => !FILLER.has(w.toLowerCase()) && /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

const isAcronym = (form: string) => /^\p{Lu}[\p{Lu}\d]{1,7}$/u.test(form);

/** Whether every word of `short` stands in `long`, in the same order. */
function inOrder(short: string[], long: string[]): boolean {
  let i = 0;
  for (const w of long) if (i < short.length && w === short[i]) i++;
  return i === short.length;
}

/** Whether the form `short` names the same organisation as `long`, by the rules above. */
function joins(short: string, long: OrganizationForms): boolean {
  if (isAcronym(short)) return long.acronyms.includes(short) || long.forms.some((f) => !isAcronym(f) && initialsOf(f) === short);
  const a = coreWords(short);
  if (a.length < 2 || (a.length < 3 && GENERIC_HEADS.has(a[a.length - 1]))) return false;
  return long.forms.some((f) => {
    const b = coreWords(f);
    return b.length >= a.length && inOrder(a, b);
  });
}

/**
 * For each organisation, the one other organisation it joins, if exactly one:
 * its every form is the other's acronym or a shorter form of the other's name.
 * Returns index → index of the organisation it joins. Candidates come from an
 * index of words and initials, so a corpus of thousands of names is not
 * compared pair by pair.
 */
export function organizationJoins(organizations: OrganizationForms[]): Map<number, number> {
  const byWord = new Map<string, Set<number>>();
  const byInitials = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, key: string, i: number) => map.set(key, (map.get(key) ?? new Set()).add(i));
  const longest = organizations.map((o) => Math.max(...o.forms.map((f) => f.length)));
  organizations.forEach((org, i) => {
    for (const f of org.forms) {
      if (isAcronym(f)) continue;
      for (const w of coreWords(f)) add(byWord, w, i);
      add(byInitials, initialsOf(f), i);
    }
    for (const a of org.acronyms) add(byInitials, a, i);
  });
  // Full names first, then shorter forms and acronyms against what those became: "IRGC" fits
  // "Islamic Revolutionary Guard Corps" and "Islamic Revolution Guards Corps", which are one.
  const joined = new Map<number, number>();
  const representative = (i: number): number => {
    let j = i;
    for (let hops = 0; joined.has(j) && hops < 8; hops++) j = joined.get(j) as number;
    return j;
  };
  const order = organizations.map((_, i) => i).sort((a, b) => longest[b] - longest[a] || a - b);
  for (const i of order) {
    const org = organizations[i];
    const first = org.forms[0];
    const pool = isAcronym(first) ? byInitials.get(first) : rarest(coreWords(first), byWord);
    const targets = new Set<number>();
    for (const j of pool ?? []) {
      if (j === i) continue;
      // The longer name is the one kept (tied, the earlier), so two names never join each other.
      const keeps = longest[j] > longest[i] || (longest[j] === longest[i] && j < i);
      if (keeps && org.forms.every((f) => joins(f, organizations[j]))) targets.add(representative(j));
    }
    targets.delete(i);
    if (targets.size === 1) joined.set(i, [...targets][0]);
  }
  return joined;
}

/** The smallest of the index's sets for these words: every candidate holds them all. */
function rarest(words: string[], index: Map<string, Set<number>>): Set<number> | undefined {
  let best: Set<number> | undefined;
  for (const w of words) {
    const set = index.get(w);
    if (!set) return undefined;
    if (!best || set.size < best.size) best = set;
  }
  return best;
}
