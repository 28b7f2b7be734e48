import type { ArticleDate } from '../lib/engine/types';
import { t } from '../lib/i18n';
import { formatIsoDate } from './dates';

/** An article's date, or the word "undated" when its text gives none. */
export function DateText({ date, long = false }: { date: ArticleDate | null; long?: boolean }) {
  if (!date) return <span class="iic-undated">{t('undated')}</span>;
  return (
    <time dateTime={date.iso} title={date.text}>
      {formatIsoDate(date.iso, long ? 'long' : 'short')}
    </time>
  );
}
