import { formatIsoDate } from '../../components/dates';
import type { ArticleDate } from '../../lib/engine/types';
import { t } from '../../lib/i18n';

/** The full date as the article gives it: day, local time and zone, and where the date came from. */
export function ArticleDateLine({ date }: { date: ArticleDate | null }) {
  if (!date) return <span class="undated">{t('undated')}</span>;
  const day = formatIsoDate(date.iso, 'long');
  const when = date.time ? t(date.zone ? 'dateTimeZone' : 'dateTime', day, date.time, date.zone ?? '') : day;
  return (
    <>
      <time dateTime={date.time ? `${date.iso}T${date.time}` : date.iso} title={date.text}>
        {when}
      </time>
      {date.source === 'sidecar' && <span class="date-source"> ({t('dateFromSidecar')})</span>}
    </>
  );
}
