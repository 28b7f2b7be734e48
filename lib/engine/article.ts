/**
 * Reads one seed article: recovers date, outlet, dateline, title, body
 * paragraphs and related headlines from the text itself. Nothing is guessed:
 * a fact the text does not state is null unless a sidecar gives it.
 *
 * The outlet is the publisher, and only what the text says published it: a
 * byline prefix (`Shafaq News /`, `Shafaq News/`, `Islam Times -`,
 * `Iran Press/Iran news:`) or a wire dateline (`BAGHDAD (Reuters) -`,
 * `TEHRAN, Jun. 26 (MNA) –`, `(AP) —`). An outlet the text only cites or
 * credits (`…, Mehr reported.`, `according to IRNA`, `told Tasnim news
 * agency`, `X contributed to this story`) is one of the article's `sources`
 * (see `findSources`), never its publisher.
 */
import { PLACE_WORDS } from './discovery/lexicon';
import { isKnownOutlet, KNOWN_OUTLET_NAMES, outletFullName } from './known';
import { splitSentences } from './sentences';
import type { Article, ArticleDate, ArticleOutlet, ArticleSource } from './types';

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
/**
 * A wire dateline naming the agency in brackets: `BAGHDAD (Reuters) -`,
 * `TEHRAN, Jun. 26 (MNA) –`, `Baghdad, 20 March 2023 (TDI):`, `(AP) —`.
 * Group 1 is the place (the dateline), group 2 the agency as written; what
 * sits between a comma and the bracket (a date, a country) is dropped, never
 * read as the article's date.
 */
const AGENCY_DATELINE =
  /^(?:(\p{Lu}[\p{L}.'\u2019-]*(?: \p{Lu}[\p{L}.'\u2019-]*){0,3})(?:,\s[^()\n]{1,30}?)?\s)?\((\p{Lu}[\p{L}\d&.'\u2019-]*(?: [\p{Lu}\d][\p{L}\d&.'\u2019-]*){0,3}|\p{Ll}{2,5})\)\s?(?:[-\u2013\u2014]\s|:\s)/u;
/** `Shafaq News / …` or `Shafaq News/ …`: a space on at least one side, so `Iran/Iraq` is not a byline. */
const BYLINE_SLASH = /^([A-Z][\p{L}&.' ]{1,40}?)(?:\s\/\s*|\/\s+)/u;
const BYLINE_NEWS = /^([A-Z][\p{L} ]{1,30}?)\/[\p{L} ]{1,30} news:\s+/u;
/**
 * Words a newspaper's or broadcaster's name is built on. A prefix before a
 * dash is a byline only when its name ends in one (`Islam Times -`), because
 * `Baghdad -` is a dateline; a cited name counts as a news outlet when it
 * holds one (`Indo-Asian News Service`, `The New York Times`).
 */
const MEDIA_WORDS =
  'News|Times|Post|Press|Tribune|Herald|Journal|Gazette|Observer|Monitor|Telegraph|Chronicle|Daily|TV|Television|Radio|Broadcasting|Channel|Wire|Dispatch|Courier|Magazine|Weekly';
const BYLINE_DASH = new RegExp(`^((?:\\p{Lu}[\\p{L}'\u2019.&-]*\\s){1,3}(?:${MEDIA_WORDS}))\\s+[-\u2013\u2014]\\s+`, 'u');
const RELATED_HEADER = /^(related news|related stories|related|read more|see also|more on this)\s*:?\s*$/i;
const CREDIT = /^(.+?) contributed to this (?:story|report|article)\.?$/;
const SIGN_OFF = /^[A-Z]{1,4}(?:\/[A-Z]{1,4})+$/;
/**
 * Lines a saved page carries that are not the article: a copyright line ("© 2011 FOX News Network"),
 * a "from X https://…" footer, a photo credit, a video player's labels and times ("0:00/2:33").
 */
const NOT_TEXT = [
  /^(?:©|\(c\)\s|copyright\b)/i,
  /\ball rights reserved\.?$/i,
  /^from\s+\p{Lu}[^\n]{0,80}\shttps?:\/\/\S+$/u,
  /^(?:photo|image|picture|video)(?:\s+credit)?\s*[:/|-]\s*\S.{0,80}$/i,
  /^\(?(?:photo|image):[^)]{0,80}\)?$/i,
  /^\d{1,2}:\d{2}(?:\s*\/\s*\d{1,2}:\d{2})?$/,
  /^(?:video|transcript|watch|play|pause|replay|bars|advertisement)$/i,
];
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

/** "(UrduPoint News / Sputnik - 18th June, 2020)": a republisher, the wire it carries, a date. The wire is the outlet. */
const BRACKET_WIRE = /^(\p{Lu}[\p{L}.'\u2019-]*(?: \p{Lu}[\p{L}.'\u2019-]*){0,3})\s\([^()/]{2,40}\s\/\s([^()/\u2013-]{2,30}?)\s[-\u2013\u2014]\s[^()]{1,30}\)\s*/u;
/** "BEIRUT, LEBANON (10:10 A.M.) –": a dateline with the time, and no outlet. */
const TIMED_DATELINE = /^(\p{Lu}{3,}(?:,\s\p{Lu}{3,})?)\s\(\d{1,2}:\d{2}[^)]{0,10}\)\s*[-\u2013\u2014]{1,2}\s+/u;
/**
 * "Tehran, IRNA –", "SHAFAQNA- ", "NCRI – ", "Sputnik - ", "Baghdad / Al-Akhbariya: ": an agency
 * before a dash, a colon or after a place and a slash. The name must be an outlet every desk knows or
 * an acronym of two to four letters that is no place ("BAGHDAD –", "THERAN –" are datelines); what
 * stands before it is the dateline.
 */
