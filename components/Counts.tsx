import { t } from '../lib/i18n';
import { formatCount, formatList } from './format';

const quotes = (n: number) => (n === 1 ? t('countQuotesOne') : t('countQuotesMany', formatCount(n)));
const mentions = (n: number) => (n === 1 ? t('countMentionsOne') : t('countMentionsMany', formatCount(n)));

export function countsText(said: number, about: number): string {
  return formatList([quotes(said), mentions(about)]);
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
