/**
 * How a statement is cited: where its original lives, and (for copying) the
 * citation as plain text and as HTML built only from escaped strings.
 */
import type { ArticleRef } from './engine/lookup';

/** The article's original address when it is a plain http(s) one; anything else (javascript:, data:) is never linked. */
export function originalUrl(article: Pick<ArticleRef, 'url'>): string | null {
  const url = article.url?.trim();
  return url && /^https?:\/\/[^\s<>"]+$/i.test(url) ? url : null;
}

/**
 * What a citation says, already in the reader's words (dates formatted, the
 * opening of an untitled article introduced). What the corpus does not know is
 * null and left out, never written as "outlet unknown" or "undated".
 */
export interface CitationParts {
  /** The sentence as the corpus has it, quote marks and all. */
  sentence: string;
  /** Who is quoted in it; empty when the statement only names the entity. */
  speakers: string[];
  /** The article's headline, only when the text gives one. */
  headline: string | null;
  /**
   * For an article whose text gives no headline: how its opening is cited
   * ("article beginning “…”"), so a title the engine made from the lead sentence
   * is never passed off as the headline.
   */
  opening: string | null;
  outlet: string | null;
  date: string | null;
  /** The original's address, when known and plain http(s). */
  url: string | null;
}

export interface Citation {
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Corpus text made inert for an HTML clipboard flavour: every character that could open markup or leave an attribute is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * A statement as a journalist pastes it: the sentence, then who said it, the
 * headline, outlet, date and the original's address, each only where the
 * corpus knows it. The HTML flavour says the same with the headline (or the
 * opening) as a link, and is built only from escaped strings — never from page
 * or corpus markup.
 */
export function formatCitation(parts: CitationParts, listSpeakers: (names: string[]) => string = (n) => n.join(', ')): Citation {
  const who = parts.speakers.length > 0 ? listSpeakers(parts.speakers) : null;
  const work = parts.headline !== null ? `“${parts.headline}”` : parts.opening;
  const source = [who, work, parts.outlet, parts.date].filter((p): p is string => p !== null && p !== '');
  const text = [parts.sentence, ...(source.length > 0 ? [`— ${source.join(', ')}`] : []), ...(parts.url ? [parts.url] : [])].join('\n');
  const linked = (inner: string) => (parts.url ? `<a href="${escapeHtml(parts.url)}">${inner}</a>` : inner);
  const workHtml =
    parts.headline !== null ? `“${linked(escapeHtml(parts.headline))}”` : parts.opening !== null ? linked(escapeHtml(parts.opening)) : parts.url ? linked(escapeHtml(parts.url)) : null;
  const sourceHtml = [who && escapeHtml(who), workHtml, parts.outlet && escapeHtml(parts.outlet), parts.date && escapeHtml(parts.date)].filter((p): p is string => !!p);
  const html = [`<blockquote>${escapeHtml(parts.sentence)}</blockquote>`, ...(sourceHtml.length > 0 ? [`<p>— ${sourceHtml.join(', ')}</p>`] : [])].join('');
  return { text, html };
}
