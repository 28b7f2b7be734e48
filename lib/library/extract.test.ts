/** @vitest-environment happy-dom */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../../tests/seeds';
import { canonicalOf, extractArticle, publishedDate } from './extract';

const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1}: Planning Minister Mohammed Tamim said the federal budget would reach parliament within days, and officials agreed.</p>`).join('');
const articlePage = (head: string) => `<html><head><title>Budget talks | Example</title>${head}</head><body><nav><a href="/">Home</a></nav><article><h1>Budget talks</h1>${paragraphs}</article></body></html>`;

describe('extraction of the page the reader saves', () => {
  it('keeps the date the page states, from its metadata or JSON-LD, and none when it states none', () => {
    expect(publishedDate(doc(articlePage('<meta property="article:published_time" content="2024-03-05T10:15:00+03:00">')))).toBe('2024-03-05T10:15:00+03:00');
    expect(publishedDate(doc(articlePage('<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-02-06"}]}</script>')))).toBe('2023-02-06');
    expect(publishedDate(doc(articlePage('<script type="application/ld+json">{broken</script>')))).toBeNull();
    expect(publishedDate(doc(articlePage('')))).toBeNull();
  });

  it('uses the canonical address the page names, over http(s) only', () => {
    expect(canonicalOf(doc('<link rel="canonical" href="/story/1">'), 'https://news.example/story/1?utm_source=x')).toBe('https://news.example/story/1');
    expect(canonicalOf(doc('<link rel="canonical" href="javascript:alert(1)">'), 'https://news.example/a')).toBe('https://news.example/a');
  });

  it('takes a canonical address only on the page’s own site (registrable domain), so no page can pass for an article saved elsewhere', () => {
    const canonical = (href: string) => doc(`<link rel="canonical" href="${href}">`);
    // Same registrable domain: another host of the same site is fine.
    expect(canonicalOf(canonical('https://www.nytimes.com/2018/a.html'), 'https://mobile.nytimes.com/2018/a.html')).toBe('https://www.nytimes.com/2018/a.html');
    expect(canonicalOf(canonical('https://www.bbc.co.uk/news/1'), 'https://news.bbc.co.uk/news/1')).toBe('https://www.bbc.co.uk/news/1');
    // Another site: the address the page was read at.
    expect(canonicalOf(canonical('https://www.reuters.com/article/a'), 'https://evil.example/copy')).toBe('https://evil.example/copy');
    // A public suffix is no site: two companies under co.uk, two users under github.io.
    expect(canonicalOf(canonical('https://guardian.co.uk/a'), 'https://other.co.uk/a')).toBe('https://other.co.uk/a');
    expect(canonicalOf(canonical('https://alice.github.io/post'), 'https://mallory.github.io/post')).toBe('https://mallory.github.io/post');
    // No registrable domain (an address, localhost): the same host and port only.
    expect(canonicalOf(canonical('http://127.0.0.1:8080/a'), 'http://127.0.0.1:8080/b')).toBe('http://127.0.0.1:8080/a');
    expect(canonicalOf(canonical('http://127.0.0.1:9090/a'), 'http://127.0.0.1:8080/b')).toBe('http://127.0.0.1:8080/b');
    expect(canonicalOf(canonical('http://localhost:8080/a'), 'http://127.0.0.1:8080/b')).toBe('http://127.0.0.1:8080/b');
  });

  it('reads title, site name, byline and paragraphs as plain text', () => {
    const page = extractArticle(
      articlePage('<meta property="og:site_name" content="Example News"><meta name="author" content="A. Writer"><meta property="article:published_time" content="2024-03-05">'),
      'https://news.example/budget',
    );
    expect(page).toMatchObject({ url: 'https://news.example/budget', siteName: 'Example News', byline: 'A. Writer', published: '2024-03-05' });
    expect(page?.paragraphs).toHaveLength(6);
    expect(page?.paragraphs[0]).toMatch(/^Paragraph 1: Planning Minister Mohammed Tamim said/);
  });

  it('finds no article on a page of links, so nothing is saved', () => {
    expect(extractArticle('<html><body><nav><a href="/a">One</a> <a href="/b">Two</a></nav><p>Short.</p></body></html>', 'https://news.example/')).toBeNull();
  });

  it.skipIf(!existsSync(join(SHARED, 'pages')))('reads a saved real news page', () => {
    const html = readFileSync(join(SHARED, 'pages', 'polygraph-rukban.html'), 'utf8');
    const page = extractArticle(html, 'https://www.polygraph.info/a/30279001.html');
    expect(page?.siteName).toBe('POLYGRAPH.info');
    expect(page?.published).toBe('2019-11-18');
    expect(page?.paragraphs.length).toBeGreaterThan(10);
  });
});
if (!existsSync(join(SHARED, 'pages'))) console.warn(`skipping the real-page extraction test: ${join(SHARED, 'pages')} is absent`);
