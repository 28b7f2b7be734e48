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

/** What a citation says, already in the reader's words (dates formatted, "outlet unknown" spelled out). */
export interface CitationParts {
  /** The sentence as the corpus has it, quote marks and all. */
  sentence: string;
  /** Who is quoted in it; empty when the statement only names the entity. */
  speakers: string[];
  title: string;
  outlet: string;
  date: string;
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
 * headline, outlet, date and the original's address. The HTML flavour says the
 * same with the headline as a link, and is built only from escaped strings —
 * never from page or corpus markup.
 */
export function formatCitation(parts: CitationParts, listSpeakers: (names: string[]) => string = (n) => n.join(', ')): Citation {
  const who = parts.speakers.length > 0 ? `${listSpeakers(parts.speakers)}, ` : '';
  const source = `“${parts.title}”, ${parts.outlet}, ${parts.date}`;
  const text = [parts.sentence, `— ${who}${source}`, ...(parts.url ? [parts.url] : [])].join('\n');
  const title = parts.url ? `<a href="${escapeHtml(parts.url)}">${escapeHtml(parts.title)}</a>` : escapeHtml(parts.title);
  const html = [
    `<blockquote>${escapeHtml(parts.sentence)}</blockquote>`,
    `<p>— ${escapeHtml(who)}“${title}”, ${escapeHtml(parts.outlet)}, ${escapeHtml(parts.date)}</p>`,
  ].join('');
  return { text, html };
}
