import { uiLang } from './ui-lang';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date (`YYYY-MM-DD`) for reading. Formatted in UTC: the value is a
 * day, not an instant, and a local zone west of Greenwich would show the day before.
 */
export function formatIsoDate(iso: string, month: 'short' | 'long' = 'short'): string {
  const day = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return iso;
  const key = `${uiLang()}|${month}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(uiLang(), { year: 'numeric', month, day: 'numeric', timeZone: 'UTC' });
    formats.set(key, format);
  }
  return format.format(day);
}
