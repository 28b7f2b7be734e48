/**
 * Runs of capitalised words in a paragraph: where names can be. A chain is a
 * sequence of words joined by single spaces; it stops at punctuation, at a
 * lower-case word that is not a name particle or connector, and after a
 * possessive ("Iran's"). Linear in the paragraph's length.
 */

export interface Word {
  text: string;
  start: number;
  end: number;
  /** "Iran's": the word without its possessive ending is `text`. */
  possessive: boolean;
}

export interface Chain {
  words: Word[];
  start: number;
  end: number;
}

/** "U.S.", "U.N.": letters with dots; otherwise letters and digits with inner apostrophes and hyphens ("Kata'ib", "al-Sadr", and the ʿayn of "al-‘Āmirī"). */
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['\u2019\u2018\u02bb\u02bf\-\u2010\u2011](?=[\p{L}\p{N}\u2018\u02bb\u02bf]))*(?:['\u2019](?= (?:\p{Lu}|(?:al|el)-\p{Lu})))?/gu;
const ABBREVIATION = /^(?:Mr|Mrs|Ms|Dr|Gen|Maj|Lt|Col|Brig|Adm|Capt|Sgt|Prof|Sen|Rep|Gov|St|Jr|Sr|Mt)$/;
/** One capital letter; not "I", which is also a word ("so do I. Iran said…"). */
const MIDDLE_INITIAL = /^(?!I$)\p{Lu}$/u;
const NAME_AFTER_INITIAL = /^[ \u00a0]\p{Lu}/u;
const POSSESSIVE = /['\u2019]s$/;
const TRAILING_APOSTROPHE = /['\u2019]$/;
/** Lower-case words that belong inside Arabic and European names. */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'ben', 'de', 'van', 'von', 'der', 'ul']);
/** Lower-case words that join the parts of an organisation's or a title's name. */
export const CONNECTORS = new Set(['of', 'for', 'in', 'and', 'the', 'on', 'against']);
const GAP = /^[ \u00a0]$/;
/** A translated word in brackets inside a name ("Fatah (Conquest) Alliance"); never an acronym, which names the chain before it. */
const GLOSS = /[ \u00a0]\(\p{Lu}\p{Ll}+(?: \p{Ll}+){0,3}\)[ \u00a0](?=\p{Lu})/uy;

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) || /^\p{N}/u.test(word);
}

/** "al-Muhandis", "bin": lower-case, but part of a name. */
export function isParticle(word: string): boolean {
  return PARTICLES.has(word) || /^(?:al|el|ul|ad|as|ash|an|at|ar|az)-[\u2018\u02bb\u02bf]?\p{Lu}/u.test(word);
}

export function words(text: string): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let end = m.index + m[0].length;
    let value = m[0];
    if (text[end] === '.' && ABBREVIATION.test(value)) end++;
    // A middle initial ("Nikki R. Haley", "George W. Bush") is part of the name, not the end of a chain.
    else if (text[end] === '.' && MIDDLE_INITIAL.test(value) && NAME_AFTER_INITIAL.test(text.slice(end + 1, end + 3))) {
      end++;
      value += '.';
    }
    const possessive = POSSESSIVE.test(value);
    if (possessive) value = value.slice(0, -2);
    else if (TRAILING_APOSTROPHE.test(value)) value = value.slice(0, -1);
    out.push({ text: value, start: m.index, end, possessive });
  }
  return out;
}

/** "Arabic-language", "Iran-backed": adjectives, not names. */
const ADJECTIVE_SUFFIX = /-(?:language|backed|led|based|run|affiliated|aligned|speaking|born|controlled|owned|linked|made|style)$/;

function nameLike(word: Word): boolean {
  if (ADJECTIVE_SUFFIX.test(word.text)) return false;
  return isCapitalised(word.text) || isParticle(word.text);
}

/** Chains of name-like words; connectors are kept inside a chain only between name-like words. */
export function chains(text: string, list: Word[] = words(text)): Chain[] {
  const out: Chain[] = [];
  let current: Word[] = [];
  const close = () => {
    while (current.length > 0 && CONNECTORS.has(current[current.length - 1].text)) current.pop();
    let first = 0;
    while (first < current.length && (CONNECTORS.has(current[first].text) || PARTICLES.has(current[first].text))) first++;
    const kept = first > 0 ? current.slice(first) : current;
    if (kept.length > 0) out.push({ words: kept, start: kept[0].start, end: kept[kept.length - 1].end });
    current = [];
  };
  for (let i = 0; i < list.length; i++) {
    let word = list[i];
    const last = current[current.length - 1];
    let joined = last !== undefined && GAP.test(text.slice(last.end, word.start));
    if (last && !joined && !last.possessive) {
      GLOSS.lastIndex = last.end;
      if (GLOSS.test(text)) {
        while (i + 1 < list.length && list[i].start < GLOSS.lastIndex) i++;
        word = list[i];
        joined = word.start === GLOSS.lastIndex;
      }
    }
    // "People's Protection Units": the one possessive that is common inside organisations' names.
    if (last && (!joined || (last.possessive && last.text !== 'People'))) close();
    if (nameLike(word)) current.push(word);
    else if (current.length > 0 && CONNECTORS.has(word.text)) current.push(word);
    else close();
  }
  close();
  return out;
}
