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

const yearFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The years two calendar dates fall in, as a span in the interface's calendar
 * and digits ("2018 – 2020", Persian "۱۳۹۷ تا ۱۳۹۹"); one year when both share it.
 * Computed from the dates, not from Gregorian years, since calendars' years do not line up.
 */
export function formatYearSpan(firstIso: string, lastIso: string): string {
  const first = new Date(`${firstIso}T00:00:00Z`);
  const last = new Date(`${lastIso}T00:00:00Z`);
  if (Number.isNaN(first.getTime()) || Number.isNaN(last.getTime())) return firstIso === lastIso ? firstIso : `${firstIso}–${lastIso}`;
  let format = yearFormats.get(uiLang());
  if (!format) {
    format = new Intl.DateTimeFormat(uiLang(), { year: 'numeric', timeZone: 'UTC' });
    yearFormats.set(uiLang(), format);
  }
  // formatRange collapses a shared year to one and uses the language's own range words.
  return format.formatRange(first, last);
}

/** A wall-clock time ("17:41") in the interface's digits (Persian ۱۷:۴۱), 24-hour as the articles give it. */
export function formatClock(iso: string, time: string): string {
  const at = new Date(`${iso}T${time}:00Z`);
  if (Number.isNaN(at.getTime())) return time;
  return new Intl.DateTimeFormat(uiLang(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(at);
}

/**
 * A time zone's name in the interface's language ("Iran Standard Time", Persian
 * "وقت عادی ایران") for the day the article gives; its IANA id when the browser
 * does not know the zone.
 */
export function formatZoneName(zone: string, iso: string): string {
  try {
    const parts = new Intl.DateTimeFormat(uiLang(), { timeZone: zone, timeZoneName: 'long' }).formatToParts(new Date(`${iso}T12:00:00Z`));
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
  } catch {
    return zone;
  }
}
