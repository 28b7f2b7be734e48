/**
 * What a saved page states about itself, checked before it is kept: the date
 * (a real calendar date and a real time, of a bounded length), the publisher
 * (as the page names itself, else a small map of news sites) and the byline.
 * Pure: strings in, strings out; `extract.ts` finds the candidates in the page.
 * A value that fails is no value: an article is undated or of unknown outlet
 * rather than given a wrong date or name.
 */

/** No real date is longer than "2020-01-01T10:15:30.123456789+03:30". */
const MAX_DATE_LENGTH = 40;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * "2020-07-22T09:30:00+04:30" → date "2020-07-22" and time "09:30", as the
 * page wrote them (no conversion to another zone); null for anything that is
 * not a real date and time in ISO 8601 form ("2020-02-30", "25:99", a 5 MB
 * string that starts like a date).
 */
export function checkedDate(value: string | null | undefined): { date: string; time?: string } | null {
  const text = value?.trim() ?? '';
  if (text.length === 0 || text.length > MAX_DATE_LENGTH) return null;
  const m = ISO.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) return { date };
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { date, time: `${m[4]}:${m[5]}` };
}

/** News sites by registrable domain (or host), for pages that do not name themselves. */
const NEWS_SITES: Record<string, string> = {
  'nytimes.com': 'The New York Times',
  'washingtonpost.com': 'The Washington Post',
  'wsj.com': 'The Wall Street Journal',
  'bbc.com': 'BBC News',
  'bbc.co.uk': 'BBC News',
  'theguardian.com': 'The Guardian',
  'reuters.com': 'Reuters',
  'apnews.com': 'Associated Press',
  'cnn.com': 'CNN',
  'foxnews.com': 'Fox News',
  'news.yahoo.com': 'Yahoo News',
  'aljazeera.com': 'Al Jazeera',
  'alarabiya.net': 'Al Arabiya',
  'france24.com': 'France 24',
  'dw.com': 'DW',
  'voanews.com': 'Voice of America',
  'rferl.org': 'Radio Free Europe/Radio Liberty',
  'polygraph.info': 'Polygraph.info',
  'presstv.ir': 'Press TV',
  'tehrantimes.com': 'Tehran Times',
  'irna.ir': 'IRNA',
  'tasnimnews.com': 'Tasnim News Agency',
  'mehrnews.com': 'Mehr News Agency',
  'iranintl.com': 'Iran International',
  'shafaq.com': 'Shafaq News',
  'rudaw.net': 'Rudaw',
  'kurdistan24.net': 'Kurdistan24',
  'ina.iq': 'Iraqi News Agency',
};

/** The news site a host belongs to, by the host itself or its registrable domain; null when the map does not know it. */
export function newsSiteOf(host: string, site: string): string | null {
  const name = host.toLowerCase().replace(/^www\./, '');
  return NEWS_SITES[name] ?? NEWS_SITES[site.toLowerCase()] ?? null;
}

/** A name as a page gives it: one line, trimmed, of a sane length; null when empty. */
export function cleanName(value: string | null | undefined, max = 120): string | null {
  const text = value?.replace(/\s+/g, ' ').trim() ?? '';
  return text.length > 0 && text.length <= max ? text : null;
}

/** `application-name` often carries a tagline ("Yahoo News - Latest News & Headlines"): the name is before it. */
export function applicationName(value: string | null | undefined): string | null {
  const name = cleanName(value);
  return name ? (cleanName(name.split(/\s+[-–—|:]\s+/)[0]) ?? name) : null;
}

/** "By Jane Doe" → "Jane Doe"; a bare "By" (a byline whose names were in script-filled markup) → null. */
export function cleanByline(value: string | null | undefined): string | null {
  return cleanName(value?.replace(/^\s*by\b[\s:]*/i, ''), 300);
}
