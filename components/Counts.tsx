import { counted, formatList } from './format';

const quotes = (n: number) => counted('countQuotes', n);
const mentions = (n: number) => counted('countMentions', n);
const partials = (n: number) => counted('countPartial', n);

/** The counts as the card reads them out: partial quotes only where there are some. */
export function countsText(said: number, about: number, partial = 0): string {
  return formatList([quotes(said), ...(partial > 0 ? [partials(partial)] : []), mentions(about)]);
}

/**
 * "3 quotes · 1 partial quote · 5 mentions": how often the corpus quotes a
 * name, quotes a few of its words, and names it; after `lead` ("Person") when
 * the card gives its facts on one line.
 */
export function Counts({ said, partial = 0, about, lead }: { said: number; partial?: number; about: number; lead?: string }) {
  const parts = [...(lead ? [lead] : []), quotes(said), ...(partial > 0 ? [partials(partial)] : []), mentions(about)];
  return (
    <p class="iic-counts">
      {parts.map((part, i) => (
        <>
          {i > 0 && <span aria-hidden="true"> · </span>}
          {part}
        </>
      ))}
    </p>
  );
}