const AGENCY_LEAD =
  /^(?:(\p{Lu}[\p{L}'\u2019.-]*(?: \p{Lu}[\p{L}'\u2019.-]*)?)(?:,\s|\s\/\s))?(\p{Lu}[\p{L}\d&'\u2019.-]*(?: [\p{Lu}\d][\p{L}\d&'\u2019.-]*){0,2})\s?(?:[-\u2013\u2014]{1,2}|:)\s+/u;
/** "ERBIL, Kurdistan Region - ", "TEHRAN -- ", "BAGHDAD: ": a city in capitals opening the lead. */
const PLAIN_DATELINE = /^(\p{Lu}{3,}(?:[ -]\p{Lu}{3,})?)(?:,\s\p{Lu}[\p{L} ]{2,30}?)?\s?(?:\s[-\u2013\u2014]{1,2}|:)\s+/u;

const isPlaceName = (word: string) => PLACE_WORDS.has(word) || PLACE_WORDS.has(word.charAt(0) + word.slice(1).toLowerCase());

/** The dateline and the outlet a lead opens with, and how many characters they take. */
function leadByline(line: string): { dateline: string | null; outlet: string | null; length: number } | null {
  const wire = AGENCY_DATELINE.exec(line);
  if (wire) return { dateline: wire[1] ?? null, outlet: wire[2], length: wire[0].length };
  const bracket = BRACKET_WIRE.exec(line);
  if (bracket) return { dateline: bracket[1], outlet: bracket[2].trim(), length: bracket[0].length };
  const agency = AGENCY_LEAD.exec(line);
  if (agency && (!agency[1] || isPlaceName(agency[1].split(' ')[0]))) {
    // "Baghdad / Al-Akhbariya:": after a place and a slash, any name is the outlet.
    const slashed = agency[1] !== undefined && agency[0].slice(agency[1].length).startsWith(' /');
    if (slashed || isKnownOutlet(agency[2]) || (/^\p{Lu}{2,4}$/u.test(agency[2]) && !isPlaceName(agency[2]))) {
      return { dateline: agency[1] ?? null, outlet: agency[2], length: agency[0].length };
    }
  }
  const timed = TIMED_DATELINE.exec(line) ?? DATELINE.exec(line);
  if (timed) return { dateline: timed[1], outlet: null, length: timed[0].length };
  const plain = PLAIN_DATELINE.exec(line);
  // A place, or a word of five capitals or more (a city the lists do not hold, or misspell): agencies are shorter.
  if (plain && (isPlaceName(plain[1].split(/[ -]/)[0]) || /^\p{Lu}{5,}/u.test(plain[1]))) return { dateline: plain[1], outlet: null, length: plain[0].length };
  return null;
}

