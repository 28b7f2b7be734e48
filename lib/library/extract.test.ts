/** @vitest-environment happy-dom */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../../tests/seeds';
import { canonicalOf, extractArticle, MAX_PAGE_TEXT, publishedDate, publisherOf } from './extract';
import { savedArticleFrom } from './format';
import { checkedDate } from './page-facts';

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
    expect(page).toEqual({ page: expect.objectContaining({ url: 'https://news.example/budget', siteName: 'Example News', byline: 'A. Writer', published: '2024-03-05' }) });
    const paragraphs = 'page' in page ? page.page.paragraphs : [];
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs[0]).toMatch(/^Paragraph 1: Planning Minister Mohammed Tamim said/);
  });

  it('finds no article on a page of links, so nothing is saved', () => {
    expect(extractArticle('<html><body><nav><a href="/a">One</a> <a href="/b">Two</a></nav><p>Short.</p></body></html>', 'https://news.example/')).toEqual({ refused: 'not-an-article' });
  });

  it('refuses a page whose text is above the limit, before Readability reads it', () => {
    const chunk = `<p>${'Planning Minister Mohammed Tamim said the budget was ready. '.repeat(1000)}</p>`;
    const pages = Math.ceil(MAX_PAGE_TEXT / (chunk.length - 7)) + 1;
    expect(extractArticle(articlePage('').replace('</article>', `${chunk.repeat(pages)}</article>`), 'https://news.example/long')).toEqual({ refused: 'too-big' });
    // Scripts and styles are not text: a page heavy with them is read.
    const scripts = `<script>${'x'.repeat(MAX_PAGE_TEXT + 10)}</script>`;
    expect(extractArticle(articlePage(scripts), 'https://news.example/heavy')).toHaveProperty('page');
  });
});

describe('facts the page states, checked', () => {
  it('takes only a real date and time, and none rather than a wrong one', () => {
    expect(checkedDate('2020-07-22T09:30:00+04:30')).toEqual({ date: '2020-07-22', time: '09:30' });
    expect(checkedDate('2019-01-03T02:00:02-0500')).toEqual({ date: '2019-01-03', time: '02:00' });
    expect(checkedDate('2024-02-29')).toEqual({ date: '2024-02-29' });
    for (const wrong of ['2020-02-30T25:99:00Z', '2020-02-30', '2023-02-29', '2020-01-01T24:00', '2020-13-01', '2020-01-01T10:60', `2020-01-01${'0'.repeat(5_000_000)}`, '2020-01-01 and then some', 'yesterday', '0000-01-01']) {
      expect(checkedDate(wrong), wrong.slice(0, 40)).toBeNull();
    }
  });

  it('skips a wrong date for the next source that states a real one, in the stated order', () => {
    const ld = (value: string) => `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":${JSON.stringify(value)}}</script>`;
    expect(publishedDate(doc(ld('2020-02-30T25:99:00Z')))).toBeNull();
    expect(publishedDate(doc(`${ld('2020-01-01'.padEnd(5_000_000, '7'))}<meta property="article:published_time" content="2019-05-06T07:08:00Z">`))).toBe('2019-05-06T07:08:00Z');
    expect(publishedDate(doc('<meta name="article:published_time" value="2018-10-09T14:13:40.000Z">'))).toBe('2018-10-09T14:13:40.000Z');
    expect(publishedDate(doc('<div itemprop="datePublished" content="2017-01-13T00:00:04-05:00"></div>'))).toBe('2017-01-13T00:00:04-05:00');
    expect(publishedDate(doc('<time datetime="2019-01-16T06:16:23-0500" itemprop="dateModified"></time><time datetime="2016-12-01T23:29:49.000Z">Dec 2</time>'))).toBe('2016-12-01T23:29:49.000Z');
    expect(publishedDate(doc('<time datetime="2011-11-11">x</time><time pubdate datetime="2010-10-10">y</time>'))).toBe('2010-10-10');
    expect(publishedDate(doc(`${ld('2021-03-04')}<meta property="article:published_time" content="2019-05-06">`))).toBe('2021-03-04');
  });

  it('names the publisher from JSON-LD, og:site_name, application-name, then its news site', () => {
    const ld = '<script type="application/ld+json">{"@type":"Article","publisher":{"@type":"Organization","name":"BBC News"}}</script>';
    expect(publisherOf(doc(`${ld}<meta property="og:site_name" content="Other">`), 'https://x.example/')).toBe('BBC News');
    expect(publisherOf(doc('<meta property="og:site_name" content="Breitbart"><meta name="application-name" content="Other">'), 'https://x.example/')).toBe('Breitbart');
    expect(publisherOf(doc('<meta name="application-name" content="Yahoo News - Latest News &amp; Headlines">'), 'https://x.example/')).toBe('Yahoo News');
    expect(publisherOf(doc(''), 'https://www.nytimes.com/2018/10/09/us/politics/a.html')).toBe('The New York Times');
    expect(publisherOf(doc(''), 'https://mobile.nytimes.com/a.html')).toBe('The New York Times');
    expect(publisherOf(doc(''), 'https://news.example/a')).toBeNull();
  });

  it('drops a bare "By" from the byline, and the "By" before a name', () => {
    const byline = (html: string) => {
      const read = extractArticle(articlePage('').replace('<article>', `<article>${html}`), 'https://news.example/b');
      return 'page' in read ? read.page.byline : undefined;
    };
    expect(byline('<p class="byline">By </p>')).toBeNull();
    expect(byline('<p class="byline">By Jane Doe</p>')).toBe('Jane Doe');
  });

  it('keeps players, transcripts, captions and "read more" boxes out of the text', () => {
    const cluttered = articlePage('').replace(
      '<article><h1>Budget talks</h1>',
      `<article><h1>Budget talks</h1><figure data-testid="VideoBlock"><span>Video</span><div>transcript</div><span>0:00/2:33</span><p>Transcript: the minister speaks about the budget at length, as the video shows.</p></figure>
       <figure><img src="x.jpg"><figcaption>The minister in Baghdad on Tuesday, in a photo by an agency photographer.</figcaption></figure>
       <div class="read-more"><p>Read more: Iraq's budget explained, and what comes next for the country.</p></div>`,
    );
    const read = extractArticle(cluttered, 'https://news.example/c');
    const text = 'page' in read ? read.page.paragraphs.join('\n') : '';
    expect(text).toMatch(/^Paragraph 1: Planning Minister/);
    expect(text).not.toMatch(/Transcript|photo by|Read more|0:00/);
  });
});

