/**
 * A saved article as the library keeps it: its text in the seeds format
 * (one paragraph per line) and a sidecar (`NAME.meta.json`: title, outlet,
 * date, url), exactly what a maintainer drops into `seeds/`. Pure: no
 * IndexedDB, no DOM, so the export, the import and the store share it.
 */
import { type ArticleMeta, validateMeta } from '../engine/article';
import { checkedDate } from './page-facts';

export interface SavedArticle {
  /** `lib-` + 12 hex digits of the SHA-256 of the canonical URL (or of the text when there is none): saving again finds the same id. */
  id: string;
  /** The canonical address of the original (http/https), or null (an imported .txt). */
  url: string | null;
  /** The article in the seeds format: paragraphs, one a line, blank lines between. */
  text: string;
  /** The sidecar: what the page stated (title, site name as outlet, its own date, url). Never the save date. */
  meta: ArticleMeta;
  /** The byline as the page gives it; kept for the reader, not part of the seeds format. */
  byline: string | null;
  /** When the reader saved it (ISO 8601). */
  savedAt: string;
  /** SHA-256 of the text with its whitespace collapsed: the same text saved from another address is the same article. */
  textHash: string;
}

/** What the extraction returns from a page (Readability plus the page's own metadata). */
export interface ExtractedPage {
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** The date the page states (article:published_time, JSON-LD datePublished…), as written; null when it states none. */
  published: string | null;
  paragraphs: string[];
}

/** What the extraction gives: the page's article, or why there is none to keep (no article text; more page text than the limit). */
export type Extraction = { page: ExtractedPage } | { refused: 'not-an-article' | 'too-big' };

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const textHashOf = (text: string) => sha256(text.replace(/\s+/g, ' ').trim());

/** The id follows the address when there is one, else the text: the two ways a duplicate is recognised. */
export async function libraryIdOf(url: string | null, text: string): Promise<string> {
  return `lib-${(await sha256(url ?? (await textHashOf(text)))).slice(0, 12)}`;
}

/** Drops the fragment and tracking parameters, so the same article reached from two links is one address. */
export function canonicalUrl(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$|ref$)/.test(key)) u.searchParams.delete(key);
    return u.toString();
  } catch {
    return null;
  }
}

/** The date and time a page states, when they are a real date and time (`page-facts.ts`); nothing otherwise, never a part of a wrong one. */
export function statedDate(published: string | null): Pick<ArticleMeta, 'date' | 'time'> {
  const checked = checkedDate(published);
  if (!checked) return {};
  const { meta } = validateMeta(checked);
  return meta.date ? meta : {};
}

export function seedsText(paragraphs: readonly string[]): string {
  return `${paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n')}\n`;
}

export async function savedArticleFrom(page: ExtractedPage, savedAt: Date): Promise<SavedArticle> {
  const text = seedsText(page.paragraphs);
  const url = canonicalUrl(page.url);
  const meta: ArticleMeta = {
    ...(page.title.trim() ? { title: page.title.replace(/\s+/g, ' ').trim() } : {}),
    ...(page.siteName?.trim() ? { outlet: page.siteName.trim() } : {}),
    ...statedDate(page.published),
    ...(url ? { url } : {}),
  };
  return { id: await libraryIdOf(url, text), url, text, meta, byline: page.byline?.trim() || null, savedAt: savedAt.toISOString(), textHash: await textHashOf(text) };
}
