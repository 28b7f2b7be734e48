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
import type { ExtractedPage } from './format';

/** Less article text than this is a page of links or a teaser, not an article. */
const MIN_ARTICLE_CHARS = 200;
const BLOCKS = 'p, li, blockquote, h2, h3, h4, h5, h6, pre';

/** The date the page says it was published: `article:published_time`, then JSON-LD `datePublished`; null when it says none. */
export function publishedDate(doc: Document): string | null {
  const meta = doc.querySelector('meta[property="article:published_time"], meta[name="article:published_time"]')?.getAttribute('content');
  if (meta?.trim()) return meta.trim();
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = findDatePublished(JSON.parse(script.textContent ?? ''));
      if (found) return found;
    } catch {
      // A page's broken JSON-LD is the page's problem: look at the next block.
    }
  }
  return null;
}

function findDatePublished(value: unknown, depth = 0): string | null {
  if (depth > 5 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findDatePublished(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.datePublished === 'string' && record.datePublished.trim()) return record.datePublished.trim();
  return findDatePublished(record['@graph'], depth + 1);
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

/** Paragraph texts of Readability's article, outermost blocks only (a `p` inside a `blockquote` once). */
function paragraphsOf(content: string, parser: DOMParser): string[] {
  const body = parser.parseFromString(content, 'text/html').body;
  const blocks = [...body.querySelectorAll(BLOCKS)].filter((el) => !el.parentElement?.closest(BLOCKS));
  const texts = (blocks.length ? blocks : [body]).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
  return texts.filter((t) => t.length > 0);
}

/** The article in a page's HTML, or null when Readability finds none. */
export function extractArticle(html: string, url: string, parser = new DOMParser()): ExtractedPage | null {
  const doc = parser.parseFromString(html, 'text/html');
  // Read what Readability would remove before it edits the document.
  const published = publishedDate(doc);
  const canonical = canonicalOf(doc, url);
  const article = new Readability(doc, { charThreshold: MIN_ARTICLE_CHARS }).parse();
  if (!article?.content || (article.textContent ?? '').trim().length < MIN_ARTICLE_CHARS) return null;
  const paragraphs = paragraphsOf(article.content, parser);
  if (paragraphs.length === 0) return null;
  return {
    url: canonical,
    title: article.title?.trim() || doc.title.trim(),
    byline: article.byline?.trim() || null,
    siteName: article.siteName?.trim() || null,
    published: published ?? (article.publishedTime?.trim() || null),
    paragraphs,
  };
}
