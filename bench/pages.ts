/**
 * The pages the bench loads: four generated ones (deterministic, built from the
 * seeds by `synth.ts`) and the saved real news pages of ../shared/pages when
 * they are there. Generated pages are served from memory, never written out.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SHARED_PAGES } from './env';
import { between, createRng, type Mix, paragraph, pick, randomName, type Rng, type SeedMaterial, seedMaterial, seedSentence, wordCount, zipfWord } from './synth';

export interface BenchPage {
  id: string;
  /** Path on the bench's static server. */
  path: string;
  /** In-memory HTML for generated pages; null for a file under ../shared/pages. */
  html: string | null;
  bytes: number;
  note: string;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function htmlDocument(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:60em;margin:0 auto;padding:0 1em}nav a{margin-right:.6em}td,th{padding:0 .4em}</style>
</head><body>${body}</body></html>`;
}

function siteChrome(rng: Rng, m: SeedMaterial, main: string): string {
  const links = (n: number) => Array.from({ length: n }, () => `<a href="#">${escapeHtml(zipfWord(m, rng))}</a>`).join(' ');
  return `<header><nav>${links(30)}</nav></header><main>${main}</main><footer><nav>${links(40)}</nav><p>© News site</p></footer>`;
}

/** Inline links every ~25 words, never splitting a name, as a wiki or news body has. */
function linked(rng: Rng, text: string): string {
  return escapeHtml(text)
    .split(' ')
    .map((word) => (/^[a-z]{4,}$/.test(word) && rng() < 0.04 ? `<a href="#">${word}</a>` : word))
    .join(' ');
}

/** One real seed article dressed as a news page (~700 words with the site's chrome). */
export function shortArticle(): string {
  const m = seedMaterial();
  const rng = createRng(1);
  const article = m.corpus.articles.reduce((a, b) => (b.paragraphs.length > a.paragraphs.length ? b : a));
  const body = article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const related = Array.from({ length: 6 }, () => `<li><a href="#">${escapeHtml(paragraph(m, rng, { seedShare: 0, nameRate: 0.3 }, 1))}</a></li>`).join('');
  return htmlDocument(article.title, siteChrome(rng, m, `<article><h1>${escapeHtml(article.title)}</h1>${body}</article><aside><h2>Related</h2><ul>${related}</ul></aside>`));
}

/** Wiki-like: infobox, contents, ~60 sections, lists, inline links and a long reference list. */
export function longArticle(targetWords = 100_000): string {
  const m = seedMaterial();
  const rng = createRng(2);
  // ~10–15 names per 1,000 words: an encyclopedic article about the region's politics.
  const mix: Mix = { seedShare: 0.2, nameRate: 0.1 };
  const sections: string[] = [];
  const headings: string[] = [];
  let words = 0;
  while (words < targetWords * 0.9) {
    const heading = `${zipfWord(m, rng)} ${zipfWord(m, rng)}`.replace(/^./, (c) => c.toUpperCase());
    headings.push(heading);
    const parts = [`<h2 id="s${headings.length}">${escapeHtml(heading)}</h2>`];
    for (let p = between(rng, 8, 12); p > 0; p--) {
      if (rng() < 0.1) parts.push(`<h3>${escapeHtml(zipfWord(m, rng))}</h3>`);
      const text = paragraph(m, rng, mix, between(rng, 3, 6));
      words += wordCount(text);
      parts.push(`<p>${linked(rng, text)}<sup><a href="#r${between(rng, 1, 500)}">[${between(rng, 1, 500)}]</a></sup></p>`);
      if (rng() < 0.08) {
        const items = Array.from({ length: between(rng, 3, 8) }, () => paragraph(m, rng, mix, 1));
        words += wordCount(items.join(' '));
        parts.push(`<ul>${items.map((i) => `<li>${linked(rng, i)}</li>`).join('')}</ul>`);
      }
    }
    sections.push(parts.join('\n'));
  }
  const refs: string[] = [];
  while (words < targetWords) {
    const ref = `${randomName(m, rng, 'person')} (${between(rng, 2003, 2024)}). "${paragraph(m, rng, { seedShare: 0, nameRate: 0.2 }, 1)}" ${randomName(m, rng, 'organization')}.`;
    words += wordCount(ref);
    refs.push(`<li id="r${refs.length + 1}">${escapeHtml(ref)}</li>`);
  }
  const infobox = `<table class="infobox">${Array.from({ length: 12 }, () => `<tr><th>${escapeHtml(zipfWord(m, rng))}</th><td>${escapeHtml(pick(rng, [randomName(m, rng, 'person'), randomName(m, rng, 'place'), String(between(rng, 1900, 2024))]))}</td></tr>`).join('')}</table>`;
  const toc = `<div id="toc"><h2>Contents</h2><ol>${headings.map((h, i) => `<li><a href="#s${i + 1}">${escapeHtml(h)}</a></li>`).join('')}</ol></div>`;
  const main = `<h1>Iran–Iraq relations</h1>${infobox}${toc}${sections.join('\n')}<h2>References</h2><ol class="references">${refs.join('')}</ol>`;
  return htmlDocument('Iran–Iraq relations', siteChrome(rng, m, main));
}

/** ~5 MB of prose in ~4 KB paragraphs: few, large text nodes. */
export function bigTextPage(targetChars = 5_000_000): string {
  const m = seedMaterial();
  const rng = createRng(3);
  const parts: string[] = [];
  let chars = 0;
  while (chars < targetChars) {
    const text = paragraph(m, rng, { seedShare: 0.2, nameRate: 0.1 }, 28);
    chars += text.length;
    parts.push(`<p>${escapeHtml(text)}</p>`);
  }
  return htmlDocument('Transcript', `<main>${parts.join('\n')}</main>`);
}

/** A 10,000 × 5 data table: 50,000 small text nodes, no whitespace nodes between cells. */
export function manyNodesPage(rows = 10_000): string {
  const m = seedMaterial();
  const rng = createRng(4);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const who = rng() < 0.15 ? randomName(m, rng, rng() < 0.7 ? 'person' : 'organization') : `${zipfWord(m, rng)} ${zipfWord(m, rng)}`;
    const cells = [String(r + 1), who, zipfWord(m, rng), `${between(rng, 1, 28)}.${between(rng, 1, 12)}.${between(rng, 2015, 2024)}`, String(between(rng, 0, 99_999))];
    out.push(`<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`);
  }
  return htmlDocument('Data table', `<main><table><tbody>${out.join('')}</tbody></table></main>`);
}

/**
 * A live blog grown to a million words: timestamped entries of paragraphs
 * made of the seeds' own sentences and filler, naming a person or an
 * organisation the extension knows (the seeds' entities) about every 13 words,
 * so the page carries roughly the 79,000 underlines of issue 17's report.
 */
export function millionWordPage(targetWords = 1_000_000): { html: string; words: number; paragraphs: number } {
  const m = seedMaterial();
  const rng = createRng(5);
  const known = m.corpus.entities.filter((e) => e.type !== 'place').map((e) => [e.name, ...e.aliases].filter((a) => /^[\p{Script=Latin}\s.'’-]+$/u.test(a)));
  const names = known.filter((list) => list.length > 0);
  const sentence = (): string => {
    if (rng() < 0.2) return seedSentence(m, rng);
    const words: string[] = [];
    for (let n = between(rng, 8, 16); n > 0; n--) words.push(zipfWord(m, rng));
    for (let k = rng() < 0.7 ? 2 : 1; k > 0; k--) words.splice(between(rng, 1, words.length - 1), 0, pick(rng, pick(rng, names)));
    const text = words.join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const entries: string[] = [];
  let words = 0;
  let paragraphs = 0;
  while (words < targetWords) {
    const parts = [`<h2>${String(between(rng, 0, 23)).padStart(2, '0')}:${String(between(rng, 0, 59)).padStart(2, '0')} ${escapeHtml(sentence())}</h2>`];
    for (let p = between(rng, 20, 40); p > 0 && words < targetWords; p--) {
      const text = Array.from({ length: between(rng, 2, 4) }, sentence).join(' ');
      words += wordCount(text);
      paragraphs++;
      parts.push(`<p>${escapeHtml(text)}</p>`);
    }
    entries.push(`<section>${parts.join('\n')}</section>`);
  }
  return { html: htmlDocument('Live: Iran and Iraq', siteChrome(rng, m, `<h1>Live: Iran and Iraq</h1>${entries.join('\n')}`)), words, paragraphs };
}

export function generatedPages(smoke: boolean): BenchPage[] {
  const make = (id: string, html: string, note: string): BenchPage => ({ id, path: `/gen/${id}.html`, html, bytes: Buffer.byteLength(html), note });
  if (smoke) return [make('short', shortArticle(), 'one seed article with site chrome')];
  return [
    make('short', shortArticle(), 'one seed article with site chrome'),
    make('long-100k-words', longArticle(), 'wiki-like, ~100k words'),
    make('text-5MB', bigTextPage(), '5 MB of prose in <p>'),
    make('nodes-50k', manyNodesPage(), '50k small text nodes (table)'),
  ];
}

/** The saved real pages, or [] with the reason when the folder is absent. */
export function sharedPages(): { pages: BenchPage[]; skipped: string | null } {
  if (!existsSync(SHARED_PAGES)) return { pages: [], skipped: `${SHARED_PAGES} not found: real pages skipped` };
  const pages = readdirSync(SHARED_PAGES)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({ id: f.replace(/\.html$/, ''), path: `/${f}`, html: null, bytes: statSync(path.join(SHARED_PAGES, f)).size, note: 'saved real page' }));
  return { pages, skipped: null };
}
