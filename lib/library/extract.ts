/**
 * Readability (the library behind Firefox's Reader View) over a copy of the
 * page, parsed in one of the extension's own documents: never in the page and
 * never in the always-loaded content script. This module is imported lazily
 * (the Firefox background page, Chrome's offscreen document), so neither the
 * content script nor a service worker start pays for it.
 *
 * The copy comes from `DOMParser`, which runs no script and loads nothing;
 * the text is read with `textContent` and leaves as plain strings.
 */
import { Readability } from '@mozilla/readability';
import { getDomain } from 'tldts';
import type { Extraction } from './format';
import { applicationName, checkedDate, cleanByline, cleanName, newsSiteOf } from './page-facts';

/** Less article text than this is a page of links or a teaser, not an article. */
const MIN_ARTICLE_CHARS = 200;
/** More page text than this (characters, outside scripts and styles) is refused before Readability reads it: no article is that long, and reading it would hold the extraction for a minute. */
export const MAX_PAGE_TEXT = 2_000_000;
const BLOCKS = 'p, li, blockquote, h2, h3, h4, h5, h6, pre';

type Candidate = string | null | undefined;

/** JSON-LD blocks of the page, parsed; a broken one is the page's problem and is skipped. */
function jsonLd(doc: Document): unknown[] {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].flatMap((script) => {
    try {
      return [JSON.parse(script.textContent ?? '')];
    } catch {
      return [];
    }
  });
}

/** The page's own nodes in JSON-LD: top-level objects, arrays of them and `@graph` members (not what they review or cite). */
function ldNodes(value: unknown, depth = 0): Record<string, unknown>[] {
  if (depth > 4 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v) => ldNodes(v, depth + 1));
  const node = value as Record<string, unknown>;
  return [node, ...ldNodes(node['@graph'], depth + 1)];
}

const metaContent = (doc: Document, selector: string): Candidate => {
  const meta = doc.querySelector(selector);
  // Some sites (the New York Times) put the value in `value`, not `content`.
  return meta?.getAttribute('content') ?? meta?.getAttribute('value');
};

/**
 * The date the page says it was published, from the first of these that holds
 * a real date: JSON-LD `datePublished`, `article:published_time` (`content`
 * or `value`), `itemprop=datePublished`, a `<time datetime>` (one marked as
 * the publication's first), Dublin Core `dc.date`; null when none does.
 */
export function publishedDate(doc: Document): string | null {
  const nodes = jsonLd(doc).flatMap((v) => ldNodes(v));
  const times = [...doc.querySelectorAll('time[datetime]')].filter((t) => !/modif|updat/i.test(`${t.getAttribute('itemprop') ?? ''} ${t.className}`));
  const preferred = times.find((t) => t.hasAttribute('pubdate') || /publish/i.test(`${t.getAttribute('itemprop') ?? ''} ${t.className}`));
  const candidates: (() => Candidate)[] = [
    ...nodes.map((n) => () => (typeof n.datePublished === 'string' ? n.datePublished : null)),
    () => metaContent(doc, 'meta[property="article:published_time"], meta[name="article:published_time"]'),
    () => {
      const el = doc.querySelector('[itemprop="datePublished"]');
      return el?.getAttribute('content') ?? el?.getAttribute('datetime');
    },
    () => (preferred ?? times[0])?.getAttribute('datetime'),
    () => metaContent(doc, 'meta[name="dc.date" i], meta[name="dc.date.issued" i], meta[name="dcterms.date" i]'),
  ];
  for (const candidate of candidates) {
    const value = candidate()?.trim();
    if (value && checkedDate(value)) return value;
  }
  return null;
}

/** Who publishes the page: JSON-LD `publisher`, `og:site_name`, `application-name`, then the news site its address belongs to; null when none says. */
export function publisherOf(doc: Document, url: string): string | null {
  for (const node of jsonLd(doc).flatMap((v) => ldNodes(v))) {
    const publisher = (Array.isArray(node.publisher) ? node.publisher[0] : node.publisher) as Record<string, unknown> | string | undefined;
    const name = cleanName(typeof publisher === 'string' ? publisher : typeof publisher?.name === 'string' ? publisher.name : null);
    if (name) return name;
  }
  const stated = cleanName(metaContent(doc, 'meta[property="og:site_name"], meta[name="og:site_name"]')) ?? applicationName(metaContent(doc, 'meta[name="application-name"]'));
  if (stated) return stated;
  try {
    const address = new URL(url);
    return newsSiteOf(address.hostname, siteOf(address));
  } catch {
    return null;
  }
}

/**
 * What around an article is not its text: players, transcripts, captions and
 * credits, slideshows, "read more", related and newsletter boxes, share
 * buttons. Matched by tag, or by a word in the element's class, id, test id or
 * label; an element that holds most of the page's paragraphs is never one.
 */
const CLUTTER_TAGS = 'video, audio, iframe, object, embed, figcaption, form, button, [role="dialog"], [aria-modal="true"]';
const CLUTTER_WORDS = /video|player|transcript|caption|credit|attribution|slideshow|gallery|carousel|read-?more|related|recommend|newsletter|sign-?up|opt-?in|subscribe|promo|share|social|user-interaction/i;
const NOT_TEXT = 'script, style, noscript, template';

