/**
 * Pages for the library's end-to-end tests: article pages made from real
 * articles of ../shared/corpus (first Reuters, Kerry and Zarif), another page
 * naming its new person (John Kerry, whom the bundled corpus does not know), and
 * a page of links that is no article.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from '../../tests/seeds';

/** An article of the shared corpus as a news site would publish it: its headline and outlet (from corpus/sources.tsv), and its date if it states one. */
export type CorpusArticle = { file: string; title: string; outlet: string; date?: string };

const ARTICLES = join(SHARED, 'corpus', 'articles');
export const KERRY_ZARIF: CorpusArticle = { file: '106_reuters_kerry_zarif_syria.txt', title: "Kerry and Iran's Zarif discuss ways to renew Syrian truce", outlet: 'Reuters', date: '2016-06-15' };
/** More articles a reader might save, for the library's list: the titles are the original headlines (the corpus keeps their URLs); one states no date. */
export const MORE_ARTICLES: CorpusArticle[] = [
  { file: '113_baghdadpost_abdulmahdi_rouhani.txt', title: 'Abd al-Mahdi, Rouhani talk cooperation in counter-terrorism efforts', outlet: 'The Baghdad Post', date: '2019-03-11' },
  { file: '120_mehr_kadhimi_raeisi_invitation.txt', title: 'Iraq PM to visit Tehran when Raeisi takes office', outlet: 'Mehr News Agency', date: '2021-06-26' },
  { file: '112_fintrib_khairallah_rouhani_visit.txt', title: "Iraq sees Rouhani's visit as turning point in relations", outlet: 'Financial Tribune' },
];

export const ARTICLE = join(ARTICLES, KERRY_ZARIF.file);
export const haveArticle = existsSync(ARTICLE);
export const skipReason = `skipping the library e2e test: ${ARTICLE} is absent (../shared is not part of the repository)`;
export const haveMoreArticles = MORE_ARTICLES.every((a) => existsSync(join(ARTICLES, a.file)));

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A news page made from a real article of the shared corpus: its date in the page's metadata, as news sites state it. */
export function articlePage(article: CorpusArticle = KERRY_ZARIF): string {
  const text = readFileSync(join(ARTICLES, article.file), 'utf8').replace(/^\s*date \d{4}-\d{2}-\d{2}\s+/, '');
  const paragraphs = text.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.trim())}</p>`);
  const title = escapeHtml(article.title);
  const published = article.date ? `<meta property="article:published_time" content="${article.date}T14:02:00Z">` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="${escapeHtml(article.outlet)}">${published}</head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>${title}</h1>${paragraphs.join('\n')}</article></body></html>`;
}

export const OTHER_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vienna talks</title></head><body><main>
<p>U.S. Secretary of State John Kerry arrived in Vienna on Monday for another round of talks on Syria.</p></main></body></html>`;
export const NOT_AN_ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Links</title></head><body><nav><a href="/a">One</a> <a href="/b">Two</a></nav></body></html>`;

/** A news page about something else entirely: it names nobody of Iran–Iraq affairs, and a person nobody knows (Hori Parata). */
export const OFF_TOPIC_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tribes fearful over whale strandings</title>
<meta property="og:site_name" content="Nature Example"><meta property="article:published_time" content="2019-01-03T07:00:00Z"></head><body><article>
<h1>Tribes fearful over whale strandings</h1>
<p>WHANGAREI — Maori elder Hori Parata said on Thursday that the strandings on the northern beaches were a warning, as rangers counted the whales on the sand.</p>
<p>"Man's greed in the ocean is hurting the whales," Hori Parata told reporters, adding that the tribes would hold a ceremony for the animals.</p>
<p>The Department of Conservation said it would study the strandings with local tribes over the coming months, and asked people to keep away from the beach.</p>
</article></body></html>`;
/** Another page naming him, where an underline would show his name was published to every page. */
export const OFF_TOPIC_MENTION = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Whales</title></head><body><main>
<p>Elder Hori Parata spoke again about the whales on Friday.</p></main></body></html>`;

/** An article page whose text is above the save's limit (2,000,000 characters). */
export function tooLongPage(): string {
  const paragraph = `<p>${'Planning Minister Mohammed Tamim said the federal budget would reach parliament within days. '.repeat(20)}</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A very long page</title></head><body><article><h1>A very long page</h1>${paragraph.repeat(1150)}</article></body></html>`;
}
