/**
 * What the `library-browser` section saves and imports. Pages to save: about
 * 2,000 words each, made from the real articles of ../shared/corpus (each page
 * starts at another article, so every save is a distinct text at a distinct
 * address and none updates another). The pack to import: synthetic news
 * articles from bench/synth.ts in the seeds format with their sidecars, as
 * the options page sends `.txt` files; their people are the seeds' and those
 * discovery finds in ../shared/corpus, which the bundled corpus does not know.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportFile } from '../lib/library/transfer';
import { SHARED_CORPUS } from './env';
import { createRng, seedMaterial, syntheticArticle, wordCount } from './synth';

export const haveSharedCorpus = existsSync(SHARED_CORPUS);
export const sharedCorpusMissing = `library-browser not measured: ${SHARED_CORPUS} is absent (../shared is not part of the repository); the pages it saves are made from those articles`;

export interface SavePage {
  path: string;
  /** In the page's heading, so the bench finds its tab by the text the content script reports. */
  title: string;
  words: number;
  html: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Each real article's paragraphs, without the seeds' `date YYYY-MM-DD` lead. */
function realParagraphs(): string[][] {
  const files = readdirSync(SHARED_CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new Error(`no articles (.txt) in ${SHARED_CORPUS}`);
  return files.map((f) =>
    readFileSync(join(SHARED_CORPUS, f), 'utf8')
      .replace(/^\s*date \d{4}-\d{2}-\d{2}\s+/, '')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  );
}

/** `count` news pages of at least `words` words, with the furniture a news site has around its article. */
export function savePages(count: number, words = 2000): SavePage[] {
  const articles = realParagraphs();
  return Array.from({ length: count }, (_, k) => {
    const paragraphs: string[] = [];
    let n = 0;
    for (let a = k; n < words; a++) {
      for (const p of articles[a % articles.length]) {
        paragraphs.push(p);
        n += wordCount(p);
      }
    }
    const title = `Bench wire ${k + 1}: ${paragraphs[0].split(/\s+/).slice(0, 8).join(' ')}`;
    const day = String((k % 28) + 1).padStart(2, '0');
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta property="og:site_name" content="Bench Wire"><meta property="article:published_time" content="2024-03-${day}T09:30:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/middle-east">Middle East</a></nav></header>
<main><article><h1>${escapeHtml(title)}</h1><p class="byline">By Bench Wire staff</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article><aside><h2>Most read</h2><ul><li><a href="/a">Markets close higher</a></li><li><a href="/b">Weather warning</a></li></ul></aside></main>
<footer><p>© Bench Wire</p></footer></body></html>`;
    return { path: `/library-bench/save-${k + 1}.html`, title, words: n, html };
  });
}

export interface ImportPack {
  /** One `library-import` request's files each: seeds `.txt` and `.meta.json` sidecars. */
  batches: { files: ImportFile[]; articles: number }[];
  articles: number;
  words: number;
  textBytes: number;
  /** Every pack text, to count who is named most. */
  texts: string[];
}

/** `count` synthetic news articles (400–800 words each), deterministic, in batches of `batchSize`. */
export function importPack(count: number, batchSize: number): ImportPack {
  const m = seedMaterial();
  const rng = createRng(count * 31 + 12);
  const batches: ImportPack['batches'] = [];
  const texts: string[] = [];
  let words = 0;
  let textBytes = 0;
  for (let i = 0; i < count; i++) {
    if (i % batchSize === 0) batches.push({ files: [], articles: 0 });
    const batch = batches[batches.length - 1];
    const bytes = syntheticArticle(m, rng, i).bytes;
    const text = new TextDecoder().decode(bytes);
    const name = `bench-library-${String(i).padStart(5, '0')}`;
    const lead = text.replace(/^\s*date \S+ [A-Z]+ — /, '').split(/\s+/).slice(0, 9).join(' ');
    const meta = { title: lead.replace(/[.,;:]+$/, ''), outlet: i % 3 === 0 ? 'Bench Wire' : i % 3 === 1 ? 'Bench Post' : 'Bench Daily', url: `https://news.bench.example/${i}` };
    batch.files.push({ name: `${name}.txt`, text }, { name: `${name}.meta.json`, text: JSON.stringify(meta) });
    batch.articles++;
    texts.push(text);
    words += wordCount(text);
    textBytes += bytes.length;
  }
  return { batches, articles: count, words, textBytes, texts };
}

export interface Person {
  name: string;
  aliases: string[];
  /** Whether the bundled corpus (the seeds) knows this person: if not, only discovery in the saved articles makes a card. */
  bundled: boolean;
  /** How many pack texts name the person. */
  articles: number;
}

/** The people the pack names, most named first: those the bundled corpus does not know, then those it does. */
export function namedPeople(texts: readonly string[]): Person[] {
  const m = seedMaterial();
  const bundled = new Set(m.corpus.entities.flatMap((e) => [e.name, ...e.aliases]));
  const people = m.names.person.map(([name, ...aliases]) => ({
    name,
    aliases,
    bundled: [name, ...aliases].some((n) => bundled.has(n)),
    articles: texts.filter((t) => t.includes(name)).length,
  }));
  return people.filter((p) => p.articles > 0).sort((a, b) => Number(a.bundled) - Number(b.bundled) || b.articles - a.articles);
}
