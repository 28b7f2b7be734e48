import type { JSX } from 'preact';
import { foldForSearch, tokenize } from '../lib/engine/normalize';

interface Props {
  text: string;
  terms: readonly string[];
  /**
   * At most this many characters before the first mark; the text then starts
   * at a word with "…", so a clamped snippet still shows why it matched.
   */
  lead?: number;
}

/**
 * Text with the words a search matched in <mark>. The index hands back folded
 * terms, so words are compared folded too (case, diacritics, Arabic/Persian
 * letter forms) while the original spelling is what shows.
 */
export function Highlighted({ text, terms, lead }: Props) {
  const wanted = new Set(terms.map((term) => foldForSearch(term)));
  const hits = wanted.size ? tokenize(text).filter((token) => wanted.has(foldForSearch(token.folded))) : [];
  let from = 0;
  if (lead !== undefined && hits.length > 0 && hits[0].start > lead) {
    const space = text.indexOf(' ', hits[0].start - lead);
    from = space >= 0 && space < hits[0].start ? space + 1 : hits[0].start;
  }
  const parts: (string | JSX.Element)[] = from > 0 ? ['…'] : [];
  let at = from;
  for (const token of hits) {
    if (token.start > at) parts.push(text.slice(at, token.start));
    parts.push(<mark key={token.start}>{text.slice(token.start, token.end)}</mark>);
    at = token.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
