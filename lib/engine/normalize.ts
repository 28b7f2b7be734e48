/**
 * Text folding shared by the matcher and the search index. Folding is done
 * per token, never across a whole text, so offsets into the original string
 * stay exact without an offset map.
 */

const COMBINING_MARKS = /\p{M}/gu;
/** Tatweel, zero-width non-joiner/joiner, bidi controls: invisible in reading, noise in matching. */
const INVISIBLES = /[\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/g;

/** Letters that Arabic and Persian write differently, or that people type interchangeably. */
const LETTER_FOLDS: Record<string, string> = {
  'ی': 'ي',
  'ى': 'ي',
  'ئ': 'ي',
  'ک': 'ك',
  'ة': 'ه',
  'ۀ': 'ه',
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ؤ': 'و',
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '`': "'",
};
const LETTER_FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/**
 * Folds a token for comparison: strips diacritics (é→e, harakat), invisible
 * joiners and tatweel, and unifies Arabic/Persian letter variants. Case is kept:
 * the matcher decides itself when case matters.
 */
export function foldToken(token: string): string {
  let folded = token.replace(INVISIBLES, '');
  if (!/^\p{ASCII}*$/u.test(folded)) {
    folded = folded.normalize('NFD').replace(COMBINING_MARKS, '').replace(LETTER_FOLD_PATTERN, (ch) => LETTER_FOLDS[ch] ?? ch);
    // NFD split some Arabic letters (آ → ا + madda); recompose what remains.
    folded = folded.normalize('NFC');
  }
  return folded;
}

/** Folding for search: case-insensitive on top of `foldToken`. */
export function foldForSearch(text: string): string {
  return foldToken(text).toLowerCase();
}

export interface Token {
  start: number;
  end: number;
  /** Folded form, case kept. */
  folded: string;
}

/**
 * A word is a run of letters, marks and digits; tatweel, zero-width joiners
 * and the invisible break hints a page may put inside a long word (soft hyphen,
 * zero-width space: "Kad&shy;himi") stay inside and are folded away later.
 * Apostrophes and hyphens end a word, so "Kadhimi’s" yields "Kadhimi" and
 * "al-Kadhimi" yields "al", "Kadhimi". The matcher's fast scan uses the same class.
 */
export const WORD_CHAR_CLASS = '[\\p{L}\\p{M}\\p{N}\\u0640\\u00ad\\u200b-\\u200d]';
const WORD = new RegExp(`${WORD_CHAR_CLASS}+`, 'gu');

/** Splits text into words in one linear pass. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, folded: foldToken(m[0]) });
  }
  return tokens;
}
