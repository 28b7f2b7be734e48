import { describe, expect, it } from 'vitest';
import { escapeHtml, formatCitation, originalUrl } from './citation';

const parts = {
  sentence: '“All strategic issues between our two countries will be on the agenda,” Pompeo said.',
  speakers: ['Mike Pompeo'],
  headline: 'Kazemi Qomi predicts failure for U.S. plan',
  opening: null,
  outlet: 'Tehran Times',
  date: 'April 18, 2020',
  url: 'https://www.tehrantimes.com/news/447000/x?a=1&b=2',
};

describe('citations', () => {
  it('writes the quote, speaker, headline, outlet, date and link as plain text', () => {
    expect(formatCitation(parts).text).toBe(
      [
        '“All strategic issues between our two countries will be on the agenda,” Pompeo said.',
        '— Mike Pompeo, “Kazemi Qomi predicts failure for U.S. plan”, Tehran Times, April 18, 2020',
        'https://www.tehrantimes.com/news/447000/x?a=1&b=2',
      ].join('\n'),
    );
  });

  it('gives HTML with the headline as a link to the original', () => {
    expect(formatCitation(parts).html).toBe(
      '<blockquote>“All strategic issues between our two countries will be on the agenda,” Pompeo said.</blockquote>' +
        '<p>— Mike Pompeo, “<a href="https://www.tehrantimes.com/news/447000/x?a=1&amp;b=2">Kazemi Qomi predicts failure for U.S. plan</a>”, Tehran Times, April 18, 2020</p>',
    );
  });

  it('leaves out the speaker and the link when there are none', () => {
    const { text, html } = formatCitation({ ...parts, speakers: [], url: null });
    expect(text).toBe(`${parts.sentence}\n— “Kazemi Qomi predicts failure for U.S. plan”, Tehran Times, April 18, 2020`);
    expect(html).not.toContain('<a ');
  });

  it('leaves out what the corpus does not know, rather than write "Outlet unknown" or "undated" into it', () => {
    const { text, html } = formatCitation({ ...parts, outlet: null, date: null, url: null });
    expect(text).toBe(`${parts.sentence}\n— Mike Pompeo, “Kazemi Qomi predicts failure for U.S. plan”`);
    expect(html).toBe(`<blockquote>${parts.sentence}</blockquote><p>— Mike Pompeo, “Kazemi Qomi predicts failure for U.S. plan”</p>`);
  });

  it('cites an article without a headline by its opening, never by a title in quotes', () => {
    const opening = 'article beginning “Former Iranian Ambassador to Baghdad Hassan Kazemi Qomi has predicted failure…”';
    const { text, html } = formatCitation({ ...parts, headline: null, opening, outlet: null });
    expect(text.split('\n')[1]).toBe(`— Mike Pompeo, ${opening}, April 18, 2020`);
    expect(html).toContain(`— Mike Pompeo, <a href="https://www.tehrantimes.com/news/447000/x?a=1&amp;b=2">${opening}</a>, April 18, 2020`);
    // Nothing known but the sentence: the sentence alone.
    expect(formatCitation({ ...parts, speakers: [], headline: null, opening: null, outlet: null, date: null, url: null }).text).toBe(parts.sentence);
  });

  it('escapes markup in corpus text, so a pasted citation carries no element or attribute it did not build', () => {
    const hostile = {
      sentence: '<img src=x onerror="alert(1)"> & “quoted”',
      speakers: ['<script>alert(2)</script>'],
      headline: 'A "title" with \'quotes\' </a><b>bold</b>',
      opening: null,
      outlet: '<i>Outlet</i>',
      date: '<u>2020</u>',
      url: 'https://example.org/"><script>alert(3)</script>',
    };
    const { html, text } = formatCitation(hostile);
    // Only the elements the citation builds itself.
    expect([...html.matchAll(/<([a-z]+)/g)].map((m) => m[1])).toEqual(['blockquote', 'p', 'a']);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; “quoted”');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('A &quot;title&quot; with &#39;quotes&#39; &lt;/a&gt;&lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('href="https://example.org/&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;"');
    // Plain text is the text itself.
    expect(text.split('\n')[0]).toBe(hostile.sentence);
    expect(escapeHtml('<>&"\'')).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('links only plain http(s) originals', () => {
    expect(originalUrl({ url: 'https://example.org/a' })).toBe('https://example.org/a');
    expect(originalUrl({ url: 'http://example.org/a' })).toBe('http://example.org/a');
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'https://exa mple.org', null]) expect(originalUrl({ url })).toBeNull();
  });
});