function removeClutter(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const paragraphText = (root: ParentNode) => [...root.querySelectorAll('p')].reduce((n, p) => n + (p.textContent?.length ?? 0), 0);
  const total = paragraphText(body);
  const marked = [...body.querySelectorAll<HTMLElement>('[class], [id], [data-testid], [aria-label]')].filter((el) =>
    CLUTTER_WORDS.test([el.getAttribute('class'), el.id, el.getAttribute('data-testid'), el.getAttribute('aria-label')].join(' ')),
  );
  for (const el of [...body.querySelectorAll(CLUTTER_TAGS), ...marked]) {
    if (!el.isConnected || el.matches('article, main') || el.querySelector('article, main')) continue;
    if (total > 0 && paragraphText(el) > total / 2) continue;
    el.remove();
  }
}

/** Classes of the lines around an article's text that state its facts (kept apart, not as paragraphs). */
const FACT_LINES = /byline|author|dateline|timestamp|tmstmp|published|updated|vcard|source-org|contributor|kicker|section-title|eyebrow/i;
const SENTENCE = /[.!?؟。:"”»]/;
const YEAR = /\b(19|20)\d\d\b/;

/** Paragraph texts of Readability's article, outermost blocks only (a `p` inside a `blockquote` once), without its furniture. */
function paragraphsOf(content: string, parser: DOMParser, title: string): string[] {
  const body = parser.parseFromString(content, 'text/html').body;
  const blocks = [...body.querySelectorAll(BLOCKS)].filter((el) => !el.parentElement?.closest(BLOCKS));
  const texts = (blocks.length ? blocks : [body]).flatMap((el) => {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text === title) return [];
    // A line of the article's facts (byline, date, source), a link alone (share, "read more", a section): not its text.
    if (el.closest('[class]') && [...ancestors(el)].some((a) => FACT_LINES.test(a.getAttribute('class') ?? ''))) return [];
    const linked = [...el.querySelectorAll('a')].reduce((n, a) => n + (a.textContent ?? '').replace(/\s+/g, ' ').trim().length, 0);
    if (linked >= text.length && text.length <= 120) return [];
    return [text];
  });
  // Before its first sentence, an article's short lines are furniture: "Video", "0:00/2:33", "1 / 5", "Print", a date line ("Oct. 9, 2018").
  const furniture = (t: string) => t.split(' ').length <= 8 && (!SENTENCE.test(t) || YEAR.test(t));
  const first = texts.findIndex((t) => !furniture(t));
  return first < 0 ? texts : texts.slice(first);
}

function* ancestors(el: Element): Generator<Element> {
  for (let at: Element | null = el; at && at.tagName !== 'BODY'; at = at.parentElement) yield at;
}

/** Text of the page outside scripts and styles, in characters, counted up to `limit` + 1. */
function pageTextLength(doc: Document, limit: number): number {
  const root = doc.body ?? doc.documentElement;
  if (!root) return 0;
  for (const el of root.querySelectorAll(NOT_TEXT)) el.remove();
  let n = 0;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && n <= limit; node = walker.nextNode()) n += node.nodeValue?.length ?? 0;
  return n;
}

/**
 * The site a page belongs to: its registrable domain by the public-suffix list
 * (`news.bbc.co.uk` → `bbc.co.uk`; private suffixes count, so `a.github.io` and
 * `b.github.io` are two sites), or the whole host where there is none (an IP
 * address, `localhost`).
 */
export function siteOf(url: URL): string {
  return getDomain(url.hostname, { allowPrivateDomains: true }) ?? url.host;
}

/**
 * The page's canonical address when it names one over http(s) on its own site,
 * else the address it was read at. A canonical link on another site is ignored:
 * the library merges articles by address, so a page must not be able to pass
 * itself off as (and overwrite) an article saved from somewhere else.
 */
export function canonicalOf(doc: Document, url: string): string {
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (!href) return url;
  try {
    const page = new URL(url);
    const canonical = new URL(href, url);
    const web = (u: URL) => u.protocol === 'http:' || u.protocol === 'https:';
    return web(canonical) && web(page) && siteOf(canonical) === siteOf(page) ? canonical.toString() : url;
  } catch {
    return url;
  }
}

/** The article in a page's HTML, or why there is none to keep. */
export function extractArticle(html: string, url: string, parser = new DOMParser()): Extraction {
  const doc = parser.parseFromString(html, 'text/html');
  // Read what Readability would remove before it edits the document.
  const published = publishedDate(doc);
  const canonical = canonicalOf(doc, url);
  const publisher = publisherOf(doc, canonical);
  if (pageTextLength(doc, MAX_PAGE_TEXT) > MAX_PAGE_TEXT) return { refused: 'too-big' };
  removeClutter(doc);
  const article = new Readability(doc, { charThreshold: MIN_ARTICLE_CHARS, keepClasses: true }).parse();
  if (!article?.content || (article.textContent ?? '').trim().length < MIN_ARTICLE_CHARS) return { refused: 'not-an-article' };
  const title = article.title?.trim() || doc.title.trim();
  const paragraphs = paragraphsOf(article.content, parser, title.replace(/\s+/g, ' '));
  if (paragraphs.length === 0) return { refused: 'not-an-article' };
  const stated = checkedDate(article.publishedTime) ? (article.publishedTime?.trim() ?? null) : null;
  return {
    page: {
      url: canonical,
      title,
      byline: cleanByline(article.byline),
      siteName: publisher ?? cleanName(article.siteName),
      published: published ?? stated,
      paragraphs,
    },
  };
}
