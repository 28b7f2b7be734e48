/**
 * Reads one seed article: recovers date, outlet, dateline, title, body
 * paragraphs and related headlines from the text itself. Nothing is guessed:
 * a fact the text does not state is null unless a sidecar gives it.
 */
import { splitSentences } from './sentences';
import type { Article, ArticleDate, ArticleOutlet } from './types';

export interface ArticleMeta {
  date?: string;
  time?: string;
  zone?: string;
  url?: string;
  outlet?: string;
  title?: string;
}

const ISO_DATE_LEAD = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*/;
const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};
const WRITTEN_DATE_LINE =
  /^\s*([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})(?: (\d{1,2}:\d{2}))?(?: ([A-Za-z]+(?:\/[A-Za-z_+-]+)+|[A-Z]{2,5}))?\s*$/;
const DATELINE = /^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})\s+[\u2014\u2013]\s+/;
const BYLINE_SLASH = /^([A-Z][\p{L}&.' ]{1,40}?)\s\/\s+/u;
const BYLINE_NEWS = /^([A-Z][\p{L} ]{1,30}?)\/[\p{L} ]{1,30} news:\s+/u;
const RELATED_HEADER = /^(related news|related stories|related|read more|see also|more on this)\s*:?\s*$/i;
const CREDIT = /^(.+?) contributed to this (?:story|report|article)\.?$/;
const REPORTED = /,\s+((?:the\s+)?[A-Z][\p{L}]+(?: [A-Z][\p{L}]+){0,3}) reported\./u;
const SIGN_OFF = /^[A-Z]{1,4}(?:\/[A-Z]{1,4})+$/;
const BULLET = /^\s*[\u2022\u25cf\u25aa*-]\s+(.+)$/;
const TITLE_MAX = 100;

function isoDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

function writtenDate(line: string): ArticleDate | null {
  const m = WRITTEN_DATE_LINE.exec(line);
  if (!m) return null;
  const key = m[1].slice(0, 3).toLowerCase();
  if (!Object.hasOwn(MONTHS, key)) return null;
  const month = MONTHS[key];
  const iso = `${m[3]}-${month}-${m[2].padStart(2, '0')}`;
  if (!isoDate(iso)) return null;
  const date: ArticleDate = { iso, text: line.trim(), source: 'text' };
  if (m[4]) date.time = m[4].padStart(5, '0');
  if (m[5]) date.zone = m[5];
  return date;
}

/** A headline in a related list: short, and not ending like a sentence of the body. */
function looksLikeHeadline(line: string): boolean {
  return line.length <= 160 && !/[.!?\u201d"\u2019)]$/.test(line);
}

/** The lead sentence, shortened at a word boundary with an ellipsis so nothing reads as a real headline. */
export function titleFromLead(paragraph: string): string {
  const first = splitSentences(paragraph)[0];
  const sentence = first ? paragraph.slice(first.start, first.end) : paragraph;
  if (sentence.length <= TITLE_MAX) return sentence;
  const cut = sentence.lastIndexOf(' ', TITLE_MAX - 1);
  return `${sentence.slice(0, cut > 40 ? cut : TITLE_MAX - 1).replace(/[\s,;:—–-]+$/, '')}…`;
}

export function parseArticle(id: string, text: string, meta: ArticleMeta = {}): Article {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+$/, ''));
  let date: ArticleDate | null = null;
  let dateline: string | null = null;
  let title: string | null = null;
  let outlet: ArticleOutlet | null = null;
  const paragraphs: string[] = [];
  const related: string[] = [];
  const credits: string[] = [];
  let inRelated = false;

  for (const raw of lines) {
    let line = raw.trim();
    if (line === '') continue;
    if (paragraphs.length === 0 && !date) {
      const written = writtenDate(line);
      if (written) {
        date = written;
        continue;
      }
      const iso = ISO_DATE_LEAD.exec(line);
      if (iso && isoDate(iso[1])) {
        date = { iso: iso[1], text: iso[1], source: 'text' };
        line = line.slice(iso[0].length);
        if (line === '') continue;
      }
    }
    if (paragraphs.length === 0 && title === null) {
      const bullet = BULLET.exec(raw);
      if (bullet) {
        title = bullet[1].trim();
        continue;
      }
    }
    // Sites repeat the headline under the bullet; the repeat is not body text.
    if (paragraphs.length === 0 && title !== null && line === title) continue;
    if (RELATED_HEADER.test(line)) {
      inRelated = true;
      continue;
    }
    if (inRelated && looksLikeHeadline(line)) {
      related.push(line);
      continue;
    }
    inRelated = false;
    const credit = CREDIT.exec(line);
    if (credit) {
      credits.push(line);
      if (!outlet) outlet = { name: credit[1], how: 'contributed', source: 'text' };
      continue;
    }
    if (SIGN_OFF.test(line)) continue;
    if (paragraphs.length === 0) {
      const dl = DATELINE.exec(line);
      if (dl) {
        dateline = dl[1];
        line = line.slice(dl[0].length);
      }
    }
    const byline = BYLINE_SLASH.exec(line) ?? BYLINE_NEWS.exec(line);
    if (byline && paragraphs.length <= 1) {
      outlet = { name: byline[1].trim(), how: 'byline', source: 'text' };
      line = line.slice(byline[0].length);
    }
    paragraphs.push(line);
  }

  if (!outlet) {
    for (const p of paragraphs) {
      const m = REPORTED.exec(p);
      if (m) {
        outlet = { name: m[1].replace(/^the\s+/, ''), how: 'reported', source: 'text' };
        break;
      }
    }
  }
  return applyMeta(
    {
      id,
      title: title ?? (paragraphs[0] ? titleFromLead(paragraphs[0]) : id),
      titleFromLead: title === null,
      date,
      outlet,
      dateline,
      url: null,
      paragraphs,
      related,
      credits,
    },
    meta,
  );
}

/** A maintainer's sidecar wins over the text, and says so. */
function applyMeta(article: Article, meta: ArticleMeta): Article {
  const out = { ...article };
  if (meta.date) {
    out.date = { iso: meta.date, text: meta.date, source: 'sidecar' };
    if (meta.time) out.date.time = meta.time;
    if (meta.zone) out.date.zone = meta.zone;
  }
  if (meta.outlet) out.outlet = { name: meta.outlet, how: 'sidecar', source: 'sidecar' };
  if (meta.url) out.url = meta.url;
  if (meta.title) {
    out.title = meta.title;
    out.titleFromLead = false;
  }
  return out;
}

/** Validates a parsed sidecar; returns the problems in words a maintainer can act on. */
export function validateMeta(value: unknown): { meta: ArticleMeta; problems: string[] } {
  const problems: string[] = [];
  const meta: ArticleMeta = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { meta, problems: ['must be a JSON object such as {"date": "2020-07-22", "outlet": "Tehran Times"}'] };
  }
  const allowed = new Set(['date', 'time', 'zone', 'url', 'outlet', 'title']);
  for (const [key, v] of Object.entries(value)) {
    if (!allowed.has(key)) {
      problems.push(`unknown field "${key}" (allowed: ${[...allowed].join(', ')})`);
      continue;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      problems.push(`"${key}" must be a non-empty string`);
      continue;
    }
    meta[key as keyof ArticleMeta] = v.trim();
  }
  if (meta.date && !(/^\d{4}-\d{2}-\d{2}$/.test(meta.date) && isoDate(meta.date))) {
    problems.push(`"date" must be a real date written YYYY-MM-DD, not "${meta.date}"`);
    delete meta.date;
  }
  if (meta.time && !/^\d{2}:\d{2}$/.test(meta.time)) {
    problems.push(`"time" must be HH:MM, not "${meta.time}"`);
    delete meta.time;
  }
  if (meta.url && !/^https?:\/\/\S+$/.test(meta.url)) {
    problems.push(`"url" must be an http(s) address, not "${meta.url}"`);
    delete meta.url;
  }
  return { meta, problems };
}
