import { t } from '../lib/i18n';

const quotes = (n: number) => (n === 1 ? t('countQuotesOne') : t('countQuotesMany', String(n)));
const mentions = (n: number) => (n === 1 ? t('countMentionsOne') : t('countMentionsMany', String(n)));

export function countsText(said: number, about: number): string {
  return `${quotes(said)}, ${mentions(about)}`;
}

/** "3 quotes · 5 mentions": how often the corpus quotes a name and names it. */
export function Counts({ said, about }: { said: number; about: number }) {
  return (
    <p class="iic-counts">
      {quotes(said)}
      <span aria-hidden="true"> · </span>
      {mentions(about)}
    </p>
  );
}
