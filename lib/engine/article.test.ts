import { describe, expect, it } from 'vitest';
import { A, seedCorpus } from '../../tests/seeds';
import { parseArticle, titleFromLead, validateMeta } from './article';

const article = (id: string) => {
  const found = seedCorpus().articles.find((a) => a.id === id);
  if (!found) throw new Error(`no article ${id}`);
  return found;
};

describe('dates come from the text, never guessed', () => {
  it('reads " date 2018-08-20" at the head of the lead', () => {
    expect(article(A.qassemi).date).toEqual({ iso: '2018-08-20', text: '2018-08-20', source: 'text' });
  });
  it('reads "Jan 30, 2019 17:41 Asia/Tehran" keeping time and zone', () => {
    expect(article(A.moscow).date).toEqual({ iso: '2019-01-30', time: '17:41', zone: 'Asia/Tehran', text: 'Jan 30, 2019 17:41 Asia/Tehran', source: 'text' });
  });
  it('leaves an article with no date in its text undated ("on Monday" is not a date)', () => {
    expect(article(A.kanaani).date).toBeNull();
  });
  it('rejects impossible dates rather than inventing one', () => {
    expect(parseArticle('x', ' date 2020-02-31 Body text here.').date).toBeNull();
  });
});

describe('outlets, datelines and titles', () => {
  it.each([
    [A.qassemi, 'IRNA, Press TV and Tasnim News Agency', 'contributed'],
    [A.moscow, 'Iran Press', 'byline'],
    [A.rouhani, 'Mehr', 'reported'],
    [A.kanaani, 'Shafaq News', 'byline'],
  ])('%s is from %s (%s)', (id, name, how) => {
    expect(article(id).outlet).toMatchObject({ name, how, source: 'text' });
  });
  it('does not name an outlet the text does not give ("an interview with Tasnim" is a source, not the outlet)', () => {
    expect(article(A.kazemi).outlet).toBeNull();
  });
  it('finds the dateline and removes it from the body', () => {
    expect(article(A.rouhani).dateline).toBe('TEHRAN');
    expect(article(A.rouhani).paragraphs[0]).toMatch(/^President Hassan Rouhani says/);
    expect(article(A.qassemi).dateline).toBeNull();
  });
  it('uses the bullet headline of 001 and drops its repeat', () => {
    const a = article(A.moscow);
    expect(a.title).toBe('Iraq not to enter anti Iran alliance');
    expect(a.titleFromLead).toBe(false);
    expect(a.paragraphs[0]).toBe('Iraqi Foreign Minister assured Russia that Baghdad will not enter any treaty against Iran.');
  });
  it('otherwise titles with the lead sentence, shortened with an ellipsis', () => {
    const a = article(A.kazemi);
    expect(a.titleFromLead).toBe(true);
    expect(a.title.endsWith('…')).toBe(true);
    expect(a.title.length).toBeLessThanOrEqual(101);
    expect(a.paragraphs[0].startsWith(a.title.slice(0, -1))).toBe(true);
    expect(titleFromLead('Short lead. Second sentence.')).toBe('Short lead.');
  });
});

describe('body cleaning', () => {
  it('keeps related headlines apart from the body', () => {
    const a = article(A.moscow);
    expect(a.related).toEqual([
      'Russia considers anti-Iran conference in Poland as nonconstructive: Lavrov',
      "Iran-Iraq relations is none of Pompeo's business: Zarif",
      'Iraqi FM: Baghdad boycotts anti-Iran event in Poland',
      'Iraq won’t be a hub for US conspiracy against Iran: official',
    ]);
    const body = a.paragraphs.join('\n');
    expect(body).not.toMatch(/Related news|Read More|none of Pompeo's business/);
    expect(body).toContain('Lavrov went on to say');
  });
  it('strips byline prefixes, sign-off initials and credit lines', () => {
    expect(article(A.moscow).paragraphs[1]).toMatch(/^In a joint press conference/);
    expect(article(A.kanaani).paragraphs[0]).toMatch(/^Iranian Foreign Ministry spokesman Nasser Kanaani/);
    expect(article(A.kazemi).paragraphs.at(-1)).toMatch(/Abu Mahdi al-Muhandis, and a number of others in Baghdad\.$/);
    expect(article(A.qassemi).paragraphs.join(' ')).not.toContain('contributed to this story');
    expect(article(A.qassemi).credits).toEqual(['IRNA, Press TV and Tasnim News Agency contributed to this story.']);
  });
});

describe('sidecars', () => {
  it('win over the text and are marked as such', () => {
    const a = parseArticle('x', 'Shafaq News / Kanaani said things.', { date: '2024-02-05', outlet: 'Shafaq News English', url: 'https://example.org/a' });
    expect(a.date).toEqual({ iso: '2024-02-05', text: '2024-02-05', source: 'sidecar' });
    expect(a.outlet).toEqual({ name: 'Shafaq News English', how: 'sidecar', source: 'sidecar' });
    expect(a.url).toBe('https://example.org/a');
  });
  it('are validated field by field', () => {
    expect(validateMeta({ date: '2024-13-01', colour: 'red', url: 'javascript:alert(1)' }).problems).toEqual([
      'unknown field "colour" (allowed: date, time, zone, url, outlet, title)',
      '"date" must be a real date written YYYY-MM-DD, not "2024-13-01"',
      '"url" must be an http(s) address, not "javascript:alert(1)"',
    ]);
    expect(validateMeta([]).problems).toHaveLength(1);
  });
});