/** Every saved page of ../shared/pages, read at its address, as the save keeps it: publisher, date and time, byline, first paragraph. */
const PAGES: { file: string; url: string; outlet: string | null; date?: string; time?: string; byline?: string | null; first: string }[] = [
  { file: 'bbc-1.html', url: 'http://www.bbc.com/news/world-us-canada-33646704', outlet: 'BBC News', date: '2015-07-24', time: '05:36', first: 'President Barack Obama has admitted that his failure to pass "common sense gun safety laws" in the US is the greatest frustration of his presidency.' },
  { file: 'breitbart.html', url: 'http://www.breitbart.com/tech/2016/12/22/neutral-snopes-fact-checker-david-emery-un-angry-trump-supporters/', outlet: 'Breitbart', date: '2016-12-22', time: '10:43', first: 'Snopes fact checker and staff writer David Emery posted to Twitter asking if there were “any un-angry Trump supporters?”' },
  {
    file: 'cnn-arabic.html',
    url: 'http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html',
    outlet: 'CNNArabic',
    first: 'دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة أن فصائل مسلحة معارضة لنظام الرئيس بشار الأسد وعلى صلة بـ"الجيش الحر" تمكنت من السيطرة على مستودعات للأسلحة بريف دمشق تضم كميات من الصواريخ ومضادات الدروع، في الوقت الذي حض فيه الائتلاف الوطني السوري المعارض الفصائل الكردية والإسلامية المتقاتلة في شمالي البلاد إلى "ضبط النفس."',
  },
  {
    file: 'foxnews-iran.html',
    url: 'http://www.foxnews.com/politics/2010/08/14/russias-nuclear-help-iran-stirs-questions-improved-relations/',
    outlet: 'Fox News',
    date: '2010-08-14',
    first: 'Russia\'s announcement that it will help Iran get nuclear fuel is raising questions about what President Obama calls the "better-than- ever" relationship between Russia and the U.S. after the two former Cold War adversaries recently signed a nuclear reduction treaty.',
  },
  {
    file: 'guardian-1.html',
    url: 'https://www.theguardian.com/environment/2019/jan/03/what-is-the-sea-telling-us-maori-tribes-fearful-over-whale-strandings',
    outlet: 'the Guardian',
    date: '2019-01-03',
    time: '07:00',
    byline: 'Eleanor Ainge Roy',
    first: 'Whale whisperer Hori Parata was just seven years old when he attended his first mass stranding, a beaching of porpoises in New Zealand’s Northland, their cries screeching through the air on the deserted stretch of sand.',
  },
  {
    file: 'kabarislamia-id.html',
    url: 'https://kabarislamia.com/2015/10/27/sejarah-pecahnya-islam-jadi-sunni-dan-syiah/',
    outlet: 'Kabar tentang Dunia Islam',
    date: '2015-10-27',
    time: '02:23',
    first: 'Sebelum Islam pecah jadi Sunni dan Syiah zaman Khalifah Ali karena pemberontakan Mu’awiyah di tahun 37 Hijriyah. 26 tahun setelah wafatnya Nabi. Islam sudah sempurna secara aqidah mau pun fiqih. Islam sudah sempurna sebelum Nabi Muhammad SAW wafat. Jadi baik Sunni dan Syiah yg sebagian besar sahabat Nabi itu aqidah dan ibadahnya sama: Islam.',
  },
  { file: 'mozilla-1.html', url: 'https://www.mozilla.org/en-US/firefox/desktop/customize/', outlet: 'Mozilla', first: 'It’s easier than ever to personalize Firefox and make it work the way you do. No other browser gives you so much choice and flexibility.' },
  {
    file: 'nytimes-1.html',
    url: 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html',
    outlet: 'The New York Times',
    date: '2017-01-13',
    time: '00:00',
    byline: 'Jeffrey Gettleman',
    first: 'LONDON — After nearly 20 years of hostile relations, the American government plans to reverse its position on Sudan and lift trade sanctions, Obama administration officials said late Thursday.',
  },
  {
    file: 'nytimes-recent.html',
    url: 'https://www.nytimes.com/2018/10/09/us/politics/nikki-haley-united-nations.html',
    outlet: 'The New York Times',
    date: '2018-10-09',
    time: '14:13',
    byline: null,
    first: 'President Trump’s ambassador to the United Nations, Nikki R. Haley, said on Tuesday that she would resign at the end of the year, marking the departure of one of the few high-profile women in the Trump administration.',
  },
  {
    file: 'polygraph-rukban.html',
    url: 'https://www.polygraph.info/a/fact-check-russia-us-al-tanf-rukban/30279001.html',
    outlet: 'POLYGRAPH.info',
    date: '2019-11-18',
    first: 'In a joint statement published Oct. 25, the Russian and Syrian defense ministries accused U.S. forces in southern Syria’s al-Tanf of controlling “bandit formations” and disrupting a United Nations plan to return people in the Rubkan refugee camp to their homes in territory controlled by the Syrian government.',
  },
  {
    file: 'wapo-2.html',
    url: 'http://www.washingtonpost.com/business/economy/netanyahu-win-points-to-two-more-years-of-strained-us-israel-ties/2015/03/18/ca175d64-cd76-11e4-a2a7-9517a3a70506_story.html',
    outlet: 'Washington Post',
    byline: 'Steven Mufson',
    // The page's own soft hyphen before "Israeli" is kept: it is in its text.
    first: 'President Obama told the U.N. General Assembly 18 months ago that he would seek “real breakthroughs on these two issues — Iran’s nuclear program and \u00adIsraeli-Palestinian peace.”',
  },
  {
    file: 'yahoo-2.html',
    url: 'https://www.yahoo.com/news/',
    outlet: 'Yahoo News',
    date: '2016-12-01',
    time: '23:29',
    first: 'MOSCOW (AP) — An unmanned Russian cargo spaceship heading to the International Space Station broke up in the atmosphere over Siberia on Thursday due to an unspecified malfunction, the Russian space agency said.',
  },
];

const PAGES_DIR = join(SHARED, 'pages');
describe.skipIf(!existsSync(PAGES_DIR))('saving the real pages of ../shared/pages', () => {
  it('has a row for every page there', () => {
    expect(PAGES.map((p) => p.file).sort()).toEqual(readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html')).sort());
  });

  it.each(PAGES)('$file: publisher, date, first paragraph', async (expected) => {
    const read = extractArticle(readFileSync(join(PAGES_DIR, expected.file), 'utf8'), expected.url);
    if (!('page' in read)) throw new Error(`${expected.file}: ${read.refused}`);
    const saved = await savedArticleFrom(read.page, new Date('2026-12-01T00:00:00Z'));
    expect(saved.meta.outlet ?? null).toBe(expected.outlet);
    expect(saved.meta.date).toBe(expected.date);
    expect(saved.meta.time).toBe(expected.time);
    if (expected.byline !== undefined) expect(saved.byline).toBe(expected.byline);
    expect(saved.text.split('\n')[0]).toBe(expected.first);
  });
});
if (!existsSync(join(SHARED, 'pages'))) console.warn(`skipping the real-page extraction test: ${join(SHARED, 'pages')} is absent`);
