/**
 * Pages for the library's end-to-end tests: an article page made from a real
 * article of ../shared/corpus (Reuters, Kerry and Zarif), another page naming
 * its new person (John Kerry, whom the bundled corpus does not know), and a page
 * of links that is no article.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from '../../tests/seeds';

export const ARTICLE = join(SHARED, 'corpus', 'articles', '106_reuters_kerry_zarif_syria.txt');
export const haveArticle = existsSync(ARTICLE);
export const skipReason = `skipping the library e2e test: ${ARTICLE} is absent (../shared is not part of the repository)`;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A news page made from a real article of the shared corpus: its date in the page's metadata, as news sites state it. */
export function articlePage(): string {
  const text = readFileSync(ARTICLE, 'utf8').replace(/^\s*date \d{4}-\d{2}-\d{2}\s+/, '');
  const paragraphs = text.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.trim())}</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kerry and Iran's Zarif discuss ways to renew Syrian truce</title>
<meta property="og:site_name" content="Reuters"><meta property="article:published_time" content="2016-06-15T14:02:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>Kerry and Iran's Zarif discuss ways to renew Syrian truce</h1>${paragraphs.join('\n')}</article></body></html>`;
}

export const OTHER_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vienna talks</title></head><body><main>
<p>U.S. Secretary of State John Kerry arrived in Vienna on Monday for another round of talks on Syria.</p></main></body></html>`;
export const NOT_AN_ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Links</title></head><body><nav><a href="/a">One</a> <a href="/b">Two</a></nav></body></html>`;