/** The publisher a byline names, by its full name, with the form the text wrote where that differs. */
function bylineOutlet(written: string): ArticleOutlet {
  const name = outletFullName(written);
  return name === written ? { name, how: 'byline', source: 'text' } : { name, how: 'byline', source: 'text', written };
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
  const sources: ArticleSource[] = [];
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
      sources.push(...contributors(credit[1]));
      continue;
    }
    if (SIGN_OFF.test(line) || NOT_TEXT.some((r) => r.test(line))) continue;
    if (paragraphs.length === 0) {
      const lead = leadByline(line);
      if (lead) {
        dateline = lead.dateline;
        line = line.slice(lead.length);
        if (lead.outlet) outlet = bylineOutlet(lead.outlet);
      }
    }
    const byline = paragraphs.length <= 1 ? (BYLINE_NEWS.exec(line) ?? BYLINE_SLASH.exec(line) ?? BYLINE_DASH.exec(line)) : null;
    if (byline) {
      outlet ??= bylineOutlet(byline[1].trim());
      line = line.slice(byline[0].length);
    }
    sources.push(...findSources(line));
    paragraphs.push(line);
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
      sources: onceEach(sources),
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

/*
 * Sources: outlets an article cites or credits. Each rule is a phrase of news
 * English followed or preceded by a name:
 *
 * - contributed: `IRNA, Press TV and Tasnim News Agency contributed to this story.` (one source per listed name)
 * - reported: `…, Mehr reported.` / `…, the National reported on Monday.` (any name closing its clause);
 *   `The New York Times is reporting that`, `as reported by X`, `a report in X` (a news outlet only)
 * - according-to: `according to X`, `citing X` (a news outlet only: `according to Zarif` is a person)
 * - quoted-by: `was quoted as saying by X`, `quoted by X`, `X quoted him as saying` (a news outlet only)
 * - interview: `in an interview with X`, `told X` (a news outlet only: `told reporters`, `told Zarif` are not)
 *
 * A name is what the text writes, without the words around it: `Iran's
 * official IRNA news agency` is `IRNA`, `Arabic-language al-Maalomah news
 * agency` is `al-Maalomah`, `the Iranian Mehr News Agency` is `Mehr News
 * Agency`. A leading `the` is kept, capitalised, when it directly precedes a
 * newspaper-like name (`the National reported` → `The National`,
 * `The New York Times`), because that is the paper's proper name; it is dropped
 * before an acronym or an agency (`the IRNA`, `the Mehr News Agency`).
 *
 * "A news outlet" means the name holds a masthead word (MEDIA_WORDS), a word
 * beside it says so (`news agency`, `newspaper`, `the daily X`, `X published
 * on Saturday`), or it is one of the wire services and broadcasters every
 * desk knows (WIRES). Anything else is left out: a source is never guessed.
 */
