import type { TimelinePoint } from '../lib/messages';
import { t, uiDirection } from '../lib/i18n';
import { formatIsoDate } from './dates';
import { counted, formatCount } from './format';

const W = 320;
const H = 80;
const PAD = 8;
const AXIS_Y = 54;
const BAR_MAX = 46;
const BAR_W = 8;
/** Room kept at the end for the undated column, apart from the time axis. */
const UNDATED_W = 58;

type Dated = TimelinePoint & { date: string };

const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function summary(name: string, dated: Dated[], undated: TimelinePoint | null): string {
  const count = (p: TimelinePoint) => p.said + p.about;
  const parts: string[] = [];
  const datedTotal = dated.reduce((n, p) => n + count(p), 0);
  if (dated.length === 1) parts.push(t('timelineDatedOn', counted('statementCount', datedTotal), formatIsoDate(dated[0].date)));
  else if (dated.length > 1) parts.push(t('timelineDatedRange', counted('statementCount', datedTotal), formatIsoDate(dated[0].date), formatIsoDate(dated[dated.length - 1].date)));
  if (undated) parts.push(t('timelineUndated', counted('statementCount', count(undated))));
  return `${t('timelineTitle', name)}: ${parts.join('; ')}`;
}

function Bar({ x, point, scale }: { x: number; point: TimelinePoint; scale: number }) {
  const said = point.said * scale;
  const about = point.about * scale;
  return (
    <g>
      {said > 0 && <rect class="iic-tl-said" x={x - BAR_W / 2} y={AXIS_Y - said} width={BAR_W} height={said} />}
      {about > 0 && <rect class="iic-tl-about" x={x - BAR_W / 2} y={AXIS_Y - said - about} width={BAR_W} height={about} />}
    </g>
  );
}

/**
 * Statements about one name over the dates of their articles. Undated articles
 * get a column of their own past a break in the axis: they have no place in time.
 */
/**
 * A label's placement on the left-to-right time axis, whatever the direction
 * of its words: SVG anchors "start" and "end" follow the text's direction, so
 * a label that must hang rightwards from its point is "start" in a
 * left-to-right language and "end" in a right-to-left one.
 */
function anchors(direction: 'ltr' | 'rtl') {
  const rtl = direction === 'rtl';
  return { rightwards: rtl ? 'end' : 'start', leftwards: rtl ? 'start' : 'end', centred: 'middle' } as const;
}

export function Timeline({ points, name }: { points: TimelinePoint[]; name: string }) {
  const dated = points.filter((p): p is Dated => p.date !== null).sort((a, b) => dayMs(a.date) - dayMs(b.date));
  const loose = points.filter((p) => p.date === null);
  const undated = loose.length ? { date: null, said: loose.reduce((n, p) => n + p.said, 0), about: loose.reduce((n, p) => n + p.about, 0) } : null;
  const max = Math.max(0, ...points.map((p) => p.said + p.about));
  if (max === 0) return <p class="iic-muted iic-timeline-empty">{t('timelineEmpty')}</p>;
  const scale = BAR_MAX / max;
  const right = undated ? W - PAD - UNDATED_W : W - PAD;
  const first = dated.length ? dayMs(dated[0].date) : 0;
  const span = dated.length ? dayMs(dated[dated.length - 1].date) - first : 0;
  const x = (p: Dated) => (span === 0 ? (PAD + right) / 2 : PAD + BAR_W / 2 + ((dayMs(p.date) - first) / span) * (right - PAD - BAR_W));
  const undatedX = W - PAD - UNDATED_W / 2;
  // The chart runs left to right; each label is its own isolated run in the interface's direction,
  // so a Persian or Arabic date reads in its own order ("۲۹ مرداد ۱۳۹۷"), not scrambled by the chart's.
  const direction = uiDirection();
  const anchor = anchors(direction);
  const label = { class: 'iic-tl-label', direction, 'unicode-bidi': 'isolate', y: AXIS_Y + 16 } as const;
  return (
    <div class="iic-timeline" data-undated={undated ? String(undated.said + undated.about) : '0'}>
      <svg class="iic-timeline-chart" role="img" aria-label={summary(name, dated, undated)} viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="xMidYMid meet">
        <line class="iic-tl-axis" x1={PAD} x2={right} y1={AXIS_Y} y2={AXIS_Y} />
        {dated.map((p) => (
          <Bar key={p.date} x={x(p)} point={p} scale={scale} />
        ))}
        {dated.length === 1 && (
          <text {...label} x={x(dated[0])} text-anchor={anchor.centred}>
            {formatIsoDate(dated[0].date)}
          </text>
        )}
        {dated.length > 1 && (
          <>
            <text {...label} x={PAD} text-anchor={anchor.rightwards}>
              {formatIsoDate(dated[0].date)}
            </text>
            <text {...label} x={right} text-anchor={anchor.leftwards}>
              {formatIsoDate(dated[dated.length - 1].date)}
            </text>
          </>
        )}
        {dated.length === 0 && (
          <text {...label} x={(PAD + right) / 2} text-anchor={anchor.centred}>
            {t('timelineNoDates')}
          </text>
        )}
        {undated && (
          <>
            <line class="iic-tl-break" x1={right + 10} x2={right + 10} y1={AXIS_Y - BAR_MAX} y2={AXIS_Y + 4} />
            <line class="iic-tl-axis" x1={undatedX - 14} x2={undatedX + 14} y1={AXIS_Y} y2={AXIS_Y} />
            <Bar x={undatedX} point={undated} scale={scale} />
            <text {...label} x={undatedX} text-anchor={anchor.centred}>
              {t('undated')}
            </text>
          </>
        )}
      </svg>
      <p class="iic-timeline-legend" aria-hidden="true">
        <span class="iic-tl-key iic-tl-key-said" />
        {t('legendQuotes')}
        <span class="iic-tl-key iic-tl-key-about" />
        {t('legendMentions')}
      </p>
      <table class="iic-visually-hidden">
        <caption>{t('timelineTitle', name)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columnDate')}</th>
            <th scope="col">{t('legendQuotes')}</th>
            <th scope="col">{t('legendMentions')}</th>
          </tr>
        </thead>
        <tbody>
          {[...dated, ...(undated ? [undated] : [])].map((p) => (
            <tr key={p.date ?? 'undated'}>
              <th scope="row">{p.date ? formatIsoDate(p.date, 'long') : t('undated')}</th>
              <td>{formatCount(p.said)}</td>
              <td>{formatCount(p.about)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
