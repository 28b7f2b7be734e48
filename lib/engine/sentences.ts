/**
 * Sentence splitting and quotation spans. Both run in one linear pass over a
 * paragraph; quotes are paired first so that a quotation spanning several
 * sentences stays one statement.
 */

export interface Span {
  start: number;
  end: number;
}

const OPENERS = new Set(['\u201c', '\u201e', '\u00ab']);
const CLOSERS = new Set(['\u201d', '\u00bb']);
const STRAIGHT = '"';

/**
 * Pairs double quotation marks in a paragraph. Curly and straight marks may be
 * mixed (`"Military … stability.”`); a mark that opens inside an open quote is
 * text; an opener never closed is ignored. `start`/`end` include the marks.
 */
export function findQuoteSpans(text: string): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (open < 0) {
      if (OPENERS.has(ch) || ch === STRAIGHT) open = i;
    } else if (CLOSERS.has(ch) || ch === STRAIGHT || typedAsOpener(text, i)) {
      spans.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  return withSingleQuotes(text, spans);
}

/** "… from the country.“" at a paragraph's end: a closing mark typed as an opening one, after the sentence's stop. */
function typedAsOpener(text: string, i: number): boolean {
  return text[i] === '\u201c' && /[.!?,]/.test(text[i - 1] ?? '') && (i + 1 === text.length || /\s/.test(text[i + 1]));
}

/**
 * ‘binding’: curly single quotes around a phrase, outside any double quotation.
 * The closing mark is also the apostrophe, so it closes only where no letter follows ("Iran’s" does not).
 */
function withSingleQuotes(text: string, doubles: Span[]): Span[] {
  const singles: Span[] = [];
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    while (d < doubles.length && doubles[d].end <= i) d++;
    if (d < doubles.length && doubles[d].start <= i) {
      i = doubles[d].end - 1;
      continue;
    }
    // "al-‘Āmirī": after a letter or a hyphen the mark writes the letter ʿayn, it opens no quotation.
    if (text[i] !== '\u2018' || /[\p{L}\p{N}-]/u.test(text[i - 1] ?? '')) continue;
    const limit = Math.min(text.length, i + 200);
    for (let j = i + 2; j < limit; j++) {
      if (text[j] === '\u2018' || text[j] === '\u201c' || text[j] === '"') break;
      if (text[j] === '\u2019' && !/[\p{L}\p{N}]/u.test(text[j + 1] ?? '')) {
        singles.push({ start: i, end: j + 1 });
        i = j;
        break;
      }
    }
  }
  if (singles.length === 0) return doubles;
  return [...doubles, ...singles].sort((a, b) => a.start - b.start);
}

const ABBREVIATIONS = new Set(
  'Mr Mrs Ms Dr Prof Gen Lt Col Maj Capt Sgt Adm Gov Sen Rep St Sr Jr Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos Vol vs etc Inc Ltd Co Corp Dept Ave approx Sheikh Mt Ft'.split(' '),
);
const CLOSING_AFTER_STOP = /["\u201d\u2019')\]\u00bb]/;
const SENTENCE_START = /["\u201c\u201e\u00ab'([\p{Lu}\p{N}\p{Lo}]/u;

function wordBefore(text: string, end: number): string {
  let i = end;
  // Abbreviations are short; the bound keeps a line of a million dots linear.
  while (i > 0 && end - i < 24 && /[\p{L}\p{N}.]/u.test(text[i - 1])) i--;
  return text.slice(i, end);
}

/** "U.S.", "H.", "Jan." end in a full stop without ending a sentence. */
function isAbbreviation(word: string): boolean {
  if (ABBREVIATIONS.has(word)) return true;
  if (/^\p{Lu}$/u.test(word)) return true;
  return /^(?:\p{L}\.)+\p{L}?$/u.test(word);
}

/** Splits a paragraph into sentences; returns trimmed spans. */
export function splitSentences(text: string, quotes: Span[] = findQuoteSpans(text)): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let q = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '\u2026' && ch !== '\u061f' && ch !== '\u06d4') continue;
    let after = i + 1;
    while (after < text.length && CLOSING_AFTER_STOP.test(text[after])) after++;
    let next = after;
    while (next < text.length && /[ \t\u00a0]/.test(text[next])) next++;
    if (next === after || next >= text.length) continue;
    if (!SENTENCE_START.test(text[next])) continue;
    if (ch === '.' && isAbbreviation(wordBefore(text, i))) continue;
    while (q < quotes.length && quotes[q].end <= after) q++;
    // Inside an open quotation the sentence goes on until the quote closes.
    if (q < quotes.length && quotes[q].start < i && quotes[q].end > after) continue;
    push(after);
    start = after;
  }
  push(text.length);
  return spans;
}
