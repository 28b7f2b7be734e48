import { formatClock, formatIsoDate, formatZoneName } from '../../components/dates';
import type { ArticleDate } from '../../lib/engine/types';
import { t } from '../../lib/i18n';

/**
 * The full date as the article gives it: day, local time and zone — all in the
 * interface's language and digits, the zone by its name rather than its IANA id
 * (which stays in the tooltip, with the article's own words) — and where the date came from.
 */
export function ArticleDateLine({ date }: { date: ArticleDate | null }) {
  if (!date) return <span class="undated">{t('undated')}</span>;
  const day = formatIsoDate(date.iso, 'long');
  const clock = date.time && formatClock(date.iso, date.time);
  const when = clock ? t(date.zone ? 'dateTimeZone' : 'dateTime', day, clock, date.zone ? formatZoneName(date.zone, date.iso) : '') : day;
  return (
    <>
      <time dateTime={date.time ? `${date.iso}T${date.time}` : date.iso} title={date.text}>
        {when}
      </time>
      {date.source === 'sidecar' && <span class="date-source"> ({t('dateFromSidecar')})</span>}
    </>
  );
}
