import type { JSX } from 'preact';
import type { StatementView } from '../lib/engine/lookup';

/** A sentence with the words inside its quotation marks set apart. */
export function QuotedText({ text, quotes }: { text: string; quotes: StatementView['quotes'] }) {
  const parts: (string | JSX.Element)[] = [];
  let at = 0;
  for (const quote of quotes) {
    // Views carry the quote's words, not offsets; search from the last quote so repeats land in order.
    const start = quote.text ? text.indexOf(quote.text, at) : -1;
    if (start < 0) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <span class="iic-quote" key={start}>
        {quote.text}
      </span>,
    );
    at = start + quote.text.length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