const WIRES: ReadonlySet<string> = new Set(KNOWN_OUTLET_NAMES);
const MEDIA_WORD = new RegExp(`^(?:${MEDIA_WORDS})$`);
/** Lowercase words that say what kind of outlet a name is; they are not part of the name. */
const KIND = new Set(['news', 'agency', 'website', 'site', 'newspaper', 'paper', 'daily', 'television', 'channel', 'broadcaster', 'radio', 'outlet', 'network', 'magazine', 'weekly', 'wire', 'service', 'portal']);
/** …and those of them that make it a news outlet (`the Haqqani network`, `the UN agency` are not). */
const MEDIA_KIND = new Set(['news', 'website', 'newspaper', 'paper', 'daily', 'television', 'channel', 'broadcaster', 'radio', 'outlet', 'magazine', 'weekly', 'wire']);
/** Lowercase words that may stand between `the` and a name: `the official`, `the state-run`. */
const DESCRIBING = new Set(['official', 'state', 'local', 'private', 'independent', 'leading', 'prominent', 'popular', 'online', 'satellite', 'government', 'opposition', 'conservative', 'reformist', 'hardline', 'national', 'regional', 'international', 'foreign']);
/** Capitalised words that describe rather than name: `Iranian`, `Iraqi`, `Kurdish`, `Chinese`. */
const DEMONYM = /^\p{Lu}\p{Ll}+(?:ian|ean|ese|ish|i)$|^(?:American|Arab|French|Dutch|Greek|Swiss|Thai|Afghan)$/u;
/** Capitalised words that, alone or with a demonym, do not name one outlet (`News Agency`). */
const GENERIC = new Set(['News', 'Agency', 'Service', 'Press', 'Network', 'Television', 'TV', 'Radio', 'Media', 'Online', 'Daily', 'Wire', 'Channel', 'Broadcasting', 'Corporation', 'Company', 'Group']);
/** A name ending in one of these is an institution speaking for itself (`the Press Office`), not an outlet. */
const INSTITUTION = new Set(['Office', 'Ministry', 'Council', 'Committee', 'Department', 'Command', 'Cell', 'Secretary', 'Spokesman', 'Spokesperson', 'Commission', 'Directorate', 'Bureau', 'Organization', 'Organisation', 'Authority', 'Forces', 'Army', 'Party', 'Government', 'Embassy']);
/** Capitalised words that end a name: `told Reuters Saturday`. */
const NOT_NAME = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|I)$/;
const NAME_WORD = /^(?:(?:al|el|ad|an|ar|as|at|az|ash)-)?[\p{Lu}\d][\p{L}\d'\u2019.&+/-]*$/u;
const POSSESSIVE = /['\u2019]s$|s['\u2019]$/;
const ADJECTIVE_COMPOUND = /-(?:language|owned|run|based|affiliated|backed|linked|funded|controlled|aligned|official|government)$/i;
/** What may follow a cited name in its clause: `told Reuters on Monday`, `interview with Tasnim published…`. */
const AFTER_NAME = new Set([
  'said', 'says', 'published', 'broadcast', 'aired', 'reported', 'on', 'in', 'at', 'as', 'quoting', 'citing', 'which', 'that', 'who',
  'was', 'is', 'has', 'had', 'late', 'early', 'last', 'this', 'earlier', 'also', 'and', 'for', 'when', 'while', 'after', 'before',
  'from', 'to', 'with', 'by', 'reporter', 'reporters', 'correspondent',
]);
const PUBLISHED = new Set(['published', 'broadcast', 'aired']);
/** Where a clause ends, for the text before or after a phrase. */
const CLAUSE_END = /[,;:!?()[\]"\u201c\u201d\u2018]|\.(?=\s|$|\p{Lu})|\s[-\u2013\u2014]\s/u;

interface CitedName {
  name: string;
  /** Tokens read, from the first. */
  used: number;
  media: boolean;
}

const isNameWord = (w: string) => NAME_WORD.test(w) && !POSSESSIVE.test(w) && !NOT_NAME.test(w) && /\p{L}/u.test(w);

/** Reads `[the] [describing words] [kind] Name [kind]` from the start of `words`. */
function readName(words: string[]): CitedName | null {
  let i = 0;
  let the = false;
  let media = false;
  if (/^(?:the|The|a|an)$/.test(words[0] ?? '')) {
    the = /^the$/i.test(words[0]);
    i++;
  }
  const start = i;
  while (i < words.length && i - start < 4) {
    const w = words[i];
    if (POSSESSIVE.test(w) || ADJECTIVE_COMPOUND.test(w) || DESCRIBING.has(w)) i++;
    else if (KIND.has(w)) {
      media ||= MEDIA_KIND.has(w);
      i++;
    } else break;
  }
  if (i > start) the = false;
  const run: string[] = [];
  while (i < words.length) {
    const w = words[i];
    if (isNameWord(w)) run.push(w);
    else if (run.length > 0 && (w === 'of' || w === 'al') && isNameWord(words[i + 1] ?? '')) run.push(w);
    else break;
    i++;
  }
  // `Iranian Mehr News Agency` is Mehr's; `Iraqi News Agency` and `Indo-Asian News Service` are names whole.
  let first = 0;
  while (first < run.length - 1 && DEMONYM.test(run[first]) && run.slice(first + 1).some((w) => !GENERIC.has(w) && !DEMONYM.test(w))) first++;
  const name = run.slice(first);
  if (first > 0) the = false;
  if (!name.some((w) => !DEMONYM.test(w) && /\p{L}/u.test(w))) return null;
  while (i < words.length && KIND.has(words[i])) {
    media ||= MEDIA_KIND.has(words[i]);
    i++;
  }
  if (PUBLISHED.has(words[i] ?? '')) media = true;
  const last = name[name.length - 1];
  if (INSTITUTION.has(last)) media = false;
  else if (name.some((w) => MEDIA_WORD.test(w)) || WIRES.has(name.join(' '))) media = true;
  const agencyLike = /^(?:Agency|Service)$/.test(last) || name.every((w) => /^[\p{Lu}\d&.-]+$/u.test(w));
  return { name: `${the && !agencyLike ? 'The ' : ''}${name.join(' ')}`, used: i, media };
}

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/** The name that starts the clause after `at` (`according to ⟨X⟩, …`), when it is the whole of what is named there. */
function nameAfter(text: string, at: number): CitedName | null {
  const rest = text.slice(at);
  const end = CLAUSE_END.exec(rest);
  const words = wordsOf(end ? rest.slice(0, end.index) : rest);
  const found = readName(words);
  if (!found) return null;
  const next = words[found.used];
  return next === undefined || AFTER_NAME.has(next) ? found : null;
}

/** The name that makes up the whole clause before `at` (`…, ⟨Mehr⟩ reported`), and whether a comma opens that clause. */
function nameBefore(text: string, at: number): (CitedName & { afterComma: boolean }) | null {
  const head = text.slice(0, at);
  let cut = 0;
  for (const m of head.matchAll(new RegExp(CLAUSE_END.source, 'gu'))) cut = m.index + m[0].length;
  const words = wordsOf(head.slice(cut));
  const found = readName(words);
  if (!found || found.used !== words.length) return null;
  return { ...found, afterComma: head[cut - 1] === ',' };
}

type How = ArticleSource['how'];
const FOLLOWED: [RegExp, How][] = [
  [/\baccording to\s+/gi, 'according-to'],
  [/\bciting\s+/g, 'according-to'],
  [/\bquoted (?:as saying )?by\s+/g, 'quoted-by'],
  [/\binterviews? with\s+/g, 'interview'],
  [/\btold\s+/g, 'interview'],
  [/\b(?:reported|a report|reports) (?:by|in)\s+/g, 'reported'],
];
const REPORTING_VERB = /\b(?:(?:has|had) reported|reported|is reporting|was reporting)\b/g;
const QUOTING_VERB = /\bquoted(?=\s[^.,;]{1,80}?\sas saying\b)/g;
/** What may follow a closing `…, Mehr reported`: the end of the clause, or a day. */
const CLAUSE_CLOSE = /^(?:\s+on\s+\p{Lu}\p{Ll}+)?\s*(?:[.,;]|$)/u;

/** The outlets one paragraph cites, in the order it names them. */
export function findSources(paragraph: string): ArticleSource[] {
  const found: { at: number; source: ArticleSource }[] = [];
  for (const [phrase, how] of FOLLOWED) {
    for (const m of paragraph.matchAll(phrase)) {
      const at = m.index + m[0].length;
      const cited = nameAfter(paragraph, at);
      if (cited?.media) found.push({ at, source: { name: cited.name, how } });
    }
  }
  for (const [verb, how] of [
    [REPORTING_VERB, 'reported'],
    [QUOTING_VERB, 'quoted-by'],
  ] as const) {
    for (const m of paragraph.matchAll(verb)) {
      const cited = nameBefore(paragraph, m.index);
      if (!cited) continue;
      const closes = how === 'reported' && cited.afterComma && CLAUSE_CLOSE.test(paragraph.slice(m.index + m[0].length));
      if (cited.media || closes) found.push({ at: m.index, source: { name: cited.name, how } });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.source);
}

/** Each outlet a contributors line lists: `IRNA, Press TV and Tasnim News Agency`. */
function contributors(list: string): ArticleSource[] {
  return list.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).flatMap((item) => {
    const words = wordsOf(item);
    const cited = readName(words);
    return cited && cited.used === words.length ? [{ name: cited.name, how: 'contributed' as const }] : [];
  });
}

/** The first mention of each outlet, compared without case. */
function onceEach(sources: ArticleSource[]): ArticleSource[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = s.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
